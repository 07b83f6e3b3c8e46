package io.analytips.console;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's exit keeps the JVM alive until the context is closed, though the console reader that starts it is a daemon. */
class ConsoleExitTest {

	@Test
	void theThreadThatClosesTheDemoIsNoDaemonEvenWhenTheConsoleReaderIs() throws InterruptedException {
		AtomicReference<Thread> made = new AtomicReference<>();
		Thread reader = new Thread(() -> made.set(ConsoleConfiguration.exit(null)), "console-input");
		reader.setDaemon(true);
		reader.start();
		reader.join();

		assertThat(made.get().isDaemon()).isFalse();
		assertThat(made.get().getName()).isEqualTo("demo-exit");
		assertThat(made.get().getState()).isEqualTo(Thread.State.NEW);
	}
}
