package io.analytips.football;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * How long the goal-model fits take, per league: the last fit's duration, the number of fits and their
 * total time. Thread-safe; fits on different leagues record concurrently. Each recorded fit is also passed
 * to a listener (the application's Micrometer timer {@code analytips.model.fit}, tagged {@code league}).
 */
public final class ModelFitTimes {

	/**
	 * One league's fits.
	 *
	 * @param last the latest fit's duration
	 * @param fits how many fits were recorded
	 * @param total their summed duration
	 */
	public record LeagueFits(Duration last, long fits, Duration total) {

		/** The mean duration of one fit. */
		public Duration mean() {
			return total.dividedBy(Math.max(1, fits));
		}
	}

	private final Map<Integer, LeagueFits> byLeague = new ConcurrentHashMap<>();

	private final BiConsumer<Integer, Duration> listener;

	/** Times kept here only. */
	public ModelFitTimes() {
		this((league, duration) -> {
		});
	}

	/** Times kept here and passed on to {@code listener} (league id, duration). */
	public ModelFitTimes(BiConsumer<Integer, Duration> listener) {
		this.listener = Objects.requireNonNull(listener, "listener");
	}

	void record(int league, Duration duration) {
		byLeague.merge(league, new LeagueFits(duration, 1, duration),
				(old, one) -> new LeagueFits(duration, old.fits() + 1, old.total().plus(duration)));
		listener.accept(league, duration);
	}

	/** Every league fitted so far, by league id. */
	public Map<Integer, LeagueFits> byLeague() {
		return new TreeMap<>(byLeague);
	}
}
