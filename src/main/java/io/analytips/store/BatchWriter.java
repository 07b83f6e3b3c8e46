package io.analytips.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * Group commit for small statements (writes, and reads by key): items submitted from any thread are collected into
 * batches (up to {@code maxBatch} items, or whatever arrived within {@code linger}) and written (or read) one batch
 * at a time with a single statement, so that per-row round trips do not cap throughput. A failed batch is retried
 * with backoff for up to {@code retryFor}, then its items fail; a batch of reads ({@link #reads}) is not retried.
 * <p>
 * Bounded: at most {@code capacity} items are accepted and not yet answered (waiting for their batch, or in the batch
 * being written); by default {@value #QUEUED_BATCHES} batches' worth. A submission that would go beyond is refused at
 * once with a {@link QueueFullException}, nothing of it queued, so the caller keeps the items and decides: the inbox's
 * sources do not confirm the updates to Telegram and retry (long polling) or answer 503 (webhook), so nothing is
 * lost. This happens only when the database has been slower than the arrivals for a while.
 *
 * @param <T> the item written (or the key read)
 * @param <R> the per-item result
 */
public final class BatchWriter<T, R> {

	private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

	/** The default capacity, in batches of {@code maxBatch} items. */
	public static final int QUEUED_BATCHES = 20;

	private final String name;

	private final Function<List<T>, Mono<List<R>>> write;

	private final int capacity;

	/** Items accepted and not answered yet: what {@code capacity} bounds. */
	private final AtomicInteger accepted = new AtomicInteger();

	/**
	 * Thread-safe without spinning: {@code Flux.create}'s sink serialises concurrent emissions. Its
	 * buffer is unbounded as such; {@link #accepted} is what keeps it within {@code capacity}.
	 */
	private volatile FluxSink<Pending<T, R>> queue;

	/** Submissions put items into {@link #queue} only through it, so none enters after its end (unanswered). */
	private final ClosingGate gate = new ClosingGate(() -> queue.complete());

	private final Sinks.Empty<Void> drained = Sinks.empty();

	private final Disposable subscription;

	/**
	 * A writer holding at most {@value #QUEUED_BATCHES} batches' worth of items.
	 *
	 * @param write writes a batch and emits one result per item, in order
	 */
	public BatchWriter(String name, int maxBatch, Duration linger, Duration retryFor,
			Function<List<T>, Mono<List<R>>> write) {
		this(name, maxBatch, QUEUED_BATCHES * maxBatch, linger, retryFor, write);
	}

	/**
	 * A batch reader holding at most {@value #QUEUED_BATCHES} batches' worth of keys. A batch that fails fails its
	 * items at once, without a retry: {@code read} brings its own deadline.
	 *
	 * @param read reads a batch and emits one result per key, in order
	 */
	public static <T, R> BatchWriter<T, R> reads(String name, int maxBatch, Duration linger,
			Function<List<T>, Mono<List<R>>> read) {
		return new BatchWriter<>(name, maxBatch, QUEUED_BATCHES * maxBatch, linger, read, null);
	}

	/**
	 * @param capacity the most items accepted and not yet answered (at least {@code maxBatch})
	 * @param write writes a batch and emits one result per item, in order
	 */
	public BatchWriter(String name, int maxBatch, int capacity, Duration linger, Duration retryFor,
			Function<List<T>, Mono<List<R>>> write) {
		this(name, maxBatch, capacity, linger, write, Objects.requireNonNull(retryFor, "retryFor"));
	}

	/** @param retryFor how long a failed batch is tried again; null: not at all (a reader's) */
	private BatchWriter(String name, int maxBatch, int capacity, Duration linger, Function<List<T>, Mono<List<R>>> write,
			Duration retryFor) {
		if (maxBatch < 1 || capacity < maxBatch) {
			throw new IllegalArgumentException(name + ": need 1 <= maxBatch <= capacity, was " + maxBatch + " and " + capacity);
		}
		this.name = Objects.requireNonNull(name, "name");
		this.write = Objects.requireNonNull(write, "write");
		this.capacity = capacity;
		this.subscription = Flux.<Pending<T, R>>create(sink -> queue = sink, FluxSink.OverflowStrategy.BUFFER)
			.doOnDiscard(Pending.class, pending -> fail(pending, closedError()))
			.bufferTimeout(maxBatch, linger, true)
			.concatMap(batch -> writeBatch(batch, retryFor), 1)
			.doFinally(signal -> drained.tryEmitEmpty())
			.subscribe(null, error -> log.error("{} writer stopped", name, error));
	}

	/**
	 * Queues an item. Emits its result once its batch is written; errors if the batch could not be
	 * written within the retry period, if the writer is closed, or with a {@link QueueFullException}
	 * if it holds {@code capacity} items already (the item is then not queued). Cancelling does not
	 * unqueue it.
	 */
	public Mono<R> submit(T item) {
		return Mono.defer(() -> {
			if (!gate.enter()) {
				return Mono.error(closedError());
			}
			try {
				if (!reserve(1)) {
					return Mono.error(new QueueFullException(name, 1, capacity));
				}
				Sinks.One<R> result = Sinks.one();
				queue.next(new Pending<>(item, result));
				return result.asMono();
			}
			finally {
				gate.leave();
			}
		});
	}

	/**
	 * Queues items all or none: emits their results, in order, once their batches are written;
	 * errors if one of their batches could not be written within the retry period, if the writer is
	 * closed, or with a {@link QueueFullException} if there is no room for all of them (none is then
	 * queued). Cancelling does not unqueue them.
	 */
	public Mono<List<R>> submitAll(List<T> items) {
		return Mono.defer(() -> {
			if (items.isEmpty()) {
				return Mono.just(List.of());
			}
			if (!gate.enter()) {
				return Mono.error(closedError());
			}
			try {
				if (!reserve(items.size())) {
					return Mono.error(new QueueFullException(name, items.size(), capacity));
				}
				List<Sinks.One<R>> results = new ArrayList<>(items.size());
				for (T item : items) {
					Sinks.One<R> result = Sinks.one();
					results.add(result);
					queue.next(new Pending<>(item, result));
				}
				return Flux.fromIterable(results).concatMap(Sinks.One::asMono).collectList();
			}
			finally {
				gate.leave();
			}
		});
	}

	/** Items accepted and not answered yet. */
	public int queued() {
		return accepted.get();
	}

	public int capacity() {
		return capacity;
	}

	/** Stops accepting items and completes once everything queued has been written (or failed). */
	public Mono<Void> close() {
		return Mono.defer(() -> {
			gate.close();
			return drained.asMono();
		});
	}

	/** Stops at once; items not yet written fail. */
	public void dispose() {
		gate.close();
		subscription.dispose();
	}

	private Mono<Void> writeBatch(List<Pending<T, R>> batch, Duration retryFor) {
		List<T> items = batch.stream().map(Pending::item).toList();
		Mono<List<R>> attempt = Mono.defer(() -> write.apply(items));
		return (retryFor == null ? attempt : retried(attempt, items.size(), retryFor))
			.doOnNext(results -> {
				// the room of the whole batch is given back before any item is answered: a caller that
				// submits again as soon as its answer arrives must find it free
				boolean[] claimed = claim(batch);
				for (int i = 0; i < batch.size(); i++) {
					if (claimed[i]) {
						batch.get(i).result().tryEmitValue(results.get(i));
					}
				}
			})
			.doOnError(error -> {
				if (retryFor == null) {
					// a reader's callers answer without it
					log.warn("{}: a batch of {} items failed: {}", name, items.size(), error.toString());
				}
				else {
					log.error("{}: a batch of {} items failed: {}", name, items.size(), error.toString());
				}
				boolean[] claimed = claim(batch);
				for (int i = 0; i < batch.size(); i++) {
					if (claimed[i]) {
						batch.get(i).result().tryEmitError(error);
					}
				}
			})
			.onErrorResume(error -> Mono.empty())
			.then();
	}

	private Mono<List<R>> retried(Mono<List<R>> attempt, int items, Duration retryFor) {
		AtomicReference<Throwable> lastFailure = new AtomicReference<>();
		return attempt
			.doOnError(lastFailure::set)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100))
				.maxBackoff(Duration.ofSeconds(5))
				.jitter(0.1)
				.filter(error -> !(error instanceof IllegalArgumentException))
				.doBeforeRetry(signal -> {
					if (signal.totalRetries() == 0) {
						log.warn("{}: a batch of {} items failing, retrying: {}", name, items,
								signal.failure().toString());
					}
				}))
			.timeout(retryFor, Mono.error(() -> new IllegalStateException(
					"gave up after " + retryFor.toSeconds() + " s: " + lastFailure.get(), lastFailure.get())));
	}

	/** Takes room for {@code n} items, or none if there is not room for all. */
	private boolean reserve(int n) {
		while (true) {
			int now = accepted.get();
			if (now + n > capacity) {
				return false;
			}
			if (accepted.compareAndSet(now, now + n)) {
				return true;
			}
		}
	}

	/**
	 * Takes the items of a batch that have not been answered yet and gives back their room, so the
	 * caller answers each exactly once and only after the room is free.
	 */
	private boolean[] claim(List<Pending<T, R>> batch) {
		boolean[] claimed = new boolean[batch.size()];
		int freed = 0;
		for (int i = 0; i < claimed.length; i++) {
			claimed[i] = batch.get(i).settled().compareAndSet(false, true);
			freed += claimed[i] ? 1 : 0;
		}
		accepted.addAndGet(-freed);
		return claimed;
	}

	private void fail(Pending<?, ?> pending, Throwable error) {
		if (pending.settled().compareAndSet(false, true)) {
			accepted.decrementAndGet();
			pending.result().tryEmitError(error);
		}
	}

	private IllegalStateException closedError() {
		return new IllegalStateException(name + " writer is closed");
	}

	private record Pending<T, R>(T item, Sinks.One<R> result, AtomicBoolean settled) {

		Pending(T item, Sinks.One<R> result) {
			this(item, result, new AtomicBoolean());
		}
	}

	/** A submission refused because the writer holds its capacity already: nothing of it was queued. */
	public static final class QueueFullException extends RejectedExecutionException {

		private static final long serialVersionUID = 1L;

		QueueFullException(String name, int items, int capacity) {
			super(name + " writer is full (" + capacity + " items waiting for the database); " + items
					+ " not queued, try again later");
		}
	}
}
