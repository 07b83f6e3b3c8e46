package io.analytips.football;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.analytips.follow.BroadcastCount;
import io.analytips.follow.FollowedDay;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.QuotaPlanner;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.CachePolicy;
import io.analytips.football.cache.FootballCache;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.support.MemoryApiCache;
import reactor.core.publisher.Mono;

/**
 * {@link FreePlanDayBenchmark}'s day with followers: the users and sweeps of the plain day, plus chats that follow
 * teams playing that day, and the leader's real alert rounds ({@link FollowedDay}) every {@link #TICK} of virtual time.
 * A round's store work is real I/O, so virtual time stops at each tick while the round runs to its end (its upstream
 * reads move virtual time on while they wait); a round that ends after the next tick skips it, as {@code Periodic}
 * does. The bot's broadcasts are only counted.
 */
final class FreePlanFollowers {

	/** The alert rounds' period ({@code analytips.follow.tick}'s default), from 10:00 to 24:00 UTC. */
	static final Duration TICK = Duration.ofSeconds(15);

	/**
	 * The rounds' period from 00:00 to 10:00 UTC, when no match is played: a round of the store's work at every 15 s
	 * of a day is too slow for a benchmark run (the day's fixtures are fresh for 10 minutes, so the planner's reads are
	 * the same).
	 */
	static final Duration QUIET_TICK = Duration.ofMinutes(5);

	/**
	 * One day with followers: the day's figures at its last second (the quota day's), and the results sent by
	 * {@link #LATE_RESULTS_BY} the next day (the last matches end near midnight).
	 *
	 * @param users users a day, as in the plain day
	 * @param teams teams followed, each chat following all of them
	 * @param followers chats following them
	 * @param day the day's figures at 23:59:59 UTC
	 * @param nextDay what the broadcasts carried by {@link #LATE_RESULTS_BY} the next day (UTC)
	 * @param roundsReads the rounds' upstream reads (the virtual time they took: waits for the minute's permits)
	 */
	record Row(int users, int teams, int followers, AtDayEnd day, BroadcastCount.Counts nextDay, String roundsReads) {
	}

	/**
	 * A day's figures at its last second.
	 *
	 * @param fixturesFollowed the fixtures of the followed teams the planner watched
	 * @param calls calls sent upstream
	 * @param callsByWork those calls by who made them: the users and sweeps, the alert rounds' planner, result watch
	 *        and pre-kick-off analyses
	 * @param callsByKind those calls by what they asked for
	 * @param backgroundCalls background calls (sweeps and the result watch) sent, within the share
	 * @param backgroundRefused background calls not sent, the share being spent
	 * @param quotaStoppedAt when the quota reached its reserve (UTC)
	 * @param analyses how the users' analyses ended
	 * @param broadcasts what the alerts carried, and when the results went
	 * @param alerts {@code analytips.alerts} by kind and outcome
	 */
	record AtDayEnd(long fixturesFollowed, long calls, Map<String, Long> callsByWork, Map<String, Long> callsByKind,
			long backgroundCalls, long backgroundRefused, String quotaStoppedAt, Map<String, Long> analyses,
			BroadcastCount.Counts broadcasts, Map<String, Long> alerts) {
	}

	/**
	 * When the chats follow their teams: 03:00 UTC, midnight in Brasília, when the simulator builds its world of the
	 * day. Before, its world is the day before's, where the same fixture ids are that day's matches, already over: the
	 * planner would find them finished and send their results at once.
	 */
	static final Duration FOLLOWED_FROM = Duration.ofHours(3);

	/** How long after the day's end the rounds go on, for the results of its last matches. */
	static final Duration LATE_RESULTS_BY = Duration.ofHours(2);

	private FreePlanFollowers() {
	}

