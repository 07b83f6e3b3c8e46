package io.analytips.football;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.analytips.follow.FollowedDay;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.api.ApiTransport;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.CachePolicy;
import io.analytips.football.cache.FootballCache;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.support.MemoryApiCache;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.scheduler.clock.SchedulerClock;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The whole client of {@link FreePlanDayBenchmark} (quota guard and reserve, the background share, retries, the
 * per-minute limit, the two-tier cache with the api_cache table in memory) over the simulator enforcing the free plan,
 * in virtual time from 00:00 UTC of {@code day}; the scheduled sweep; a watch of when the quota reached its reserve.
 * Each call sent upstream is counted by who made it: the alert rounds' part ({@link FollowedDay#WORK}), else users
 * and sweeps. Sets the virtual scheduler as Reactor's; {@link #close()} resets it.
 */
final class FreePlanClient implements AutoCloseable {

	static final String USERS_AND_SWEEPS = "users and sweeps";

	final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	final Instant start;

	final Clock clock;

	final ApiFootballSimulator simulator;

	final ResilientApiFootball api;

	final FootballData data;

	final AnalysisService analyses;

	private final Map<String, Long> callsByWork = new ConcurrentHashMap<>();

	private final AtomicReference<String> stoppedAt = new AtomicReference<>("never");

	private final List<Disposable> running = new ArrayList<>();

	FreePlanClient(String day, int sharePercent) {
		VirtualTimeScheduler.getOrSet(time);
		start = Instant.parse(day + "T00:00:00Z");
		clock = Clock.offset(SchedulerClock.of(time, ZoneOffset.UTC), Duration.between(Instant.EPOCH, start));
		simulator = ApiFootballSimulator.bundled(clock).plan(100, 10);
		ApiFootballProperties properties = ApiTestSupport.withBackgroundShare(
				ApiTestSupport.freePlan("http://unused", ApiFootballSimulator.KEY), sharePercent);
		api = new ResilientApiFootball(counted(new SimulatorTransport(simulator, ApiFootballSimulator.KEY)), properties,
				clock);
		FootballCache cache = new FootballCache(new MemoryApiCache(), new CachePolicy(clock, properties.timezone()),
				clock, 64L << 20, api.budget().plus(Duration.ofSeconds(15)));
		data = new FootballData(cache, api, properties, clock);
		analyses = new AnalysisService(data, properties.cornerSample(), clock);
	}

	private ApiTransport counted(ApiTransport transport) {
		return request -> Mono.deferContextual(context -> {
			callsByWork.merge(context.getOrDefault(FollowedDay.WORK, USERS_AND_SWEEPS), 1L, Long::sum);
			return transport.exchange(request);
		});
	}

	/** Runs {@code work} from now on until {@link #close()}. */
	void run(Disposable work) {
		running.add(work);
	}

	/** The market sweep every {@code every}, the first after 5 minutes (MarketSweep's schedule). */
	void sweeps(Duration every) {
		MarketSweep sweep = new MarketSweep(data, MarketMemory.forgetful(), clock);
		run(Flux.interval(Duration.ofMinutes(5), every).concatMap(tick -> sweep.sweep()).subscribe());
	}

	/** Notes, minute by minute, when the quota first reached its reserve. */
	void watchQuota() {
		run(Flux.interval(Duration.ofMinutes(1)).take(24 * 60).subscribe(minute -> {
			if (api.quota().exhaustedUntil() != null && stoppedAt.get().equals("never")) {
				stoppedAt.set(LocalTime.ofSecondOfDay(Duration.between(start, clock.instant()).toSeconds() % 86_400)
					.toString());
			}
		}));
	}

	/** Moves virtual time on to {@code instant} (nothing if it is past already). */
	void advanceTo(Instant instant) {
		Duration left = Duration.between(clock.instant(), instant);
		if (!left.isNegative() && !left.isZero()) {
			time.advanceTimeBy(left);
		}
	}

	String quotaStoppedAt() {
		return stoppedAt.get();
	}

	/** Calls sent upstream so far by who made them. */
	Map<String, Long> callsByWork() {
		return new TreeMap<>(callsByWork);
	}

	/** Calls sent upstream so far by what they asked for ({@code kind}: a request's kind, e.g. "odds"). */
	Map<String, Long> callsByKind(Function<String, String> kind) {
		Map<String, Long> kinds = new TreeMap<>();
		simulator.callsByRequest().forEach((request, calls) -> kinds.merge(kind.apply(request), calls, Long::sum));
		return kinds;
	}

	@Override
	public void close() {
		running.forEach(Disposable::dispose);
		VirtualTimeScheduler.reset();
	}
}
