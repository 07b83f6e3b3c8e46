package io.analytips.ops;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.analytips.common.ExitThread;
import io.analytips.host.BotHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * SIGTERM and SIGINT: the first closes the application context (the pipeline drains within its
 * deadline, then everything closes in order) and exits 0; a second one ends the drain early.
 * The JVM's own handling would exit 143 and give the drain no second-signal escape.
 * <p>
 * {@code sun.misc.Signal} has no public replacement (it stays exported by {@code jdk.unsupported}
 * for exactly this, JEP 260). javac warns "internal proprietary API" on each use, and
 * {@code @SuppressWarnings} cannot silence that warning: the build's [WARNING] lines for this file
 * are expected.
 */
public final class ShutdownSignals {

	private static final Logger log = LoggerFactory.getLogger(ShutdownSignals.class);

	private final AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();

	private final AtomicInteger received = new AtomicInteger();

	private ShutdownSignals() {
	}

	/** Installs the handlers; call before the application starts. */
	public static ShutdownSignals install() {
		ShutdownSignals signals = new ShutdownSignals();
		Signal.handle(new Signal("TERM"), signals::onSignal);
		Signal.handle(new Signal("INT"), signals::onSignal);
		return signals;
	}

	/** The context to close on the first signal. */
	public void attach(ConfigurableApplicationContext started) {
		context.set(started);
	}

	private void onSignal(Signal signal) {
		int count = received.incrementAndGet();
		ConfigurableApplicationContext current = context.get();
		if (count == 1) {
			log.info("SIG{} received: shutting down (send it again to end the drain early)", signal.getName());
			ExitThread.of("analytips-shutdown", current).start();
		}
		else if (current != null) {
			log.info("SIG{} received again: ending the drain now", signal.getName());
			current.getBeanProvider(BotHost.class).ifAvailable(BotHost::abortDrain);
		}
	}
}
