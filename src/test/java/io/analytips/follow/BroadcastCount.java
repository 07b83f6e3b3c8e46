package io.analytips.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.analytips.football.api.Fixture;
import io.analytips.store.Alert;
import io.analytips.store.Forecast;
import io.analytips.store.WatchedFixture;
import io.analytips.telegram.model.SendMessage;

/**
 * A benchmark's alert words and the bot's broadcasts of them, counted: each text says its kind, its fixture and
 * whether it carried a forecast; each broadcast is counted at the clock's instant. A result's delay is measured from
 * its match's end, kick-off + 105 minutes in the simulator.
 */
public final class BroadcastCount implements AlertTexts {

	/** When the simulator's matches end: 45 minutes, 15 of half-time, 45. */
	static final Duration MATCH = Duration.ofMinutes(105);

	private final Clock clock;

	private final Map<Long, Instant> kickoffs = new ConcurrentHashMap<>();

	private final AtomicLong beforeWithForecast = new AtomicLong();

	private final AtomicLong beforeWithout = new AtomicLong();

	private final AtomicLong results = new AtomicLong();

	private final AtomicLong other = new AtomicLong();

	/** Per fixture, the latest delay between its end and one of its result alerts. */
	private final Map<Long, Duration> resultDelays = new ConcurrentHashMap<>();

	/** Results of matches that were over before anybody followed them (not delays of the alerts). */
	private final AtomicLong earlierResults = new AtomicLong();

	private volatile Instant followedFrom = Instant.MIN;

	BroadcastCount(Clock clock) {
		this.clock = clock;
	}

	/** The chats followed their teams from {@code instant} on. */
	void followedFrom(Instant instant) {
		followedFrom = instant;
	}

	/**
	 * The broadcasts so far.
	 *
	 * @param beforeWithForecast pre-kick-off alerts with the model's forecast
	 * @param beforeWithout pre-kick-off alerts with the kick-off alone (no analysis could be had)
	 * @param results result alerts
	 * @param other notices and digests
	 * @param earlierResults result alerts of matches over before the chats followed them (the planner found them
	 *        finished; left out of the delays)
	 * @param latestResultDelay the longest from a match's end to one of its result alerts (null: no result sent)
	 * @param resultDelays that delay per fixture
	 */
	public record Counts(long beforeWithForecast, long beforeWithout, long results, long other, long earlierResults,
			Duration latestResultDelay, Map<Long, Duration> resultDelays) {
	}

	public Counts counts() {
		return new Counts(beforeWithForecast.get(), beforeWithout.get(), results.get(), other.get(), earlierResults.get(),
				resultDelays.values().stream().max(Duration::compareTo).orElse(null), Map.copyOf(resultDelays));
	}

	void sent(SendMessage message) {
		String[] words = message.text().split(" ");
		switch (words[0]) {
			case "before" -> (words[2].equals("forecast") ? beforeWithForecast : beforeWithout).incrementAndGet();
			case "result" -> {
				results.incrementAndGet();
				long fixture = Long.parseLong(words[1]);
				Instant end = kickoffs.get(fixture).plus(MATCH);
				if (end.isBefore(followedFrom)) {
					earlierResults.incrementAndGet();
					return;
				}
				Duration delay = Duration.between(end, clock.instant());
				resultDelays.merge(fixture, delay, (a, b) -> a.compareTo(b) >= 0 ? a : b);
			}
			default -> other.incrementAndGet();
		}
	}

	@Override
	public SendMessage before(Alert alert, WatchedFixture fixture, Forecast forecast) {
		return SendMessage.html(alert.chatId(), "before " + fixture.fixtureId() + " "
				+ (forecast == null ? "none" : "forecast"), null);
	}

	@Override
	public SendMessage result(Alert alert, WatchedFixture fixture, Forecast forecast) {
		kickoffs.put(fixture.fixtureId(), fixture.kickoff());
		return SendMessage.html(alert.chatId(), "result " + fixture.fixtureId(), null);
	}

	@Override
	public SendMessage notice(Alert alert, WatchedFixture fixture) {
		return SendMessage.html(alert.chatId(), "notice " + fixture.fixtureId(), null);
	}

	@Override
	public SendMessage digest(Alert alert, List<Fixture> games) {
		return SendMessage.html(alert.chatId(), "digest " + games.size(), null);
	}
}
