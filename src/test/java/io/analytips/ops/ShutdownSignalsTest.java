package io.analytips.ops;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The thread a signal starts keeps the JVM alive until the context is closed, though signals come on a daemon. */
class ShutdownSignalsTest {

	@Test
	void theThreadThatClosesTheContextIsNoDaemonEvenWhenTheThreadThatMakesItIs() throws InterruptedException {
		AtomicReference<Thread> made = new AtomicReference<>();
		Thread signalDispatcher = new Thread(() -> made.set(ShutdownSignals.closer(null)), "Signal Dispatcher");
		signalDispatcher.setDaemon(true);
		signalDispatcher.start();
		signalDispatcher.join();

		assertThat(made.get().isDaemon()).isFalse();
		assertThat(made.get().getName()).isEqualTo("analytips-shutdown");
		assertThat(made.get().getState()).isEqualTo(Thread.State.NEW);
	}
}
