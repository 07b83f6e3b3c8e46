package io.analytips.common;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OncePerPeriodTest {

	private final MutableClock clock = new MutableClock();

	private final OncePerPeriod<Long> gate = new OncePerPeriod<>(Duration.ofMinutes(1), clock);

	@Test
	void opensOncePerKeyPerPeriod() {
		assertThat(gate.tryAcquire(1L)).isTrue();
		assertThat(gate.tryAcquire(1L)).isFalse();
		assertThat(gate.tryAcquire(2L)).isTrue();
		clock.advance(Duration.ofSeconds(59));
		assertThat(gate.tryAcquire(1L)).isFalse();
		clock.advance(Duration.ofSeconds(1));
		assertThat(gate.tryAcquire(1L)).isTrue();
	}

	@Test
	void forgetsKeysAfterThePeriod() {
		for (long key = 0; key < 100; key++) {
			gate.tryAcquire(key);
		}
		assertThat(gate.size()).isEqualTo(100);
		clock.advance(Duration.ofMinutes(2));
		assertThat(gate.size()).isZero();
	}
}
