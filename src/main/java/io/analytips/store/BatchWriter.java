package io.analytips.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
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
 * Group commit for small writes: items submitted from any thread are collected into batches (up
 * to {@code maxBatch} items, or whatever arrived within {@code linger}) and written one batch at a
 * time with a single statement, so that per-row round trips do not cap throughput. A failed batch
 * is retried with backoff for up to {@code retryFor}, then its items fail.
 *
 * @param <T> the item written
 * @param <R> the per-item result of a write
 */
public final class BatchWriter<T, R> {

	private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

	private final String name;

	private final Function<List<T>, Mono<List<R>>> write;

	/** Thread-safe without spinning: {@code Flux.create}'s sink serialises concurrent emissions. */
	private volatile FluxSink<Pending<T, R>> queue;

	private volatile boolean closed;

	private final Sinks.Empty<Void> drained = Sinks.empty();

	private final Disposable subscription;

	/**
	 * @param write writes a batch and emits one result per item, in order
	 */
	public BatchWriter(String name, int maxBatch, Duration linger, Duration retryFor,
			Function<List<T>, Mono<List<R>>> write) {
		this.name = Objects.requireNonNull(name, "name");
		this.write = Objects.requireNonNull(write, "write");
		this.subscription = Flux.<Pending<T, R>>create(sink -> queue = sink, FluxSink.OverflowStrategy.BUFFER)
			.doOnDiscard(Pending.class, pending -> pending.result().tryEmitError(closedError()))
			.bufferTimeout(maxBatch, linger, true)
			.concatMap(batch -> writeBatch(batch, retryFor), 1)
			.doFinally(signal -> drained.tryEmitEmpty())
			.subscribe(null, error -> log.error("{} writer stopped", name, error));
	}

	/**
	 * Queues an item. Emits its result once its batch is written; errors if the batch could not be
	 * written within the retry period, or if the writer is closed. Cancelling does not unqueue it.
	 */
	public Mono<R> submit(T item) {
		return Mono.defer(() -> {
			if (closed) {
				return Mono.error(closedError());
			}
			Sinks.One<R> result = Sinks.one();
			queue.next(new Pending<>(item, result));
			return result.asMono();
		});
	}

	/** Stops accepting items and completes once everything queued has been written (or failed). */
	public Mono<Void> close() {
		return Mono.defer(() -> {
			closed = true;
			queue.complete();
			return drained.asMono();
		});
	}

	/** Stops at once; items not yet written fail. */
	public void dispose() {
		closed = true;
		queue.complete();
		subscription.dispose();
	}

	private Mono<Void> writeBatch(List<Pending<T, R>> batch, Duration retryFor) {
		List<T> items = batch.stream().map(Pending::item).toList();
		AtomicReference<Throwable> lastFailure = new AtomicReference<>();
		return Mono.defer(() -> write.apply(items))
			.doOnError(lastFailure::set)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100))
				.maxBackoff(Duration.ofSeconds(5))
				.jitter(0.1)
				.filter(error -> !(error instanceof IllegalArgumentException))
				.doBeforeRetry(signal -> {
					if (signal.totalRetries() == 0) {
						log.warn("{} write of {} items failing, retrying: {}", name, items.size(),
								signal.failure().toString());
					}
				}))
			.timeout(retryFor, Mono.error(() -> new IllegalStateException(
					"gave up after " + retryFor.toSeconds() + " s: " + lastFailure.get(), lastFailure.get())))
			.doOnNext(results -> {
				for (int i = 0; i < batch.size(); i++) {
					batch.get(i).result().tryEmitValue(results.get(i));
				}
			})
			.doOnError(error -> {
				log.error("{} write of {} items failed: {}", name, items.size(), error.toString());
				batch.forEach(pending -> pending.result().tryEmitError(error));
			})
			.onErrorResume(error -> Mono.empty())
			.then();
	}

	private IllegalStateException closedError() {
		return new IllegalStateException(name + " writer is closed");
	}

	private record Pending<T, R>(T item, Sinks.One<R> result) {
	}
}
