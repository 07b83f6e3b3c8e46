package io.analytips.follow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.common.MutableClock;
import io.analytips.football.AnalysisKind;
import io.analytips.football.AnalysisReport;
import io.analytips.football.AnalysisService;
import io.analytips.football.FootballData;
import io.analytips.football.analysis.Confidence;
import io.analytips.football.analysis.MatchAnalysis;
import io.analytips.football.analysis.Markets;
import io.analytips.football.analysis.OneXTwo;
import io.analytips.football.analysis.OverUnder;
import io.analytips.football.analysis.PooledForecast;
import io.analytips.football.analysis.ValueBet;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.LeagueRef;
import io.analytips.football.api.TeamRef;
import io.analytips.football.cache.Cached;
import io.analytips.replica.Leadership;
import io.analytips.store.AlertRepository;
import io.analytips.store.FollowRepository;
import io.analytips.store.Followed;
import io.analytips.store.ForecastRepository;
import io.analytips.store.Subscriber;
import io.analytips.store.WatchedFixtureRepository;
import io.analytips.support.TestDatabase;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.TelegramException;
import io.analytips.telegram.model.Message;
import io.analytips.telegram.model.SendMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A matchday for the alert rounds: the real store (embedded PostgreSQL), a world of fixtures the test moves (kick-offs,
 * statuses, scores) read as {@link FootballData} would give them, one analysis per fixture counted, and a bot whose
 * sends are recorded with the clock's instant (chats in {@link #blocked} answer 403). Time is a {@link MutableClock}
 * the test moves; each {@link #round()} is what the leader runs every tick.
 */
final class Matchday implements AutoCloseable {

	static final long BOT = 42;

	final MutableClock clock = new MutableClock();

	final ZoneId botZone = ZoneId.of("America/Sao_Paulo");

	private final ConnectionPool pool = TestDatabase.pool(TestDatabase.migrated());

	private final DatabaseClient db = TestDatabase.client(pool);

	final FollowRepository follows = new FollowRepository(db, TestDatabase.CALL_TIMEOUT);

	final AlertRepository alerts = new AlertRepository(db, TestDatabase.CALL_TIMEOUT);

	final WatchedFixtureRepository watched = new WatchedFixtureRepository(db, TestDatabase.CALL_TIMEOUT);

	final ForecastRepository forecasts = new ForecastRepository(db, TestDatabase.CALL_TIMEOUT);

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	/** The fixtures as API-Football has them now, by id. */
	final Map<Long, Fixture> world = new ConcurrentHashMap<>();

	/** Chats that blocked the bot: Telegram answers 403. */
	final Set<Long> blocked = ConcurrentHashMap.newKeySet();

	/** What Telegram answers a send to these chats with, instead of the message (once each, then it is removed). */
	final Map<Long, RuntimeException> failing = new ConcurrentHashMap<>();

	/** Every message sent, with when. */
	final List<Sent> sent = new CopyOnWriteArrayList<>();

	final AtomicInteger analyses = new AtomicInteger();

	final AtomicInteger idsCalls = new AtomicInteger();

	/** The oldest copy the planner would take, each time it read a day's fixtures. */
	final List<Duration> planned = new CopyOnWriteArrayList<>();

	private final AlertRounds rounds;

	final Following following;

	/** A message the bot sent, at the clock's instant. */
	record Sent(long chat, String text, Instant at) {
	}

	Matchday(FollowProperties properties) {
		clock.advance(Duration.between(clock.instant(), Instant.parse("2026-05-10T12:00:00Z")));
		FootballData data = mock(FootballData.class);
		when(data.today()).thenAnswer(call -> LocalDate.now(clock.withZone(botZone)));
		when(data.zone()).thenReturn(botZone);
		org.mockito.stubbing.Answer<Mono<Cached<List<Fixture>>>> day = call -> {
			LocalDate date = call.getArgument(0);
			if (call.getArguments().length > 1) {
				planned.add(call.getArgument(1));
			}
			List<Fixture> fixtures = world.values().stream()
				.filter(f -> f.kickoff().atZone(botZone).toLocalDate().equals(date))
				.toList();
			return Mono.just(new Cached<>(fixtures, clock.instant(), false));
		};
		when(data.fixturesOn(any(), any())).thenAnswer(day);
		when(data.fixturesOn(any())).thenAnswer(day);
		when(data.fixtures(any())).thenAnswer(call -> {
			idsCalls.incrementAndGet();
			List<Long> ids = call.getArgument(0);
			return Mono.just(ids.stream().map(world::get).filter(java.util.Objects::nonNull).toList());
		});
		AnalysisService service = mock(AnalysisService.class);
		when(service.analyze(anyLong(), any(AnalysisKind.class))).thenAnswer(call -> {
			analyses.incrementAndGet();
			return Mono.just(report(world.get((long) call.getArgument(0))));
		});
		OutboundScheduler outbound = mock(OutboundScheduler.class);
		when(outbound.broadcast(any())).thenAnswer(call -> {
			SendMessage message = call.getArgument(0);
			if (blocked.contains(message.chatId())) {
				return Mono.error(new TelegramException(403, "Forbidden: bot was blocked by the user", null, null));
			}
			RuntimeException failure = failing.remove(message.chatId());
			if (failure != null) {
				return Mono.error(failure);
			}
			return Mono.fromSupplier(() -> {
				sent.add(new Sent(message.chatId(), message.text(), clock.instant()));
				return mock(Message.class);
			});
		});
		AlertMetrics metrics = new AlertMetrics(registry);
		AlertTexts texts = new PlainAlertTexts();
		Conclusions conclusions = new Conclusions(watched, forecasts, alerts, metrics, clock);
		AlertSender sender = new AlertSender(alerts, watched, forecasts, new Forecasts(service, forecasts, clock),
				new Digests(data, follows, texts), follows, texts, bot -> bot == BOT ? java.util.Optional.of(outbound)
						: java.util.Optional.empty(), metrics, properties, clock);
		following = new Following(follows, alerts, properties.beforeKickoff(), clock);
		rounds = new AlertRounds(alerts, new AlertPlanner(data, follows, watched, alerts, conclusions, metrics, properties,
				clock, following::changes), new ResultWatch(data, watched, conclusions, properties, clock), sender,
				Leadership.SOLE, clock);
	}

	/** One leader round at the clock's instant. */
	void round() {
		rounds.round().block(Duration.ofSeconds(30));
	}

	/** Moves the clock to {@code instant} (never back) and runs a round there. */
	void roundAt(String instant) {
		clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
		round();
	}

	void follow(long chat, String language, String zone, Followed what) {
		following.follow(BOT, Subscriber.of(chat, language, zone), what).block();
	}

	static Fixture fixture(long id, int league, long home, String homeName, long away, String awayName, String kickoff,
			String status, Integer homeGoals, Integer awayGoals) {
		return new Fixture(id, Instant.parse(kickoff), status, null, new LeagueRef(league, "League " + league, "", 2026,
				"Round 1"), new TeamRef(home, homeName, null), new TeamRef(away, awayName, null), homeGoals, awayGoals,
				null, null);
	}

	/** The same fixture, now {@code status} with this score. */
	void play(long id, String status, Integer homeGoals, Integer awayGoals) {
		Fixture f = world.get(id);
		world.put(id, new Fixture(f.id(), f.kickoff(), status, null, f.league(), f.home(), f.away(), homeGoals, awayGoals,
				null, null));
	}

	/** The same fixture, kicking off at {@code kickoff}. */
	void move(long id, String kickoff) {
		Fixture f = world.get(id);
		world.put(id, new Fixture(f.id(), Instant.parse(kickoff), f.status(), null, f.league(), f.home(), f.away(),
				f.homeGoals(), f.awayGoals(), null, null));
	}

	List<Sent> sentTo(long chat) {
		return sent.stream().filter(s -> s.chat() == chat).toList();
	}

	double counted(String kind, String outcome) {
		var counter = registry.find(AlertMetrics.NAME).tag("kind", kind).tag("outcome", outcome).counter();
		return counter == null ? 0 : counter.count();
	}

	/** The model says 50/30/20 and 55% over 2.5; the market prices 2.0/3.4/4.5. */
	private static AnalysisReport report(Fixture fixture) {
		MatchAnalysis analysis = mock(MatchAnalysis.class);
		Markets markets = new Markets(new OneXTwo(0.5, 0.3, 0.2), List.of(new OverUnder(2.5, 0.55, 0.45)), 0.5, List.of());
		when(analysis.markets()).thenReturn(markets);
		when(analysis.forecast()).thenReturn(PooledForecast.modelAlone(markets));
		when(analysis.comparisons()).thenReturn(List.of(
				new ValueBet("1X2", "home", 2.0, 0.48, 0.5, 0.0, 0, Confidence.MEDIUM),
				new ValueBet("1X2", "draw", 3.4, 0.29, 0.3, 0.02, 0, Confidence.MEDIUM),
				new ValueBet("1X2", "away", 4.5, 0.21, 0.2, -0.1, 0, Confidence.MEDIUM)));
		AnalysisReport report = mock(AnalysisReport.class);
		when(report.analysis()).thenReturn(analysis);
		when(report.bookmaker()).thenReturn("Bet365");
		when(report.fixture()).thenReturn(fixture);
		return report;
	}

	@Override
	public void close() {
		pool.dispose();
	}
}
