package io.analytips.pipeline;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The pipeline's meters: updates received, outcomes, handling time. Queue gauges are registered
 * by the pipeline itself once it exists.
 */
public final class PipelineMetrics {

	private final MeterRegistry registry;

	private final Counter received;

	private final Counter duplicates;

	private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);

	private final Timer handling;

	public PipelineMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.received = Counter.builder("analytips.updates.received")
			.description("Updates stored and admitted to the pipeline")
			.register(registry);
		this.duplicates = Counter.builder("analytips.updates.replayed")
			.description("Unfinished updates replayed from the inbox at start-up")
			.register(registry);
		for (Outcome outcome : Outcome.values()) {
			outcomes.put(outcome, Counter.builder("analytips.updates.finished")
				.description("Updates finished, by outcome")
				.tag("outcome", outcome.code())
				.register(registry));
		}
		this.handling = Timer.builder("analytips.updates.handling")
			.description("Time from dispatch to outcome")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
	}

	MeterRegistry registry() {
		return registry;
	}

	void received() {
		received.increment();
	}

	void replayed() {
		duplicates.increment();
	}

	void finished(Outcome outcome) {
		outcomes.get(outcome).increment();
	}

	void handled(Duration took) {
		handling.record(took);
	}
}
