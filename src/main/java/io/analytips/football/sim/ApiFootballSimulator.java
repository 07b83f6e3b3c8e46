package io.analytips.football.sim;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.analytips.common.DemoToday;
import io.analytips.football.api.ApiRequest;
import io.analytips.football.api.RawResponse;
import io.analytips.football.sim.data.HistoricalData;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * API-Football v3 over the bundled historical data (docs/architecture.md, "Simulator and demo"): {@code /status}, {@code /leagues},
 * {@code /teams}, {@code /fixtures} (by id, up to 20 {@code ids}, date, league+season, a team's next/last),
 * {@code /fixtures/headtohead}, {@code /fixtures/statistics}, {@code /standings},
 * {@code /teams/statistics} and {@code /odds} (by fixture, or by league, season and date, 10 a page), in the vendor's
 * shapes, with its rate-limit headers. "Today" replays a past matchday ({@link SimulatedWorld}), whose matches are
 * played as the injected clock goes: NS, 1H, HT, 2H, then FT 105 minutes after kick-off ({@link MatchStatus}).
 * Faults are injected through {@link #faults()}; every call is counted ({@link #calls()}).
 * Non-blocking: answers are built in memory.
 */
public final class ApiFootballSimulator implements DemoToday {

	/** The key the simulator accepts unless told otherwise. */
	public static final String KEY = "simulator-key";

	/** The Pro plan's limits, the simulator's default. */
	private static final long DAILY_LIMIT = 7500;

	private static final long MINUTE_LIMIT = 300;

	private volatile PlanLimits plan;

	private final HistoricalData data;

	private final Clock clock;

	private final ZoneId zone;

	private final String key;

	private final Faults faults = new Faults();

	private final AtomicLong calls = new AtomicLong();

	private final Map<String, AtomicLong> callsByPath = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> callsByRequest = new ConcurrentHashMap<>();

	private volatile SimulatedWorld world;

	private static final String QUOTA_MESSAGE =
			"You have reached the request limit for the day, Go to https://dashboard.api-football.com to upgrade your plan.";

	/** The time zone of "today" unless told otherwise: the bot's default ({@code API_FOOTBALL_TIMEZONE}). */
	public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Sao_Paulo");

	public ApiFootballSimulator(HistoricalData data, Clock clock, String key) {
		this(data, clock, DEFAULT_ZONE, key);
	}

	/**
	 * @param zone whose calendar "today" is (the bot's time zone, so both agree on which games are today's)
	 */
	public ApiFootballSimulator(HistoricalData data, Clock clock, ZoneId zone, String key) {
		this.data = data;
		this.clock = clock;
		this.zone = zone;
		this.key = key;
	}

	/** A simulator over the bundled data, accepting {@link #KEY}, with today in {@link #DEFAULT_ZONE}. */
	public static ApiFootballSimulator bundled(Clock clock) {
		return bundled(clock, DEFAULT_ZONE);
	}

	/** A simulator over the bundled data, accepting {@link #KEY}, with today in {@code zone}. */
	public static ApiFootballSimulator bundled(Clock clock, ZoneId zone) {
		return new ApiFootballSimulator(HistoricalData.loadBundled(), clock, zone, KEY);
	}

	public Faults faults() {
		return faults;
	}

	/**
	 * Enforces a plan's limits as API-Football does: beyond {@code perDay} requests in a UTC day every call
	 * answers {@code errors.requests}, beyond {@code perMinute} in a minute HTTP 429 with
	 * {@code errors.rateLimit}; the rate-limit headers count down. Without it the simulator reports a Pro
	 * plan's limits and refuses nothing.
	 */
	public ApiFootballSimulator plan(long perDay, long perMinute) {
		this.plan = new PlanLimits(clock, perDay, perMinute);
		return this;
	}

	/** Calls received since start (or the last {@link #resetCalls()}). */
	public long calls() {
		return calls.get();
	}

	/** Calls received per path, e.g. {@code /fixtures}. */
	public Map<String, Long> callsByPath() {
		Map<String, Long> copy = new HashMap<>();
		callsByPath.forEach((path, count) -> copy.put(path, count.get()));
		return copy;
	}

	/** Calls received per distinct request (path and query). */
	public Map<String, Long> callsByRequest() {
		Map<String, Long> copy = new HashMap<>();
		callsByRequest.forEach((request, count) -> copy.put(request, count.get()));
		return copy;
	}

	/** How many times exactly this request was received. */
	public long callsOf(ApiRequest request) {
		AtomicLong count = callsByRequest.get(request.key());
		return count == null ? 0 : count.get();
	}

	public void resetCalls() {
		calls.set(0);
		callsByPath.clear();
		callsByRequest.clear();
	}

	/** Answers one request as API-Football would; {@code apiKey} is the {@code x-apisports-key} header. */
	public Mono<RawResponse> handle(ApiRequest request, String apiKey) {
		return Mono.defer(() -> {
			long n = calls.incrementAndGet();
			callsByPath.computeIfAbsent(request.path(), p -> new AtomicLong()).incrementAndGet();
			callsByRequest.computeIfAbsent(request.key(), p -> new AtomicLong()).incrementAndGet();
			PlanLimits limits = plan;
			PlanLimits.Verdict verdict = limits == null || request.path().equals("/status") ? null : limits.count();
			if (verdict != null && verdict != PlanLimits.Verdict.ALLOWED) {
				return Mono.just(verdict == PlanLimits.Verdict.DAY_SPENT
						? json(200, Json.errors(get(request), request.parameters(), "requests", QUOTA_MESSAGE), n)
						: failure(429, n));
			}
			Mono<RawResponse> answer = switch (faults.next()) {
				case HANG -> Mono.never();
				case FAIL_STATUS -> Mono.just(failure(faults.failStatus(), n));
				case FAIL_STATUS_RANDOM -> Mono.just(failure(500, n));
				case ERRORS -> Mono.just(json(200, Json.errors(get(request), request.parameters(), faults.errorKey(),
						faults.errorMessage()), n));
				case QUOTA -> Mono.just(json(200, Json.errors(get(request), request.parameters(), "requests", QUOTA_MESSAGE), n));
				case ANSWER -> Mono.fromSupplier(() -> answer(request, apiKey, n));
			};
			return faults.latency().isZero() ? answer : Mono.delay(faults.latency()).then(answer);
		});
	}

	private RawResponse answer(ApiRequest request, String apiKey, long n) {
		if (!key.equals(apiKey)) {
			return json(200, Json.errors(get(request), request.parameters(), "token",
					"Error/Missing application key. Go to https://www.api-football.com/documentation-v3 to learn how to get your API application key."),
					n);
		}
		Instant now = clock.instant(); // one instant per request: its "today" and every match's status agree
		SimulatedWorld current = world(now);
		ZoneId zone = zone(request);
		Map<String, String> p = request.parameters();
		JsonNode body = switch (request.path()) {
			case "/status" -> status(n);
			case "/leagues" -> Json.envelope("leagues", p, SimEndpoints.leagues(current, p), 1, 1);
			case "/teams" -> SimEndpoints.teams(current, p);
			case "/fixtures" -> SimEndpoints.fixtures(current, p, zone, now);
			case "/fixtures/headtohead" -> SimEndpoints.headToHead(current, p, zone, now);
			case "/fixtures/statistics" -> SimEndpoints.fixtureStatistics(current, p, now);
			case "/standings" -> SimEndpoints.standings(current, p, now);
			case "/teams/statistics" -> SimEndpoints.teamStatistics(current, p, now);
			case "/odds" -> SimEndpoints.odds(current, p, zone);
			default -> null;
		};
		if (body == null) {
			return new RawResponse(404, Map.of("Content-Type", "application/json"),
					"{\"message\":\"Endpoint not found.\"}".getBytes(StandardCharsets.UTF_8));
		}
		return json(200, body, n);
	}

	private JsonNode status(long n) {
		var response = Json.object();
		var account = response.putObject("account");
		account.put("firstname", "Analytips");
		account.put("lastname", "Simulator");
		account.put("email", "simulator@analytips.invalid");
		var subscription = response.putObject("subscription");
		subscription.put("plan", "Simulator");
		subscription.put("end", world().today().plusYears(1) + "T00:00:00+00:00");
		subscription.put("active", true);
		var requests = response.putObject("requests");
		PlanLimits limits = plan;
		requests.put("current", limits == null ? n : limits.usedToday());
		requests.put("limit_day", limits == null ? DAILY_LIMIT : limits.perDay());
		return Json.envelope("status", Map.of(), response, 1, 1);
	}

	/** Which real day each league replays today, e.g. {@code Premier League → 2024-11-30}. */
	@Override
	public Map<String, LocalDate> replayedDays() {
		Map<String, LocalDate> days = new LinkedHashMap<>();
		world().leagues().forEach(league -> days.put(SimulatedWorld.displayName(league.id()), league.replayedDay()));
		return days;
	}

	/** The world of today's date, rebuilt when the date changes. */
	SimulatedWorld world() {
		return world(clock.instant());
	}

	/** The world of {@code now}'s date in the simulator's zone, rebuilt when the date changes. */
	private SimulatedWorld world(Instant now) {
		SimulatedWorld current = world;
		LocalDate today = now.atZone(zone).toLocalDate();
		if (current == null || !current.today().equals(today)) {
			synchronized (this) {
				if (world == null || !world.today().equals(today)) {
					world = SimulatedWorld.build(data, today, zone);
				}
				current = world;
			}
		}
		return current;
	}

	private RawResponse json(int status, JsonNode body, long n) {
		Map<String, String> headers = new HashMap<>();
		headers.put("Content-Type", "application/json");
		PlanLimits limits = plan;
		if (limits == null) {
			headers.put("x-ratelimit-requests-limit", Long.toString(DAILY_LIMIT));
			headers.put("x-ratelimit-requests-remaining", Long.toString(Math.max(0, DAILY_LIMIT - n)));
			headers.put("X-RateLimit-Limit", Long.toString(MINUTE_LIMIT));
			headers.put("X-RateLimit-Remaining", Long.toString(MINUTE_LIMIT - 1));
		}
		else {
			headers.put("x-ratelimit-requests-limit", Long.toString(limits.perDay()));
			headers.put("x-ratelimit-requests-remaining", Long.toString(Math.max(0, limits.perDay() - limits.usedToday())));
			headers.put("X-RateLimit-Limit", Long.toString(limits.perMinute()));
			headers.put("X-RateLimit-Remaining", Long.toString(Math.max(0, limits.perMinute() - limits.usedThisMinute())));
		}
		return new RawResponse(status, headers, body.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static RawResponse failure(int status, long n) {
		String body = status == 429
				? "{\"get\":\"\",\"parameters\":[],\"errors\":{\"rateLimit\":\"Too many requests. You have exceeded the limit of requests per minute of your subscription.\"},\"results\":0,\"paging\":{\"current\":1,\"total\":1},\"response\":[]}"
				: "{\"message\":\"Something went wrong while fetching details. Try again later.\"}";
		return new RawResponse(status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
	}

	private static String get(ApiRequest request) {
		return request.path().substring(1);
	}

	private static ZoneId zone(ApiRequest request) {
		String timezone = request.parameter("timezone");
		try {
			return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
		}
		catch (RuntimeException ex) {
			return ZoneOffset.UTC;
		}
	}

	/** Fixtures of a list (test helper and demo): every fixture of today, in kick-off order. */
	public List<Long> todaysFixtureIds() {
		SimulatedWorld current = world();
		return current.allFixtures().stream()
			.filter(f -> current.dayOf(f).equals(current.today()))
			.sorted(Comparator.comparing(SimFixture::kickoff))
			.map(SimFixture::id)
			.toList();
	}
}
