package io.analytips.common;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with jitter, for the retry policies that must also honour a wait the server names
 * (Telegram's {@code retry_after}) and so build their own {@code Retry.from} instead of Reactor's
 * {@code Retry.backoff}: {@code first}, twice that, four times, ... up to {@code cap}, each moved by up to
 * {@code jitterBelow} down and {@code jitterAbove} up (fractions of the delay), never above {@code cap}.
 */
public record Backoff(Duration first, Duration cap, double jitterBelow, double jitterAbove) {

	/** The wait before retry number {@code attempt + 1} ({@code attempt} counts from 0). */
	public Duration delay(long attempt) {
		long base = Math.min(cap.toMillis(), first.toMillis() << Math.min(attempt, 30));
		double factor = 1 - jitterBelow + ThreadLocalRandom.current().nextDouble() * (jitterBelow + jitterAbove);
		return Duration.ofMillis(Math.min(cap.toMillis(), (long) (base * factor)));
	}
}
