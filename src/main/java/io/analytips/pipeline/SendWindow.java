package io.analytips.pipeline;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

import io.analytips.common.Permits;
import io.analytips.common.SendRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Bounds what a crash can answer twice. Telegram has no idempotent send, so an update whose reply
 * arrived but whose outcome was not yet written would be answered again after a restart. For each
 * update's first message the {@link SendJournal} records that it is about to go ({@code SENDING})
 * and, before the handler goes on, that Telegram acknowledged it ({@code SENT}); a restart finishes
 * a {@code SENT} update without answering it again. What is left is the messages on the wire at the
 * instant of the crash, and the microseconds between an acknowledgement and its record. At most
 * {@code size} updates may be in that stretch at once: further first messages wait for a place
 * (slowing intake rather than letting records fall behind).
 * <p>
 * Measured: {@code analytips.outbound.record.lag} (acknowledged → recorded) and
 * {@code analytips.outbound.unrecorded} (acknowledged, not yet recorded), and a summary at stop.
 */
final class SendWindow {

	private static final Logger log = LoggerFactory.getLogger(SendWindow.class);

	/** The longest a first message waits for a place in the window. */
	static final Duration MAX_WAIT = Duration.ofSeconds(30);

	private final SendJournal journal;

	private final Permits places;

	private final AtomicInteger unrecorded = new AtomicInteger();

	private final AtomicInteger recordFailures = new AtomicInteger();

	private final Timer lag;

	private final Counter unprotected;

	/** Marks an acknowledged first message where a successor can read it (with replicas), else nothing. */
	private final LongFunction<Mono<Void>> markSent;

	SendWindow(SendJournal journal, int size, MeterRegistry registry) {
		this(journal, size, registry, updateId -> Mono.empty());
	}

	/**
	 * @param markSent marks an acknowledged first message in the database replicas share ({@link Inbox#markFirstSent}):
	 *        its place in the window is given back only once the mark is durable, so what a successor cannot know
	 *        was answered is at most {@code size} updates
	 */
	SendWindow(SendJournal journal, int size, MeterRegistry registry, LongFunction<Mono<Void>> markSent) {
		this.markSent = markSent;
		this.journal = journal;
		this.places = new Permits(size);
		this.lag = Timer.builder("analytips.outbound.record.lag")
			.description("From Telegram's acknowledgement of an update's first message to its record in the send journal")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
		this.unprotected = Counter.builder("analytips.outbound.unrecorded.sends")
			.description("First messages whose record could not be written: a crash may answer their updates twice")
			.register(registry);
		Gauge.builder("analytips.outbound.unrecorded", unrecorded, AtomicInteger::get)
			.description("First messages Telegram acknowledged whose record is not yet written")
			.register(registry);
	}

	/** The sends of one update: for the Reactor context of its handling, and {@link #finished} once its outcome is in. */
	Sends forUpdate(long updateId) {
		return new Sends(updateId);
	}

	/** The update's outcome is in the inbox: its records are no longer needed. */
	void finished(Sends sends) {
		journal.finished(sends.held);
	}

	/** The record of one update's sends. */
	final class Sends implements SendRecord {

		private final long updateId;

		private final AtomicBoolean first = new AtomicBoolean();

		/** The journal's segments with a record of this update; touched by the journal's thread, then at the end. */
		private final Set<SendJournal.Segment> held = new HashSet<>();

		private Sends(long updateId) {
			this.updateId = updateId;
		}

		@Override
		public <T> Mono<T> around(Mono<T> send) {
			if (!first.compareAndSet(false, true)) {
				return send;
			}
			// A first attempt that fails is retried by the sender: the retry is the first message then.
			return firstMessage(send).doOnError(error -> first.set(false)).doOnCancel(() -> first.set(false));
		}

		private <T> Mono<T> firstMessage(Mono<T> send) {
			// Its place is taken before it is recorded as starting: a start counts only a message about to
			// go, not one still waiting for a place, so a restart's count of those it may repeat is true.
			return places.run(() -> record(SendProgress.SENDING).then(send).flatMap(value -> {
				long acknowledged = System.nanoTime();
				unrecorded.incrementAndGet();
				Runnable recorded = () -> {
					unrecorded.decrementAndGet();
					lag.record(System.nanoTime() - acknowledged, TimeUnit.NANOSECONDS);
				};
				// Counted before the handler hears of it (doFinally would run after).
				return record(SendProgress.SENT).then(markForSuccessor())
					.doOnTerminate(recorded)
					.doOnCancel(recorded)
					.thenReturn(value);
			}), MAX_WAIT);
		}

		/** The mark a successor reads; a failed one costs the guarantee for this update (counted), not the update. */
		private Mono<Void> markForSuccessor() {
			return markSent.apply(updateId).onErrorResume(error -> {
				unprotected.increment();
				if (recordFailures.getAndIncrement() % 100 == 0) {
					log.warn("Could not mark update {}'s first message as sent in the database ({}); a successor taking over"
							+ " now may answer it twice", updateId, error.toString());
				}
				return Mono.empty();
			});
		}

		private Mono<Void> record(SendProgress progress) {
			return journal.append(updateId, progress, held).onErrorResume(error -> {
				unprotected.increment();
				if (recordFailures.getAndIncrement() % 100 == 0) {
					log.warn("Could not record that update {}'s first message was {} ({}); a crash now may answer it twice",
							updateId, progress, error.toString());
				}
				return Mono.empty();
			});
		}
	}

	/** Acknowledged first messages whose record is not yet written. */
	int unrecorded() {
		return unrecorded.get();
	}

	/** For the log at stop: how wide the window was. */
	String summary() {
		var snapshot = lag.takeSnapshot();
		double p50 = 0;
		double p99 = 0;
		for (ValueAtPercentile percentile : snapshot.percentileValues()) {
			if (percentile.percentile() == 0.5) {
				p50 = percentile.value(TimeUnit.MILLISECONDS);
			}
			else if (percentile.percentile() == 0.99) {
				p99 = percentile.value(TimeUnit.MILLISECONDS);
			}
		}
		return String.format("%d first messages recorded; acknowledged to recorded p50 %.3f ms, p99 %.3f ms, max %.3f ms;"
				+ " %d acknowledged and not yet recorded", snapshot.count(), p50, p99,
				snapshot.max(TimeUnit.MILLISECONDS), unrecorded.get());
	}
}
