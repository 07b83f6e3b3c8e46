package io.analytips.ops.metrics;


import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;


/**
 * {@code analytips.inbox.backlog}: unfinished inbox rows, counted in the background by
 * {@link #refresh} (a gauge must answer at once, a database query cannot); -1 while they cannot be counted.
 */
public final class InboxBacklogGauge implements MeterBinder {

	private final Supplier<Mono<Long>> backlog;

	private final Scheduler scheduler;

	private final AtomicLong value = new AtomicLong(-1);

	InboxBacklogGauge(Supplier<Mono<Long>> backlog, Scheduler scheduler) {
		this.backlog = backlog;
		this.scheduler = scheduler;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("analytips.inbox.backlog", value, AtomicLong::get)
			.description("Updates stored but not finished (-1: the inbox cannot be read)")
			.register(registry);
	}

	public long value() {
		return value.get();
	}

	/** One count, for a {@link io.analytips.common.Periodic}: never errors. */
	Mono<Long> refresh() {
		return backlog.get().timeout(Duration.ofSeconds(5), scheduler).onErrorReturn(-1L).defaultIfEmpty(-1L)
			.doOnNext(value::set);
	}
}
