package io.analytips.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.analytips.football.AnalysisKind;
import io.analytips.football.AnalysisService;
import io.analytips.football.FootballData;
import io.analytips.replica.Leadership;
import io.analytips.store.AlertRepository;
import io.analytips.store.FollowRepository;
import io.analytips.store.ForecastRepository;
import io.analytips.store.WatchedFixtureRepository;
import io.analytips.support.TestDatabase;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.model.Message;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The real alert rounds (as {@link FollowConfiguration} assembles them, with {@link Matchday}'s store: a fresh embedded
 * PostgreSQL database) over a benchmark's real {@link FootballData} and {@link AnalysisService}, run in the benchmark's
 * virtual time. A round's store work is real I/O, so it cannot run inside {@link VirtualTimeScheduler#advanceTimeBy}:
 * {@link #round()} runs one round to its end on the calling thread, and every upstream read the round makes is handed
 * to that thread, which subscribes it and moves virtual time on, a second at a time, until it answers (a wait for the
 * minute's permits, a retry's back-off). Upstream reads are marked in the Reactor context ({@link #WORK}) with which
 * part of the rounds made them. The bot's broadcasts are only counted.
 */
public final class FollowedDay implements AutoCloseable {

	/** The context key marking the rounds' upstream reads: {@link #PLANNER}, {@link #WATCH} or {@link #ANALYSES}. */
	public static final String WORK = "analytips.bench.alert-work";

	public static final String PLANNER = "planner's fixtures (date=)";

	public static final String WATCH = "result watch (ids=)";

	public static final String ANALYSES = "pre-kick-off analyses";

	static final long BOT = 42;

	/** A read that has not answered after this much virtual time is a bug of the benchmark, not a slow read. */
	private static final Duration STUCK = Duration.ofMinutes(10);

	private final VirtualTimeScheduler time;

	private final Clock clock;

	private final ConnectionPool pool = TestDatabase.pool(TestDatabase.migrated());

	private final DatabaseClient db = TestDatabase.client(pool);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final AlertRounds rounds;

	/** Upstream reads the rounds wait for, to run on the thread that moves virtual time. */
	private final Queue<Runnable> reads = new ConcurrentLinkedQueue<>();

	private final Semaphore wake = new Semaphore(0);

	private final BroadcastCount broadcasts;

	/** The upstream reads the rounds made, and the virtual time they took, in all and at most. */
	private long readCount;

	private Duration readTime = Duration.ZERO;

	private Duration longestRead = Duration.ZERO;

	public FollowedDay(FootballData data, AnalysisService analyses, VirtualTimeScheduler time, Clock clock) {
		this.time = time;
		this.clock = clock;
		this.broadcasts = new BroadcastCount(clock);
		FootballData rounds = mock(FootballData.class);
		when(rounds.today()).thenAnswer(call -> data.today());
		when(rounds.zone()).thenAnswer(call -> data.zone());
		when(rounds.fixturesOn(any())).thenAnswer(call -> onTheClock(PLANNER, () -> data.fixturesOn(call.getArgument(0))));
		when(rounds.fixturesOn(any(), any())).thenAnswer(call -> onTheClock(PLANNER,
				() -> data.fixturesOn(call.getArgument(0), call.getArgument(1))));
		when(rounds.fixtures(any())).thenAnswer(call -> onTheClock(WATCH, () -> data.fixtures(call.getArgument(0))));
		AnalysisService service = mock(AnalysisService.class);
		when(service.analyze(anyLong(), any(AnalysisKind.class))).thenAnswer(call -> onTheClock(ANALYSES,
				() -> analyses.analyze(call.getArgument(0), call.getArgument(1))));
		OutboundScheduler outbound = mock(OutboundScheduler.class);
		Message message = mock(Message.class);
		when(outbound.broadcast(any())).thenAnswer(call -> Mono.fromSupplier(() -> {
			broadcasts.sent(call.getArgument(0));
			return message;
		}));

		FollowProperties properties = FollowProperties.defaults();
		FollowRepository follows = new FollowRepository(db, TestDatabase.CALL_TIMEOUT);
		AlertRepository alerts = new AlertRepository(db, TestDatabase.CALL_TIMEOUT);
		WatchedFixtureRepository watched = new WatchedFixtureRepository(db, TestDatabase.CALL_TIMEOUT);
		ForecastRepository forecasts = new ForecastRepository(db, TestDatabase.CALL_TIMEOUT);
		AlertMetrics metrics = new AlertMetrics(registry);
		Conclusions conclusions = new Conclusions(watched, forecasts, alerts, metrics, clock);
		AlertSender sender = new AlertSender(alerts, watched, forecasts, new Forecasts(service, forecasts, clock),
				new Digests(rounds, follows, broadcasts), follows, broadcasts,
				bot -> bot == BOT ? java.util.Optional.of(outbound) : java.util.Optional.empty(), metrics, properties,
				clock);
		// the chats are seeded by SQL before the first round, which plans them; then every plan-every
		this.rounds = new AlertRounds(alerts, new AlertPlanner(rounds, follows, watched, alerts, conclusions, metrics,
				properties, clock, () -> 0L), new ResultWatch(rounds, watched, conclusions, properties, clock), sender,
				Leadership.SOLE, clock);
	}

	/**
	 * Chats {@code 1..followers} of the bot each follow every team of {@code teams} (id to name), written by SQL as
	 * {@link Following#follow} writes them (English, UTC, the default lead).
	 */
	public void follow(int followers, Map<Long, String> teams) {
		Instant now = clock.instant();
		broadcasts.followedFrom(now);
		db.sql("insert into subscribers (bot_id, chat_id, language, time_zone, active, updated_at)"
				+ " select $1, chat, 'en', 'UTC', true, $2 from generate_series(1, $3) as chat")
			.bind(0, BOT).bind(1, now.atOffset(java.time.ZoneOffset.UTC)).bind(2, followers)
			.fetch().rowsUpdated().block(Duration.ofMinutes(1));
		teams.forEach((id, name) -> db.sql("insert into follows (bot_id, chat_id, kind, target_id, name, created_at)"
				+ " select $1, chat, 'team', $2, $3, $4 from generate_series(1, $5) as chat")
			.bind(0, BOT).bind(1, id).bind(2, name).bind(3, now.atOffset(java.time.ZoneOffset.UTC)).bind(4, followers)
			.fetch().rowsUpdated().block(Duration.ofMinutes(1)));
	}

	/**
	 * One leader round at the clock's instant, to its end: the upstream reads it makes run here, virtual time moving on
	 * while they wait. Virtual time stands still while the round waits for the store.
	 */
	public void round() {
		AtomicReference<Signal<Void>> end = new AtomicReference<>();
		rounds.round().materialize().subscribe(signal -> {
			end.set(signal);
			wake.release();
		});
		while (true) {
			Runnable read = reads.poll();
			if (read != null) {
				read.run();
			}
			else if (end.get() != null) {
				return;
			}
			else if (!acquire()) {
				throw new IllegalStateException("An alert round has waited a minute for the store at " + clock.instant());
			}
		}
	}

	private boolean acquire() {
		try {
			return wake.tryAcquire(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The read {@code upstream} gives, subscribed (in the caller's context, marked {@code work}) by {@link #round()}. */
	private <T> Mono<T> onTheClock(String work, Supplier<Mono<T>> upstream) {
		return Mono.deferContextual(context -> {
			Sinks.One<T> answer = Sinks.one();
			reads.add(() -> drive(Mono.defer(upstream).contextWrite(context).contextWrite(c -> c.put(WORK, work)), answer));
			wake.release();
			return answer.asMono();
		});
	}

	private <T> void drive(Mono<T> read, Sinks.One<T> answer) {
		AtomicReference<Signal<T>> result = new AtomicReference<>();
		read.materialize().subscribe(result::set);
		time.advanceTime();
		Instant started = clock.instant();
		while (result.get() == null) {
			if (Duration.between(started, clock.instant()).compareTo(STUCK) > 0) {
				throw new IllegalStateException("An upstream read of the alert rounds has not answered in " + STUCK);
			}
			time.advanceTimeBy(Duration.ofSeconds(1));
		}
		Duration took = Duration.between(started, clock.instant());
		readCount++;
		readTime = readTime.plus(took);
		longestRead = took.compareTo(longestRead) > 0 ? took : longestRead;
		Signal<T> signal = result.get();
		if (signal.isOnNext()) {
			answer.tryEmitValue(signal.get());
		}
		else if (signal.isOnError()) {
			answer.tryEmitError(signal.getThrowable());
		}
		else {
			answer.tryEmitEmpty();
		}
	}

	/** The upstream reads the rounds made so far: how many, the virtual time they took in all and at most. */
	public String reads() {
		return readCount + " reads, " + readTime + " in all, at most " + longestRead;
	}

	/** What the broadcasts carried so far. */
	public BroadcastCount.Counts sent() {
		return broadcasts.counts();
	}

	/** {@code analytips.alerts} by kind and outcome, e.g. {@code before dropped_late → 3}. */
	public Map<String, Long> outcomes() {
		Map<String, Long> outcomes = new TreeMap<>();
		registry.find(AlertMetrics.NAME).counters().forEach((Counter counter) -> outcomes.put(
				counter.getId().getTag("kind") + " " + counter.getId().getTag("outcome"), (long) counter.count()));
		return outcomes;
	}

	/** How many rows of {@code table} there are now. */
	public long rows(String table) {
		return db.sql("select count(*) as n from " + table).map(row -> row.get("n", Long.class)).one()
			.block(Duration.ofMinutes(1));
	}

	@Override
	public void close() {
		pool.dispose();
	}
}
