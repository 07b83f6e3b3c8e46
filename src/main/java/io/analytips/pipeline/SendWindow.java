package io.analytips.pipeline;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
 * arrived but whose outcome was not yet written is answered again after a restart. For each
 * update's first message the inbox records that it is about to go ({@code SENDING}) and, before
 * the handler goes on, that Telegram acknowledged it ({@code SENT}); a restart finishes a
 * {@code SENT} update without answering it again. What is left is the window between Telegram's
 * acknowledgement and that record's commit, and the messages on the wire at the instant of the
 * crash; at most {@code size} updates may be inside it at once: further first messages wait for a
 * place (slowing intake rather than letting records fall behind).
 * <p>
 * Measured: {@code analytips.outbound.record.lag} (acknowledged → recorded) and
 * {@code analytips.outbound.unrecorded} (acknowledged, not yet recorded), and a summary at stop.
 * While the inbox is failing (the database is down) nothing is recorded and nothing waits.
 */
final class SendWindow {

	private static final Logger log = LoggerFactory.getLogger(SendWindow.class);

	/** A record that takes longer is given up (logged): the message goes, unprotected. */
	static final Duration RECORD_TIMEOUT = Duration.ofSeconds(2);

	/** The longest a first message waits for a place in the window. */
	static final Duration MAX_WAIT = Duration.ofSeconds(30);

	private final Inbox inbox;

	private final Permits places;

	private final AtomicInteger unrecorded = new AtomicInteger();

	private final AtomicInteger recordFailures = new AtomicInteger();

	private final Timer lag;

	private final Counter unprotected;

	SendWindow(Inbox inbox, int size, MeterRegistry registry) {
		this.inbox = inbox;
		this.places = new Permits(size);
		this.lag = Timer.builder("analytips.outbound.record.lag")
			.description("From Telegram's acknowledgement of an update's first message to its record in the inbox")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
		this.unprotected = Counter.builder("analytips.outbound.unrecorded.sends")
			.description("First messages sent without their record (the inbox failing or slow): a crash may repeat them")
			.register(registry);
		Gauge.builder("analytips.outbound.unrecorded", unrecorded, AtomicInteger::get)
			.description("First messages Telegram acknowledged whose record is not yet committed")
			.register(registry);
	}

	/** The record of one update's sends, for the Reactor context of its handling ({@link SendRecord#KEY}). */
	SendRecord forUpdate(long updateId) {
		AtomicBoolean first = new AtomicBoolean();
		return new SendRecord() {
			@Override
			public <T> Mono<T> around(Mono<T> send) {
				if (!first.compareAndSet(false, true)) {
					return send;
				}
				// A first attempt that fails is retried by the sender: the retry is the first message then.
				return firstMessage(updateId, send).doOnError(error -> first.set(false)).doOnCancel(() -> first.set(false));
			}
		};
	}

	private <T> Mono<T> firstMessage(long updateId, Mono<T> send) {
		if (inbox.isFailing()) {
			unprotected.increment();
			return send;
		}
		// Recording that it starts costs this message a commit's latency but holds no place: only the
		// stretch from the send to the record of its arrival counts against the window.
		return record(updateId, Unfinished.Progress.SENDING).then(places.run(() -> send.flatMap(value -> {
			long acknowledged = System.nanoTime();
			unrecorded.incrementAndGet();
			return record(updateId, Unfinished.Progress.SENT)
				.doFinally(signal -> {
					unrecorded.decrementAndGet();
					lag.record(System.nanoTime() - acknowledged, TimeUnit.NANOSECONDS);
				})
				.thenReturn(value);
		}), MAX_WAIT));
	}

	private Mono<Void> record(long updateId, Unfinished.Progress progress) {
		return inbox.recordSend(updateId, progress).timeout(RECORD_TIMEOUT).onErrorResume(error -> {
			unprotected.increment();
			if (recordFailures.getAndIncrement() % 100 == 0) {
				log.warn("Could not record that update {}'s first message was {} ({}); a crash now may answer it twice",
						updateId, progress, error.toString());
			}
			return Mono.empty();
		});
	}

	/** Acknowledged first messages whose record is not yet committed. */
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
		return String.format("%d first messages recorded; acknowledged to recorded p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
				+ " %d acknowledged and not yet recorded", snapshot.count(), p50, p99,
				snapshot.max(TimeUnit.MILLISECONDS), unrecorded.get());
	}
}