	/** {@code users} a day with the 2 h sweep and a 30% background share, plus {@code followers} of {@code teams}. */
	static Row day(String day, int users, Map<Long, String> teams, int followers) {
		try (FreePlanClient client = new FreePlanClient(day, 30);
				FollowedDay alerts = new FollowedDay(client.data, client.analyses, client.time, client.clock)) {
			Map<String, Long> outcomes = FreePlanDayBenchmark.users(client, users);
			client.sweeps(Duration.ofHours(2));
			client.watchQuota();
			AtomicReference<AtDayEnd> dayEnd = new AtomicReference<>();
			client.run(Mono.delay(FreePlanDayBenchmark.LAST_SECOND).subscribe(last -> {
				QuotaPlanner.QuotaPlan background = client.api.quotaPlan();
				dayEnd.set(new AtDayEnd(alerts.rows("watched_fixtures"), client.simulator.calls(), client.callsByWork(),
						client.callsByKind(FreePlanDayBenchmark::kind), background.spent(), background.refused(),
						client.quotaStoppedAt(), FreePlanDayBenchmark.answered(outcomes, users), alerts.sent(),
						alerts.outcomes()));
			}));
			Instant follows = client.start.plus(FOLLOWED_FROM);
			Instant end = client.start.plus(Duration.ofDays(1)).plus(LATE_RESULTS_BY);
			for (Instant tick = client.start.plus(QUIET_TICK); tick.isBefore(end); tick = next(tick, client.clock.instant())) {
				client.advanceTo(tick);
				if (!teams.isEmpty() && tick.equals(follows)) {
					alerts.follow(followers, teams);
				}
				alerts.round();
			}
			return new Row(users, teams.size(), teams.isEmpty() ? 0 : followers, dayEnd.get(), alerts.sent(),
					alerts.reads());
		}
	}

	/** The first tick after {@code tick} not already past at {@code now} (ticks during a long round are skipped). */
	private static Instant next(Instant tick, Instant now) {
		Instant next = tick.plus(period(tick));
		while (next.isBefore(now)) {
			next = next.plus(period(next));
		}
		return next;
	}

	private static Duration period(Instant tick) {
		return tick.atZone(ZoneOffset.UTC).getHour() < 10 ? QUIET_TICK : TICK;
	}

	/**
	 * The teams that play on {@code day} between 00:00 and 24:00 UTC, in the order they are followed: first the home
	 * sides, taking a fixture of each league in turn (the league with fewer games first, each league's in kick-off
	 * order), then the away sides in the same order. Read from a simulator of its own at noon of that day, so the
	 * benchmark's client and quota are not touched.
	 */
	static Map<Long, String> teamsPlaying(String day) {
		Clock noon = Clock.fixed(Instant.parse(day + "T12:00:00Z"), ZoneOffset.UTC);
		ApiFootballProperties properties = ApiTestSupport.freePlan("http://unused", ApiFootballSimulator.KEY);
		ResilientApiFootball api = new ResilientApiFootball(
				new SimulatorTransport(ApiFootballSimulator.bundled(noon), ApiFootballSimulator.KEY), properties, noon);
		FootballData data = new FootballData(new FootballCache(new MemoryApiCache(),
				new CachePolicy(noon, properties.timezone()), noon, 64L << 20, Duration.ofMinutes(1)), api, properties,
				noon);
		Instant from = Instant.parse(day + "T00:00:00Z");
		Instant to = from.plus(Duration.ofDays(1));
		List<Fixture> fixtures = new ArrayList<>();
		for (LocalDate date = LocalDate.parse(day).minusDays(1); !date.isAfter(LocalDate.parse(day)); date = date.plusDays(1)) {
			data.fixturesOn(date).block(Duration.ofMinutes(1)).value().stream()
				.filter(f -> !f.kickoff().isBefore(from) && f.kickoff().isBefore(to))
				.forEach(fixtures::add);
		}
		List<List<Fixture>> leagues = new ArrayList<>(fixtures.stream()
			.sorted(Comparator.comparing(Fixture::kickoff).thenComparing(Fixture::id))
			.collect(Collectors.groupingBy(f -> f.league().id(), TreeMap::new, Collectors.toList()))
			.values());
		leagues.sort(Comparator.comparingInt(List::size));
		List<Fixture> turns = new ArrayList<>();
		for (int i = 0; turns.size() < fixtures.size(); i++) {
			for (List<Fixture> league : leagues) {
				if (i < league.size()) {
					turns.add(league.get(i));
				}
			}
		}
		Map<Long, String> teams = new LinkedHashMap<>();
		turns.forEach(f -> teams.put(f.home().id(), f.home().name() + " (" + kickoff(f) + ")"));
		turns.forEach(f -> teams.put(f.away().id(), f.away().name() + " (" + kickoff(f) + ")"));
		return teams;
	}

	private static String kickoff(Fixture fixture) {
		return LocalTime.ofInstant(fixture.kickoff(), ZoneOffset.UTC) + " UTC";
	}

	/** The first {@code count} of {@code teams}. */
	static Map<Long, String> first(Map<Long, String> teams, int count) {
		Map<Long, String> first = new LinkedHashMap<>();
		teams.entrySet().stream().limit(count).forEach(team -> first.put(team.getKey(), team.getValue()));
		return first;
	}
}
