package io.analytips.pipeline.recovery;

import java.time.Duration;

import io.analytips.pipeline.Inbox;
import io.analytips.telegram.ReceivedUpdate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * Finds parked updates while the bot runs. An insert can commit while its answer is lost (a
 * dropped connection, a database slower than the store retry); the retry then finds the row
 * present and hands nothing over, so nobody handles it, and the start-up replay is the only
 * other way back. Each {@link #round()} (run every quarter of {@code parkedAfter} by a
 * {@link io.analytips.common.Periodic}) first writes again the outcomes that could not be
 * written, then takes the unfinished rows older than {@code parkedAfter} that are not
 * {@link InFlight}, enters each (so it is never handled twice at once, nor while it is being
 * handled) and hands it to the pipeline through {@link #updates()}: at most {@link #PER_ROUND}
 * a round. {@code parkedAfter} must exceed the store retry (5 s), past which no insert can still
 * hand its update over.
 */
public final class ParkedUpdates {

	private static final Logger log = LoggerFactory.getLogger(ParkedUpdates.class);

	/** Rows taken per round, and the most that waits to enter the pipeline. */
	static final int PER_ROUND = 256;

	private final Inbox inbox;

	private final InFlight inFlight;

	private final Duration parkedAfter;

	private final Counter found;

	/** This run's way into the pipeline, from {@link #updates()}. */
	private volatile Sinks.Many<ReceivedUpdate> next;

	/** Where found updates go: {@link #next} while looking, null before the replay ends and after a stop. */
	private volatile Sinks.Many<ReceivedUpdate> out;

	/** Only the round (one at a time) touches it. */
	private int failuresInARow;

	public ParkedUpdates(Inbox inbox, InFlight inFlight, Duration parkedAfter, MeterRegistry registry) {
		this.inbox = inbox;
		this.inFlight = inFlight;
		this.parkedAfter = parkedAfter;
		this.found = Counter.builder("analytips.updates.parked")
			.description("Unfinished updates nobody held (their insert's answer was lost), dispatched again while running")
			.register(registry);
	}

	/** How often to look. */
	public Duration period() {
		return parkedAfter.dividedBy(4);
	}

	/** This run's parked updates, from the first round after {@link #look()} until {@link #stop()}. */
	public Flux<ReceivedUpdate> updates() {
		Sinks.Many<ReceivedUpdate> sink = Sinks.many().unicast()
			.onBackpressureBuffer(Queues.<ReceivedUpdate>get(PER_ROUND).get());
		next = sink;
		return sink.asFlux();
	}

	/** Starts looking (once the start-up replay is over: until then every unfinished row is the replay's). */
	public void look() {
		out = next;
	}

	public void stop() {
		out = null;
	}

	/** One look; never errors (a failing one is logged, the first of a streak and then every tenth). */
	public Mono<Void> round() {
		return Mono.defer(() -> {
			Sinks.Many<ReceivedUpdate> sink = out;
			if (sink == null) {
				return Mono.empty();
			}
			return inFlight.rewrite()
				// Rows this process holds are left out, so that they never fill the page.
				.thenMany(Flux.defer(() -> inbox.unfinishedOlderThan(parkedAfter, inFlight.ids(), PER_ROUND)))
				.filter(update -> inFlight.enter(update.updateId()))
				.filter(update -> handedOver(sink, update))
				.count()
				.doOnNext(count -> {
					failuresInARow = 0;
					if (count > 0) {
						found.increment(count);
						log.warn("Found {} parked updates (stored over {} ago, held by nobody: an insert's answer was lost); "
								+ "handling them now", count, parkedAfter);
					}
				})
				.onErrorResume(error -> {
					failuresInARow++;
					if (failuresInARow == 1 || failuresInARow % 10 == 0) {
						log.warn("Could not look for parked updates ({} in a row): {}", failuresInARow, error.toString());
					}
					return Mono.empty();
				})
				.then();
		});
	}

	private boolean handedOver(Sinks.Many<ReceivedUpdate> sink, ReceivedUpdate update) {
		if (sink.tryEmitNext(update).isSuccess()) {
			return true;
		}
		inFlight.release(update.updateId()); // the pipeline is full or stopping: the next round takes it
		return false;
	}
}
