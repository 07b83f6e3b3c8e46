package io.analytips.pipeline.journal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

import io.analytips.common.Permits;
import io.analytips.common.SendRecord;
import io.analytips.pipeline.Inbox;
import io.analytips.pipeline.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Bounds what a crash can answer twice. Telegram has no idempotent send, so an update whose reply
 * arrived but whose outcome was not yet written would be answered again after a restart. For every
 * message of an update the {@link SendJournal} records that it is about to go ({@code SENDING}) and,
 * before the handler goes on, that Telegram acknowledged it ({@code SENT}); once the handling is over
 * it records the outcome ({@code ENDED}). A restart finishes an update that ended, or one any of whose
 * messages was acknowledged, without answering it again ({@code recovery.Replay}). What is left is the first
 * messages on the wire at the instant of the crash, and the microseconds between an acknowledgement
 * and its record. At most {@code size} updates may be in that stretch at once: further first messages
 * wait for a place (slowing intake rather than letting records fall behind). What follows a record
 * runs on a shared scheduler, never on the journal's one thread.
 * <p>
 * Measured: {@code analytips.outbound.record.lag} (acknowledged → recorded, first messages) and
 * {@code analytips.outbound.unrecorded} (acknowledged, not yet recorded), and a summary at stop.
 */
public final class SendWindow {

	private static final Logger log = LoggerFactory.getLogger(SendWindow.class);

	/** The longest a first message waits for a place in the window. */
	static final Duration MAX_WAIT = Duration.ofSeconds(30);

	private final SendJournal journal;

	private final Permits places;

	private final Scheduler continuing;

	private final AtomicInteger unrecorded = new AtomicInteger();

	private final AtomicInteger recordFailures = new AtomicInteger();

	private final Timer lag;

	private final Counter unprotected;

	/** Marks an acknowledged first message where a successor can read it (with replicas), else nothing. */
	private final LongFunction<Mono<Void>> markSent;

	public SendWindow(SendJournal journal, int size, MeterRegistry registry) {
		this(journal, size, registry, Schedulers.parallel(), updateId -> Mono.empty());
	}

	/** @param continuing where a send goes on once its record is written: never the journal's own thread */
	public SendWindow(SendJournal journal, int size, MeterRegistry registry, Scheduler continuing) {
		this(journal, size, registry, continuing, updateId -> Mono.empty());
	}

	/**
	 * @param markSent marks an acknowledged first message in the database replicas share ({@link Inbox#markFirstSent}):
	 *        its place in the window is given back only once the mark is durable, so what a successor cannot know
	 *        was answered is at most {@code size} updates
	 */
	public SendWindow(SendJournal journal, int size, MeterRegistry registry, LongFunction<Mono<Void>> markSent) {
		this(journal, size, registry, Schedulers.parallel(), markSent);
	}

	SendWindow(SendJournal journal, int size, MeterRegistry registry, Scheduler continuing,
			LongFunction<Mono<Void>> markSent) {
		this.markSent = markSent;
		this.journal = journal;
		this.continuing = continuing;
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

	/**
	 * The sends of one update, for the Reactor context of its handling. Its records are released by
	 * the journal once its outcome is durable ({@link SendJournal#release}, called by {@code recovery.InFlight}).
	 */
	public Sends forUpdate(long updateId) {
		return new Sends(updateId);
	}

	/** The record of one update's sends. */
	public final class Sends implements SendRecord {

		private final long updateId;

		private final AtomicBoolean first = new AtomicBoolean();

		/** The next message's sequence number within the update (each attempt of a message takes one). */
		private final AtomicInteger sequence = new AtomicInteger();

		private Sends(long updateId) {
			this.updateId = updateId;
		}

		@Override
		public <T> Mono<T> around(Mono<T> send) {
			if (!first.compareAndSet(false, true)) {
				return laterMessage(send);
			}
			// A first attempt that fails is retried by the sender: the retry is the first message then.
			return firstMessage(send).doOnError(error -> first.set(false)).doOnCancel(() -> first.set(false));
		}

		/** Whether a message of this update has started: handling it again from the start could repeat it. */
		public boolean startedAny() {
			return sequence.get() > 0;
		}

		/**
		 * The handling ended with {@code outcome} (every message it sent went or failed): recorded when it
		 * sent any, so that a restart finishes it with that outcome instead of guessing from its messages.
		 */
		public Mono<Void> ended(Outcome outcome) {
			return Mono.defer(() -> sequence.get() == 0 ? Mono.empty() : record(JournalRecord.Kind.ENDED, outcome.ordinal()));
		}

		/**
		 * A later message (the next part of a split text, a second reply): recorded before and after like
		 * the first, so a restart knows how many went; it takes no place in the window, because a restart
		 * never answers again an update one of whose messages was acknowledged ({@code recovery.Replay}).
		 */
		private <T> Mono<T> laterMessage(Mono<T> send) {
			return Mono.defer(() -> {
				int message = sequence.getAndIncrement();
				return record(JournalRecord.Kind.SENDING, message).publishOn(continuing).then(send)
					.flatMap(value -> record(JournalRecord.Kind.SENT, message).publishOn(continuing).thenReturn(value));
			});
		}

		private <T> Mono<T> firstMessage(Mono<T> send) {
			// Its place is taken before it is recorded as starting: a start counts only a message about to
			// go, not one still waiting for a place, so a restart's count of those it may repeat is true.
			return places.run(() -> Mono.defer(() -> {
				int message = sequence.getAndIncrement();
				return record(JournalRecord.Kind.SENDING, message).publishOn(continuing).then(send).flatMap(value -> {
					long acknowledged = System.nanoTime();
					unrecorded.incrementAndGet();
					Runnable recorded = () -> {
						unrecorded.decrementAndGet();
						lag.record(System.nanoTime() - acknowledged, TimeUnit.NANOSECONDS);
					};
					// Counted before the handler hears of it (doFinally would run after). The place is also held
					// until a successor can read that the first message arrived.
					return record(JournalRecord.Kind.SENT, message).publishOn(continuing).then(markForSuccessor())
						.doOnTerminate(recorded)
						.doOnCancel(recorded)
						.thenReturn(value);
				});
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

		/**
		 * Appends a record. What follows it runs on the journal's thread unless the caller moves it: the send after a
		 * SENDING record and the handler after a SENT one go to {@code continuing}; the outcome write after an ENDED
		 * record is short and stays (a hop after every record cost throughput in the pipeline benchmark).
		 */
		private Mono<Void> record(JournalRecord.Kind progress, int value) {
			return journal.append(updateId, progress, value).onErrorResume(error -> {
				unprotected.increment();
				if (recordFailures.getAndIncrement() % 100 == 0) {
					log.warn("Could not record that a message of update {} was {} ({}); a crash now may answer it twice",
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
	public String summary() {
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
