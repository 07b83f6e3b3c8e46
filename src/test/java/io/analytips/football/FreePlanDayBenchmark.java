package io.analytips.football;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.analytips.football.api.ApiFootballException;
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
import io.analytips.telegram.TelegramJson;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.scheduler.clock.SchedulerClock;
import reactor.test.scheduler.VirtualTimeScheduler;

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

	private Day day(int users, int sharePercent, Duration sweepEvery) {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		VirtualTimeScheduler.getOrSet(time);
		try {
			Instant start = Instant.parse(FIRST_DAY + "T00:00:00Z");
			Clock clock = Clock.offset(SchedulerClock.of(time, ZoneOffset.UTC), Duration.between(Instant.EPOCH, start));
			ApiFootballSimulator simulator = ApiFootballSimulator.bundled(clock).plan(100, 10);
			ApiFootballProperties properties = ApiTestSupport.withBackgroundShare(
					ApiTestSupport.freePlan("http://unused", ApiFootballSimulator.KEY), sharePercent);
			ResilientApiFootball api = new ResilientApiFootball(new SimulatorTransport(simulator, ApiFootballSimulator.KEY),
					properties, clock);
			FootballCache cache = new FootballCache(new MemoryApiCache(), new CachePolicy(clock, properties.timezone()),
					clock, 64L << 20, api.budget().plus(Duration.ofSeconds(15)));
			FootballData data = new FootballData(cache, api, properties, clock);
			AnalysisService analyses = new AnalysisService(data, properties.cornerSample(), clock);
			MarketSweep sweep = new MarketSweep(data, MarketMemory.forgetful(), clock);

			Map<String, Long> outcomes = new ConcurrentHashMap<>();
			AtomicReference<String> stoppedAt = new AtomicReference<>("never");
			Random random = new Random(11);
			List<Disposable> running = new ArrayList<>();
			for (int user = 0; user < users; user++) {
				long at = Duration.ofHours(9).toMillis() + (long) (random.nextDouble() * Duration.ofHours(15).toMillis());
				double popularity = random.nextDouble();
				double kind = random.nextDouble();
				running.add(Mono.delay(Duration.ofMillis(at))
					.then(Mono.defer(() -> data.fixturesOn(data.today())))
					.flatMap(day -> analyses.analyze(pick(day.value(), popularity).id(), kind(kind)))
					.map(FreePlanDayBenchmark::outcome)
					.onErrorResume(error -> Mono.just(failure(error)))
					.subscribe(outcome -> outcomes.merge(outcome, 1L, Long::sum)));
			}
			// what the scheduled sweeps do (MarketSweep every MARKET_SWEEP_EVERY, the first after 5 minutes)
			running.add(Flux.interval(Duration.ofMinutes(5), sweepEvery)
				.concatMap(tick -> sweep.sweep())
				.subscribe());
			running.add(Flux.interval(Duration.ofMinutes(1)).take(24 * 60).subscribe(minute -> {
				if (api.quota().exhaustedUntil() != null && stoppedAt.get().equals("never")) {
					stoppedAt.set(LocalTime.ofSecondOfDay(Duration.between(start, clock.instant()).toSeconds() % 86_400)
						.toString());
				}
			}));
			time.advanceTimeBy(Duration.ofHours(24).minusSeconds(1)); // the day's last second: its counts are still today's
			QuotaPlanner.QuotaPlan background = api.quotaPlan();
			running.forEach(Disposable::dispose);

			// an analysis still running when the day is over would show here
			long answered = outcomes.values().stream().mapToLong(Long::longValue).sum();
			outcomes.put("unfinished", users - answered);
			return new Day(users, sharePercent, sweepEvery.toString(), simulator.calls(), background.spent(),
					background.refused(), new TreeMap<>(outcomes), stoppedAt.get(), byKind(simulator.callsByRequest()));
		}
		finally {
			VirtualTimeScheduler.reset();
		}
	}

	/** Calls by what they asked for. */
	private static Map<String, Long> byKind(Map<String, Long> byRequest) {
		Map<String, Long> kinds = new TreeMap<>();
		byRequest.forEach((request, calls) -> {
			String kind = request.startsWith("/fixtures?date=") ? "day's fixtures"
					: request.startsWith("/fixtures?ids=") ? "corner samples (ids=)"
					: request.startsWith("/fixtures?id=") ? "one fixture (id=)"
					: request.startsWith("/fixtures?league=") ? "seasons"
					: request.substring(1, request.indexOf('?') < 0 ? request.length() : request.indexOf('?'));
			kinds.merge(kind, calls, Long::sum);
		});
		return kinds;
	}

	/** A fixture of the day, skewed towards the first (the big games come first in the menus). */
	private static Fixture pick(List<Fixture> fixtures, double popularity) {
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

	private static AnalysisKind kind(double kind) {
		return kind < 0.4 ? AnalysisKind.FULL : kind < 0.6 ? AnalysisKind.GOALS
				: kind < 0.8 ? AnalysisKind.RESULT : kind < 0.9 ? AnalysisKind.BTTS : AnalysisKind.CORNERS;
	}

	private static String outcome(AnalysisReport report) {
		if (report.stale()) {
			return "report_stale";
		}
		return report.missing().isEmpty() ? "report_complete" : "report_missing_" + report.missing().stream()
			.map(missing -> missing.name().toLowerCase(java.util.Locale.ROOT))
			.sorted()
			.reduce((a, b) -> a + "_" + b)
			.orElse("");
	}

	private static String failure(Throwable error) {
		return error instanceof ApiFootballException ex ? "failed_" + ex.kind().name().toLowerCase(java.util.Locale.ROOT)
				: "failed_" + error.getClass().getSimpleName();
	}
}
