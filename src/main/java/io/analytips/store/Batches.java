package io.analytips.store;

import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/** Deletes in batches: one bounded statement after another, until one deletes less than a full batch. */
final class Batches {

	private Batches() {
	}

	/**
	 * Runs {@code deleteOneBatch} (a statement deleting at most {@code batch} rows, emitting how many)
	 * until it deletes fewer than {@code batch}; emits the total.
	 */
	static Mono<Long> deleteAll(Supplier<Mono<Long>> deleteOneBatch, int batch) {
		if (batch < 1) {
			return Mono.error(new IllegalArgumentException("batch must be at least 1, was " + batch));
		}
		return Mono.defer(deleteOneBatch)
			.expand(deleted -> deleted < batch ? Mono.empty() : Mono.defer(deleteOneBatch))
			.reduce(0L, Long::sum);
	}
}
