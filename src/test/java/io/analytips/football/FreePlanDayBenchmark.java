package io.analytips.football;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.analytips.football.api.ApiFootballException;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.QuotaPlanner;
import io.analytips.telegram.TelegramJson;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * What the free plan (100 requests a day, 10 a minute) gets through one day of traffic, in virtual time:
 * the whole client (quota guard and reserve, the background share, retries, the per-minute limit, the
 * two-tier cache with the api_cache table in memory) against the simulator enforcing the plan. One UTC
 * day (API-Football's quota day), {@value #FIRST_DAY}: users arrive at random between 09:00 and 24:00
 * UTC (06:00 to 21:00 in Brasília), each opens today's games and asks for one analysis (fixtures skewed
 * towards the big games, Zipf s = 1; kinds mixed as in {@link AnalysisBenchmark}); the market sweep runs
 * every 2 h from 00:05 (the default), and every 30 minutes for comparison. Seeded: every run gives the same figures. Writes {@code target/bench/free-plan-day.json}.
 * Run with {@code ./mvnw -Pbench -DskipTests -Dtest=FreePlanDayBenchmark -Dsurefire.failIfNoSpecifiedTests=false verify}.
 */
class FreePlanDayBenchmark {

	static final String FIRST_DAY = "2026-11-21";

	static final int[] USERS = { 10, 25, 50, 100, 200, 400 };

	/** The day's last second: its counts are still today's. */
	static final Duration LAST_SECOND = Duration.ofHours(24).minusSeconds(1);

	record Day(int users, int backgroundSharePercent, String sweepEvery, long calls, long backgroundCalls,
			long backgroundRefused, Map<String, Long> outcomes, String quotaStoppedAt, Map<String, Long> callsByRequest) {
	}

