package io.analytips.common;

import java.time.Duration;
import java.util.function.Supplier;

import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

import org.springframework.context.SmartLifecycle;

/**
 * A round of background work every {@code period} while the application runs, one round at a time:
 * a round slower than the period makes the next tick be skipped, not queued. A failing round is
 * the round's own business (it must not error: the schedule would end).
 */
public final class Periodic implements SmartLifecycle {

	private final Duration delay;

	private final Duration period;

	private final Scheduler scheduler;

	private final Supplier<? extends Publisher<?>> round;

	private volatile Disposable running;

	public Periodic(Duration delay, Duration period, Scheduler scheduler, Supplier<? extends Publisher<?>> round) {
		this.delay = delay;
		this.period = period;
		this.scheduler = scheduler;
		this.round = round;
	}

	@Override
	public void start() {
		running = Flux.interval(delay, period, scheduler).onBackpressureDrop().concatMap(tick -> round.get(), 1).subscribe();
	}

	@Override
	public void stop() {
		Disposable current = running;
		if (current != null) {
			current.dispose();
		}
		running = null;
	}

	@Override
	public boolean isRunning() {
		return running != null;
	}
}
