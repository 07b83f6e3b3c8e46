package io.analytips.football.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A value from the cache with its provenance: when it was fetched from API-Football and whether
 * it is a stale copy served because the upstream could not be reached.
 */
public record Cached<T>(T value, Instant fetchedAt, boolean stale) {

	/** How old the data is. */
	public Duration age(Clock clock) {
		return Duration.between(fetchedAt, clock.instant()).isNegative() ? Duration.ZERO
				: Duration.between(fetchedAt, clock.instant());
	}

	public <R> Cached<R> map(Function<? super T, ? extends R> mapper) {
		return new Cached<>(mapper.apply(value), fetchedAt, stale);
	}

	/** Combines provenance: the older fetch time, stale if either is. */
	public <U, R> Cached<R> combine(Cached<U> other, BiFunction<T, U, R> combiner) {
		Instant older = fetchedAt.isBefore(other.fetchedAt) ? fetchedAt : other.fetchedAt;
		return new Cached<>(combiner.apply(value, other.value), older, stale || other.stale);
	}
}