	@Test
	void measuresAFreePlanDay() throws IOException {
		List<Day> days = new ArrayList<>();
		for (int users : USERS) {
			days.add(day(users, 30, Duration.ofHours(2)));
		}
		// sweeps every 30 minutes want more than their share: with it, and without one (100%) for comparison
		for (int users : new int[] { 50, 200 }) {
			days.add(day(users, 30, Duration.ofMinutes(30)));
			days.add(day(users, 100, Duration.ofMinutes(30)));
		}
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("day", FIRST_DAY);
		report.put("plan", "100 requests a day, 10 a minute, reserve 5");
		report.put("days", days);
		Path out = Path.of("target", "bench");
		Files.createDirectories(out);
		Files.writeString(out.resolve("free-plan-day.json"),
				TelegramJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
		System.out.println("BENCH " + TelegramJson.mapper().writeValueAsString(report));
		for (Day day : days) {
			System.out.println("DAY " + day);
		}
	}

	/**
	 * The same day (50 users, the 2 h sweep) with chats following 0, 2, 5 and 10 of the teams playing that day
	 * ({@link FreePlanFollowers}), one follower each, and 1 000 followers of the 10 teams (10 000 made each round's
	 * store work, 80 000 alert rows planned again every 15 s, too slow for a benchmark run). Writes
	 * {@code target/bench/free-plan-followers.json}.
	 */
	@Test
	void measuresAFreePlanDayWithFollowers() throws IOException {
		Map<Long, String> playing = FreePlanFollowers.teamsPlaying(FIRST_DAY);
		List<FreePlanFollowers.Row> rows = new ArrayList<>();
		for (int teams : new int[] { 0, 2, 5, 10 }) {
			rows.add(FreePlanFollowers.day(FIRST_DAY, 50, FreePlanFollowers.first(playing, teams), 1));
			System.out.println("FOLLOWERS " + rows.get(rows.size() - 1));
		}
		rows.add(FreePlanFollowers.day(FIRST_DAY, 50, FreePlanFollowers.first(playing, 10), 1_000));
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("day", FIRST_DAY);
		report.put("plan", "100 requests a day, 10 a minute, reserve 5; background share 30%");
		report.put("alertRoundsEvery", FreePlanFollowers.TICK + " from 10:00 UTC, " + FreePlanFollowers.QUIET_TICK + " before");
		report.put("teamsInTheOrderFollowed", playing);
		report.put("rows", rows);
		Path out = Path.of("target", "bench");
		Files.createDirectories(out);
		Files.writeString(out.resolve("free-plan-followers.json"),
				TelegramJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
		System.out.println("BENCH " + TelegramJson.mapper().writeValueAsString(report));
		System.out.println("FOLLOWERS " + rows.get(rows.size() - 1));
	}

	private Day day(int users, int sharePercent, Duration sweepEvery) {
		try (FreePlanClient client = new FreePlanClient(FIRST_DAY, sharePercent)) {
			Map<String, Long> outcomes = users(client, users);
			client.sweeps(sweepEvery);
			client.watchQuota();
			client.advanceTo(client.start.plus(LAST_SECOND));
			QuotaPlanner.QuotaPlan background = client.api.quotaPlan();
			return new Day(users, sharePercent, sweepEvery.toString(), client.simulator.calls(), background.spent(),
					background.refused(), answered(outcomes, users), client.quotaStoppedAt(),
					client.callsByKind(FreePlanDayBenchmark::kind));
		}
	}

	/**
	 * {@code users} arrive at random between 09:00 and 24:00 UTC; each opens today's games and asks for one analysis.
	 * Emits how each ended, as they end.
	 */
	static Map<String, Long> users(FreePlanClient client, int users) {
		Map<String, Long> outcomes = new ConcurrentHashMap<>();
		Random random = new Random(11);
		for (int user = 0; user < users; user++) {
			long at = Duration.ofHours(9).toMillis() + (long) (random.nextDouble() * Duration.ofHours(15).toMillis());
			double popularity = random.nextDouble();
			double kind = random.nextDouble();
			client.run(Mono.delay(Duration.ofMillis(at))
				.then(Mono.defer(() -> client.data.fixturesOn(client.data.today())))
				.flatMap(day -> client.analyses.analyze(pick(day.value(), popularity).id(), kind(kind)))
				.map(FreePlanDayBenchmark::outcome)
				.onErrorResume(error -> Mono.just(failure(error)))
				.subscribe(outcome -> outcomes.merge(outcome, 1L, Long::sum)));
		}
		return outcomes;
	}

	/** The outcomes, with those still running when the day is over as "unfinished". */
	static Map<String, Long> answered(Map<String, Long> outcomes, int users) {
		Map<String, Long> all = new TreeMap<>(outcomes);
		all.put("unfinished", users - outcomes.values().stream().mapToLong(Long::longValue).sum());
		return all;
	}

	/** What a call asked for. */
	static String kind(String request) {
		return request.startsWith("/fixtures?date=") ? "day's fixtures"
				: request.startsWith("/fixtures?ids=") ? "fixtures by ids (ids=)"
				: request.startsWith("/fixtures?id=") ? "one fixture (id=)"
				: request.startsWith("/fixtures?league=") ? "seasons"
				: request.substring(1, request.indexOf('?') < 0 ? request.length() : request.indexOf('?'));
	}

	/** A fixture of the day, skewed towards the first (the big games come first in the menus). */
	static Fixture pick(List<Fixture> fixtures, double popularity) {
		double total = 0;
		for (int i = 0; i < fixtures.size(); i++) {
			total += 1.0 / (i + 1);
		}
		double pick = popularity * total;
		int i = 0;
		while (pick > 1.0 / (i + 1) && i < fixtures.size() - 1) {
			pick -= 1.0 / (i + 1);
			i++;
		}
		return fixtures.get(i);
	}

	static AnalysisKind kind(double kind) {
		return kind < 0.4 ? AnalysisKind.FULL : kind < 0.6 ? AnalysisKind.GOALS
				: kind < 0.8 ? AnalysisKind.RESULT : kind < 0.9 ? AnalysisKind.BTTS : AnalysisKind.CORNERS;
	}

	static String outcome(AnalysisReport report) {
		if (report.stale()) {
			return "report_stale";
		}
		return report.missing().isEmpty() ? "report_complete" : "report_missing_" + report.missing().stream()
			.map(missing -> missing.name().toLowerCase(java.util.Locale.ROOT))
			.sorted()
			.reduce((a, b) -> a + "_" + b)
			.orElse("");
	}

	static String failure(Throwable error) {
		return error instanceof ApiFootballException ex ? "failed_" + ex.kind().name().toLowerCase(java.util.Locale.ROOT)
				: "failed_" + error.getClass().getSimpleName();
	}
}
