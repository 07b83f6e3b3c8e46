package io.analytips.pipeline;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The pipeline's meters: updates received, outcomes, handling time. Queue gauges are registered
 * by the pipeline itself once it exists.
 */
public final class PipelineMetrics {

	/** By outcome and kind, and by action: both from fixed sets, so these stay small. */
	private final java.util.Map<String, Counter> finishedCounters = new java.util.concurrent.ConcurrentHashMap<>();

	private final java.util.Map<String, Counter> actionCounters = new java.util.concurrent.ConcurrentHashMap<>();

	private final MeterRegistry registry;

	private final Counter received;

	private final Counter duplicates;

	private final Timer handling;

	private final Timer replyLatency;

	public PipelineMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.received = Counter.builder("analytips.updates.received")
			.description("Updates stored and admitted to the pipeline")
			.register(registry);
		this.duplicates = Counter.builder("analytips.updates.replayed")
			.description("Unfinished updates replayed from the inbox at start-up")
			.register(registry);
		// The usual kinds are registered up front, so dashboards show zeros instead of gaps.
		for (Outcome outcome : Outcome.values()) {
			for (String type : List.of("message", "callback_query", "inline_query")) {
				finishedCounter(outcome, type);
			}
		}
		this.handling = Timer.builder("analytips.updates.handling")
			.description("Time from dispatch to outcome")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
		this.replyLatency = Timer.builder("analytips.reply.latency")
			.description("From an update's admission to the end of its handling (replies sent), for handled updates")
			.serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
					Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
					Duration.ofSeconds(10), Duration.ofSeconds(30))
			.register(registry);
	}

	MeterRegistry registry() {
		return registry;
	}

	public void received() {
		received.increment();
	}

	public void replayed() {
		duplicates.increment();
	}

	/**
	 * An unfinished update found at start, by how far its messages had got:
	 * {@code answered} (its handling had ended: finished, not answered again), {@code partial} (some
	 * messages acknowledged, its handling not ended: finished done, not answered again) or {@code resent}
	 * (a message may have arrived, none was acknowledged: answered again).
	 */
	public void recovered(String how) {
		Counter.builder("analytips.updates.recovered")
			.description("Unfinished updates found at start with messages sent before the stop, by what became of them")
			.tag("how", how)
			.register(registry)
			.increment();
	}

	/** An update finished; {@code type} is its kind ({@code message}, {@code callback_query}, …, {@code unreadable}). */
	public void finished(Outcome outcome, String type) {
		finishedCounter(outcome, type).increment();
	}

	private Counter finishedCounter(Outcome outcome, String type) {
		// looked up once per pair: building and registering a meter for each update showed in the profile
		return finishedCounters.computeIfAbsent(outcome.code() + '/' + type, key -> Counter.builder("analytips.updates.finished")
			.description("Updates finished, by outcome and kind")
			.tag("outcome", outcome.code())
			.tag("type", type)
			.register(registry));
	}

	/** A handled update's time from admission to the end of its handling. */
	public void replied(Duration took) {
		replyLatency.record(took);
	}

	/** What the user did ({@link Handler#action}); bounded names only. */
	public void action(String action) {
		actionCounters.computeIfAbsent(action, name -> Counter.builder("analytips.user.actions")
			.description("User actions handled, by kind")
			.tag("action", name)
			.register(registry)).increment();
	}

	public void handled(Duration took) {
		handling.record(took);
	}
}
