package io.analytips.common;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thread that closes the context keeps the JVM alive until the close is done, though the threads that make it
 * (the signal dispatcher on SIGTERM, the console reader at the demo's end) are daemons.
 */
class ExitThreadTest {

	@Test
	void isNoDaemonEvenWhenTheThreadThatMakesItIs() throws InterruptedException {
		AtomicReference<Thread> made = new AtomicReference<>();
		Thread signalDispatcher = new Thread(() -> made.set(ExitThread.of("analytips-shutdown", null)), "Signal Dispatcher");
		signalDispatcher.setDaemon(true);
		signalDispatcher.start();
		signalDispatcher.join();

		assertThat(made.get().isDaemon()).isFalse();
		assertThat(made.get().getName()).isEqualTo("analytips-shutdown");
		assertThat(made.get().getState()).isEqualTo(Thread.State.NEW);
	}
}
