package io.analytips.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.analytips.follow.Following;
import io.analytips.follow.TrackRecords;
import io.analytips.football.AnalysisService;
import io.analytips.football.BundledValueRule;
import io.analytips.football.FootballData;
import io.analytips.football.MarketMemory;
import io.analytips.football.ModelFitTimes;
import io.analytips.football.TeamNames;
import io.analytips.football.TeamSearch;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.CachePolicy;
import io.analytips.football.cache.FootballCache;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.picture.PictureProperties;
import io.analytips.picture.Pictures;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.pipeline.UserTracker;
import io.analytips.store.AlertRepository;
import io.analytips.store.AnalysisRepository;
import io.analytips.store.FollowRepository;
import io.analytips.store.ForecastRepository;
import io.analytips.store.ApiCacheRepository;
import io.analytips.store.ConversationRepository;
import io.analytips.store.DatabaseUrl;
import io.analytips.store.MarketPriceRepository;
import io.analytips.store.MigrationCallbacks;
import io.analytips.store.PictureFileRepository;
import io.analytips.store.Migrations;
import io.analytips.store.UserSettingsRepository;
import io.analytips.support.PipelineHarness;
import io.analytips.support.TestDatabase;
import io.analytips.telegram.BotApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * One run of the demo, in-process: the bot's handlers exactly as {@link BotConfiguration} makes them (in a plain
 * Spring context holding that configuration and what it needs), over the API-Football simulator's world of one day,
 * with everything a run keeps in a database ("its folder": the cache's second tier, the market prices, the users'
 * analyses, settings and conversations), and the pipeline in front. A run whose folder an earlier run used starts
 * as the demo does ({@link #startLikeTheDemo}); its clock stands at noon (Brasília) of its day and does not move,
 * so every screen of a walk is the same whenever and however fast it is walked.
 */
final class DemoRun implements AutoCloseable {

	static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");

	private final ConnectionPool pool;

	private final AnnotationConfigApplicationContext bot;

	final PipelineHarness pipeline;

	private final Late handlers = new Late();

	/** The full analysis's pictures, their file_ids kept in the folder's database as the demo keeps them. */
	private final Pictures pictures;

	DemoRun(DatabaseUrl folder, LocalDate day) {
		Clock clock = Clock.fixed(day.atTime(LocalTime.NOON).atZone(BRASILIA).toInstant(), ZoneOffset.UTC);
		this.pool = TestDatabase.pool(folder);
		DatabaseClient db = TestDatabase.client(pool);
		startLikeTheDemo(folder);
		ApiFootballProperties properties = ApiTestSupport.properties("http://in-process", ApiFootballSimulator.KEY);
		ApiFootballSimulator simulator = ApiFootballSimulator.bundled(clock, properties.timezone());
		ResilientApiFootball api = new ResilientApiFootball(new SimulatorTransport(simulator, ApiFootballSimulator.KEY),
				properties, clock);
		FootballData data = new FootballData(new FootballCache(new ApiCacheRepository(db, TestDatabase.CALL_TIMEOUT),
				new CachePolicy(clock, properties.timezone()), clock, 64L << 20, Duration.ofSeconds(60)), api, properties,
				clock);
		AnalysisService analyses = new AnalysisService(data, properties.cornerSample(), clock, new ModelFitTimes(),
				new MarketMemory(new MarketPriceRepository(db)), BundledValueRule.get());
		this.pipeline = PipelineHarness.builder()
			.database(folder)
			.inMemoryInbox()
			.rateLimit(10_000, Duration.ofMinutes(1))
			.navigationRateLimit(10_000)
			.globalRate(10_000)
			.chatBurst(10_000)
			.handlers(handlers)
			.build();
		this.bot = new AnnotationConfigApplicationContext();
		bot.registerBean(Clock.class, () -> clock);
		bot.registerBean(ApiFootballProperties.class, () -> properties);
		bot.registerBean(FootballData.class, () -> data);
		bot.registerBean(AnalysisService.class, () -> analyses);
		bot.registerBean(TeamSearch.class, () -> new TeamSearch(data, TeamNames.bundled(), properties.leagues()));
		bot.registerBean(AnalysisRepository.class, () -> new AnalysisRepository(db, clock, TestDatabase.CALL_TIMEOUT));
		bot.registerBean(ConversationRepository.class, () -> new ConversationRepository(db, TestDatabase.CALL_TIMEOUT));
		bot.registerBean(UserSettingsRepository.class, () -> new UserSettingsRepository(db, TestDatabase.CALL_TIMEOUT));
		bot.registerBean(Following.class, () -> new Following(new FollowRepository(db, TestDatabase.CALL_TIMEOUT),
				new AlertRepository(db, TestDatabase.CALL_TIMEOUT), Duration.ofMinutes(60), clock));
		bot.registerBean(TrackRecords.class, () -> new TrackRecords(new ForecastRepository(db, TestDatabase.CALL_TIMEOUT)));
		bot.registerBean(UserTracker.class, () -> pipeline.users);
		bot.registerBean(BotApi.class, () -> pipeline.client);
		bot.registerBean(MeterRegistry.class, SimpleMeterRegistry::new);
		PictureProperties picture = new PictureProperties(true, 2, 32, Duration.ofSeconds(30), 1000);
		this.pictures = new Pictures(picture, new PictureFileRepository(db, TestDatabase.CALL_TIMEOUT), new SimpleMeterRegistry());
		bot.registerBean(PictureProperties.class, () -> picture);
		bot.registerBean(Pictures.class, () -> pictures);
		bot.register(BotConfiguration.class);
		bot.refresh();
		handlers.ordered = bot.getBeanProvider(Handler.class).orderedStream().toList();
		pipeline.start();
	}

	/**
	 * The bot's handlers, given to the pipeline before they exist (they need its Telegram client and user
	 * tracker): the first of them that takes an update handles it, as the pipeline itself would choose.
	 */
	private static final class Late implements Handler {

		volatile List<Handler> ordered = List.of();

		private Handler of(UpdateContext context) {
			return ordered.stream().filter(handler -> handler.supports(context)).findFirst().orElse(null);
		}

		@Override
		public boolean supports(UpdateContext context) {
			return of(context) != null;
		}

		@Override
		public Mono<Void> handle(UpdateContext context) {
			return of(context).handle(context);
		}

		@Override
		public boolean isNavigation(UpdateContext context) {
			return of(context).isNavigation(context);
		}

		@Override
		public String action(UpdateContext context) {
			return of(context).action(context);
		}
	}

	/**
	 * What the demo does with its folder at every start, before it takes an update: the migrations, then the demo's
	 * own script, which forgets what an earlier run derived from its day's world (football.sim.DemoConfiguration).
	 */
	static void startLikeTheDemo(DatabaseUrl folder) {
		new Migrations(folder, List.of(new MigrationCallbacks("classpath:db/demo"))).migrate();
	}

	@Override
	public void close() {
		pipeline.close();
		bot.close();
		pictures.close();
		pool.dispose();
	}
}
