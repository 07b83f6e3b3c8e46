package io.analytips.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.analytips.football.FootballData;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.QuotaPlanner;
import io.analytips.store.WatchedFixture;
import io.analytips.store.WatchedFixtureRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds the ends of the followed matches: once a watched fixture is {@code resultsFrom} past its kick-off, it is read
 * every {@code resultsEvery}, 20 fixtures a call ({@code /fixtures?ids=}), as background work (within the quota
 * planner's share), until it is over; then its followers' results are written ({@link Conclusions}). A fixture still
 * not over twelve hours after kick-off is let go without a result.
 */
final class ResultWatch {

	private static final Logger log = LoggerFactory.getLogger(ResultWatch.class);

	/** After this long past kick-off a fixture is no longer read: its data will not come. */
	static final Duration GIVE_UP_AFTER = Duration.ofHours(12);

	private final FootballData data;

	private final WatchedFixtureRepository watched;

	private final Conclusions conclusions;

	private final FollowProperties properties;

	private final Clock clock;

	/** When each open fixture was last read (this leader's own memory: a new leader reads them all at once). */
	private final Map<Long, Instant> lastRead = new ConcurrentHashMap<>();

	ResultWatch(FootballData data, WatchedFixtureRepository watched, Conclusions conclusions, FollowProperties properties,
			Clock clock) {
		this.data = data;
		this.watched = watched;
		this.conclusions = conclusions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * One round: reads the fixtures due a look and acts on those that ended. Emits the result alerts written. A read
	 * that fails is tried again next round; errors only with the store's error.
	 */
	Mono<Long> watch() {
		Instant now = clock.instant();
		return watched.open(now.minus(properties.resultsFrom()))
			.filter(fixture -> !fixture.status().equals("PST"))
			.concatMap(fixture -> fixture.kickoff().plus(GIVE_UP_AFTER).isBefore(now)
					? watched.end(fixture.fixtureId(), fixture.status(), fixture.homeGoals(), fixture.awayGoals(), now)
						.doOnNext(ended -> log.warn("Alerts: fixture {} still {} {} after kick-off: no result will be sent",
								fixture.fixtureId(), fixture.status(), GIVE_UP_AFTER))
						.then(Mono.<WatchedFixture>empty())
					: Mono.just(fixture))
			.filter(fixture -> due(fixture.fixtureId(), now))
			.map(WatchedFixture::fixtureId)
			.collectList()
			.flatMap(ids -> ids.isEmpty() ? Mono.just(0L) : read(ids, now));
	}

	private boolean due(long fixture, Instant now) {
		Instant last = lastRead.get(fixture);
		return last == null || !last.plus(properties.resultsEvery()).isAfter(now);
	}

	private Mono<Long> read(List<Long> ids, Instant now) {
		lastRead.values().removeIf(last -> last.plus(GIVE_UP_AFTER).isBefore(now));
		return data.fixtures(ids)
			.contextWrite(QuotaPlanner::background)
			.onErrorResume(error -> { // API-Football down, or the background share spent: the next round tries again
				log.warn("Alerts: {} followed fixtures could not be read: {}", ids.size(), error.toString());
				return Mono.empty();
			})
			.doOnNext(read -> ids.forEach(id -> lastRead.put(id, now)))
			.flatMapMany(Flux::fromIterable)
			.concatMap(this::update)
			.reduce(0L, Long::sum);
	}

	private Mono<Long> update(Fixture fixture) {
		if (Conclusions.concludes(fixture.status())) {
			lastRead.remove(fixture.id());
			return conclusions.conclude(fixture.id(), fixture.status(), fixture.homeGoals(), fixture.awayGoals());
		}
		return watched.watch(List.of(AlertPlanner.watched(fixture)), clock.instant()).then(Mono.just(0L));
	}
}
