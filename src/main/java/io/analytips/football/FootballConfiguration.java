package io.analytips.football;

import java.time.Clock;
import java.time.Duration;

import io.analytips.common.Periodic;
import io.analytips.football.api.ApiFootballClient;
import io.analytips.football.api.ApiFootballCalls;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.football.api.ApiTransport;
import io.analytips.football.api.HttpApiTransport;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.CachePolicy;
import io.analytips.football.cache.FootballCache;
import io.analytips.replica.Leadership;
import io.analytips.store.ApiCacheRepository;
import io.analytips.store.MarketPriceRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** API-Football behind resilience and the two-tier cache, and the analysis service on top. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ApiFootballProperties.class, MarketProperties.class })
class FootballConfiguration {

	/** What a cache load may take beyond its upstream call: reading and writing {@code api_cache}. */
	private static final Duration LOAD_MARGIN = Duration.ofSeconds(15);

	/** The real API; in the demo the simulator's transport takes its place. */
	@Bean
	@Profile("!demo")
	HttpApiTransport apiTransport(ApiFootballProperties properties) {
		return new HttpApiTransport(properties.url(), properties.key());
	}

	/**
	 * API-Football with its whole resilience stack. A request's upstream work (waits, attempts, backoffs of all
	 * its calls) has a budget below the update handler's timeout, so a request that cannot get its data says
	 * so itself instead of being cut off by the handler timeout.
	 */
	@Bean
	ResilientApiFootball resilientApiFootball(ApiTransport transport, ApiFootballProperties properties, Clock clock,
			ObjectProvider<ApiFootballCalls> calls,
			@Value("${analytips.bot.handler-timeout:60s}") Duration handlerTimeout) {
		return new ResilientApiFootball(transport, properties, clock, calls.getIfAvailable(() -> ApiFootballCalls.NONE),
				ResilientApiFootball.budgetWithin(handlerTimeout));
	}

	@Bean
	ApiFootballClient apiFootballClient(ResilientApiFootball api) {
		return new ApiFootballClient(api);
	}

	/** A load may take its request's upstream budget, plus time for the PostgreSQL read and write around it. */
	@Bean
	FootballCache footballCache(ApiCacheRepository repository, ApiFootballProperties properties, Clock clock,
			ResilientApiFootball api) {
		return new FootballCache(repository, new CachePolicy(clock, properties.timezone()), clock,
				properties.memoryCacheSize().toBytes(), api.budget().plus(LOAD_MARGIN));
	}

	@Bean
	FootballData footballData(FootballCache cache, ResilientApiFootball api, ApiFootballProperties properties,
			Clock clock) {
		return new FootballData(cache, api, properties, clock);
	}

	/** Team search over the offered leagues; the bundled table of team names is read here, at start-up. */
	@Bean
	TeamSearch teamSearch(FootballData data, ApiFootballProperties properties) {
		return new TeamSearch(data, TeamNames.bundled(), properties.leagues());
	}

	/** Model fits are timed per league; with a meter registry also as the timer {@code analytips.model.fit}. */
	@Bean
	AnalysisService analysisService(FootballData data, ApiFootballProperties properties, Clock clock,
			ObjectProvider<MeterRegistry> registry, MarketMemory market) {
		MeterRegistry meters = registry.getIfAvailable();
		ModelFitTimes fitTimes = meters == null ? new ModelFitTimes()
				: new ModelFitTimes((league, duration) -> Timer.builder("analytips.model.fit")
					.description("Time to fit one league's goal model")
					.tag("league", Integer.toString(league))
					.register(meters)
					.record(duration));
		return new AnalysisService(data, properties.cornerSample(), clock, fitTimes, market, BundledValueRule.get());
	}

	@Bean
	MarketMemory marketMemory(MarketPriceRepository repository, ObjectProvider<MeterRegistry> registry) {
		MeterRegistry meters = registry.getIfAvailable();
		return meters == null ? new MarketMemory(repository) : new MarketMemory(repository, meters);
	}

	/** Today's prices, read on a schedule while the application runs (off with {@code MARKET_SWEEP_ENABLED=false}). */
	@Bean
	@ConditionalOnBooleanProperty(name = "analytips.market.sweep-enabled", matchIfMissing = true)
	Periodic marketSweeps(FootballData data, MarketMemory market, MarketProperties properties, Clock clock,
			ObjectProvider<Leadership> leadership) {
		MarketSweep sweep = new MarketSweep(data, market, clock);
		// one sweep for the deployment: on the replica that leads
		return new Periodic(properties.firstSweepAfter(), properties.sweepEvery(), Schedulers.parallel(),
				leadership.getIfAvailable(() -> Leadership.SOLE).whileLeading(sweep::sweep));
	}
}
