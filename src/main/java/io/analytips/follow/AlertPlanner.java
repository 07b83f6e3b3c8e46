package io.analytips.follow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.analytips.football.FootballData;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.QuotaPlanner;
import io.analytips.football.cache.Cached;
import io.analytips.store.Alert;
import io.analytips.store.AlertRepository;
import io.analytips.store.FollowRepository;
import io.analytips.store.Followed;
import io.analytips.store.WatchedFixture;
import io.analytips.store.WatchedFixtureRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Plans the alerts: today's and tomorrow's fixtures (the day's bulk reads, cached and shared with every user's visit)
 * of the teams and leagues somebody follows are watched, each follower gets a pre-kick-off alert row, a moved
 * kick-off moves its alerts, a match called off gets its notice; and the chats whose digest hour it is get their
 * digest row. Rows are keyed, so planning again writes nothing twice. The fixtures are planned every
 * {@code planEvery}, and at once after a follow; their reads are background work content with a copy hours old
 * ({@link FollowProperties#PLANNER_TODAY_MAX_AGE}), so planning spends next to none of the quota. A match first seen
 * already over is recorded as such: nobody is told the result of a match that ended before they followed.
 */
final class AlertPlanner {

	private static final Logger log = LoggerFactory.getLogger(AlertPlanner.class);

	private final FootballData data;

	private final FollowRepository follows;

	private final WatchedFixtureRepository watched;

	private final AlertRepository alerts;

	private final Conclusions conclusions;

	private final AlertMetrics metrics;

	private final FollowProperties properties;

	private final Clock clock;

	/** The follows' changes ({@link Following#changes()}): a new one plans at once. */
	private final LongSupplier changes;

	/** When the fixtures were last planned, and the changes seen then. */
	private volatile Instant planned;

	private volatile long changesPlanned = -1;

	AlertPlanner(FootballData data, FollowRepository follows, WatchedFixtureRepository watched, AlertRepository alerts,
			Conclusions conclusions, AlertMetrics metrics, FollowProperties properties, Clock clock, LongSupplier changes) {
		this.changes = changes;
		this.data = data;
		this.follows = follows;
		this.watched = watched;
		this.alerts = alerts;
		this.conclusions = conclusions;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * One round: the fixtures when they are due a plan (every {@code planEvery}, or after a change of the follows),
	 * the digests always. Emits the alert rows written. Errors with the store's error.
	 */
	Mono<Long> plan() {
		return Mono.defer(() -> {
			Instant now = clock.instant();
			long seen = changes.getAsLong();
			boolean due = planned == null || !planned.plus(properties.planEvery()).isAfter(now) || seen != changesPlanned;
			Mono<Long> fixtures = !due ? Mono.just(0L)
					: follows.followedTargets().collectList().flatMap(targets -> targets.isEmpty() ? Mono.just(0L)
							: fixtures().map(all -> all.stream().filter(followed(targets)).toList()).flatMap(this::plan))
						.doOnNext(written -> {
							planned = now;
							changesPlanned = seen;
						});
			return fixtures.flatMap(before -> alerts.planDigests(now)
				.doOnNext(digests -> metrics.scheduled(Alert.Kind.DIGEST, digests))
				.map(digests -> before + digests));
		});
	}

	private Mono<Long> plan(List<Fixture> fixtures) {
		Instant now = clock.instant();
		List<WatchedFixture> rows = fixtures.stream().map(AlertPlanner::watched).toList();
		List<WatchedFixture> upcoming = rows.stream().filter(row -> Set.of("NS", "TBD").contains(row.status())).toList();
		return watched.known(rows.stream().map(WatchedFixture::fixtureId).toList()).collect(Collectors.toSet())
			.flatMap(known -> watched.watch(rows, now).collectList()
				.then(alerts.planBefore(upcoming, properties.beforeKickoff(), now))
				.doOnNext(written -> metrics.scheduled(Alert.Kind.BEFORE, written))
				.flatMap(written -> alerts.reschedule(upcoming.stream().map(WatchedFixture::fixtureId).toList(), null,
						null, properties.beforeKickoff(), now).thenReturn(written))
				.flatMap(written -> Flux.fromIterable(rows)
					.filter(row -> Conclusions.concludes(row.status()))
					.concatMap(row -> known.contains(row.fixtureId())
							? conclusions.conclude(row.fixtureId(), row.status(), row.homeGoals(), row.awayGoals())
							: conclusions.alreadyOver(row.fixtureId(), row.status(), row.homeGoals(), row.awayGoals()))
					.reduce(written, Long::sum)));
	}

	/** Today's and tomorrow's fixtures of the leagues offered, in the bot's zone; none of a day that cannot be read. */
	private Mono<List<Fixture>> fixtures() {
		LocalDate today = data.today();
		return Flux.just(today, today.plusDays(1))
			.concatMap(day -> data.fixturesOn(day, day.equals(today) ? FollowProperties.PLANNER_TODAY_MAX_AGE
					: FollowProperties.PLANNER_TOMORROW_MAX_AGE)
				.contextWrite(QuotaPlanner::background)
				.map(Cached::value)
				.onErrorResume(error -> {
					log.warn("Alerts: the fixtures of {} could not be read: {}", day, error.toString());
					return Mono.just(List.of());
				}))
			.concatMapIterable(list -> list)
			.collectList();
	}

	/** Whether a fixture is one of a followed team's or in a followed league. */
	private static Predicate<Fixture> followed(List<Followed> targets) {
		Set<Long> teams = targets.stream().filter(t -> t.kind() == Followed.Kind.TEAM).map(Followed::id)
			.collect(Collectors.toSet());
		Set<Long> leagues = targets.stream().filter(t -> t.kind() == Followed.Kind.LEAGUE).map(Followed::id)
			.collect(Collectors.toSet());
		return fixture -> teams.contains(fixture.home().id()) || teams.contains(fixture.away().id())
				|| leagues.contains((long) fixture.league().id());
	}

	static WatchedFixture watched(Fixture fixture) {
		return new WatchedFixture(fixture.id(), fixture.league().id(), fixture.league().season(), fixture.home().id(),
				fixture.away().id(), fixture.home().name(), fixture.away().name(), fixture.kickoff(), fixture.status(),
				fixture.homeGoals(), fixture.awayGoals(), null);
	}
}
