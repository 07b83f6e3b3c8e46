package io.analytips.store;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClosingGateTest {

	private final AtomicInteger ends = new AtomicInteger();

	private final ClosingGate gate = new ClosingGate(ends::incrementAndGet);

	@Test
	void endsAtOnceWhenNobodyIsInsideAndLetsNobodyInAfter() {
		gate.close();
		assertThat(ends).hasValue(1);
		assertThat(gate.enter()).isFalse();
		gate.close();
		assertThat(ends).hasValue(1);
	}

	@Test
	void endsOnlyOnceTheLastOneInsideLeaves() {
		assertThat(gate.enter()).isTrue();
		assertThat(gate.enter()).isTrue();
		gate.close();
		assertThat(gate.enter()).isFalse();
		gate.leave();
		assertThat(ends).hasValue(0);
		gate.leave();
		assertThat(ends).hasValue(1);
	}

	@Test
	void leavingAnOpenGateEndsNothing() {
		assertThat(gate.enter()).isTrue();
		gate.leave();
		assertThat(ends).hasValue(0);
		assertThat(gate.enter()).isTrue();
	}
}
