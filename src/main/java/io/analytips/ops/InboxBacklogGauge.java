package io.analytips.ops;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.context.SmartLifecycle;

/**
 * {@code analytips.inbox.backlog}: unfinished inbox rows, counted every {@code period} in the
 * background (a gauge must answer at once, a database query cannot); -1 while they cannot be counted.
 */
final class InboxBacklogGauge implements MeterBinder, SmartLifecycle {

	private final Supplier<Mono<Long>> backlog;

	private final Duration period;

	private final Scheduler scheduler;

	private final AtomicLong value = new AtomicLong(-1);

	private volatile Disposable running;

	InboxBacklogGauge(Supplier<Mono<Long>> backlog, Duration period, Scheduler scheduler) {
		this.backlog = backlog;
		this.period = period;
		this.scheduler = scheduler;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("analytips.inbox.backlog", value, AtomicLong::get)
			.description("Updates stored but not finished (-1: the inbox cannot be read)")
			.register(registry);
	}

	long value() {
		return value.get();
	}

	@Override
	public void start() {
		running = Flux.interval(Duration.ZERO, period, scheduler)
			.onBackpressureDrop()
			.concatMap(tick -> backlog.get().timeout(Duration.ofSeconds(5), scheduler).onErrorReturn(-1L).defaultIfEmpty(-1L), 1)
			.subscribe(value::set);
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
