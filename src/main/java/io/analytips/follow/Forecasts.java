package io.analytips.follow;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.analytips.common.Clocks;
import io.analytips.football.AnalysisKind;
import io.analytips.football.AnalysisReport;
import io.analytips.football.AnalysisService;
import io.analytips.football.analysis.PooledForecast;
import io.analytips.football.analysis.ValueBet;
import io.analytips.store.Forecast;
import io.analytips.store.ForecastRepository;
import io.analytips.store.WatchedFixture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The forecast a fixture's pre-kick-off alerts carry: one analysis per fixture, whatever its followers (concurrent
 * asks wait for the one analysis), kept in the bot's record before kick-off with the market's prices of that moment.
 */
final class Forecasts {

	private static final Logger log = LoggerFactory.getLogger(Forecasts.class);

	private final AnalysisService analyses;

	private final ForecastRepository forecasts;

	private final Clock clock;

	private final AsyncCache<Long, Forecast> made;

	Forecasts(AnalysisService analyses, ForecastRepository forecasts, Clock clock) {
		this.analyses = analyses;
		this.forecasts = forecasts;
		this.clock = clock;
		this.made = Caffeine.newBuilder()
			.expireAfterWrite(Duration.ofMinutes(30))
			.maximumSize(1_000)
			.ticker(Clocks.ticker(clock))
			.executor(Runnable::run)
			.buildAsync();
	}

	/**
	 * Emits the fixture's forecast: the one kept already, else a new analysis, kept. Empty when the analysis cannot be
	 * had (the alert then goes without it). Never errors.
	 */
	Mono<Forecast> of(WatchedFixture fixture) {
		return Mono.fromFuture(() -> made.get(fixture.fixtureId(), (id, executor) -> make(fixture).toFuture()), true)
			.onErrorResume(error -> {
				made.synchronous().invalidate(fixture.fixtureId());
				log.warn("No forecast for fixture {}: {}", fixture.fixtureId(), error.toString());
				return Mono.empty();
			});
	}

	private Mono<Forecast> make(WatchedFixture fixture) {
		return forecasts.find(fixture.fixtureId())
			.switchIfEmpty(Mono.defer(() -> analyses.analyze(fixture.fixtureId(), AnalysisKind.RESULT)
				.map(report -> forecast(fixture, report))
				.flatMap(forecast -> forecasts.keep(forecast).thenReturn(forecast))));
	}

	private Forecast forecast(WatchedFixture fixture, AnalysisReport report) {
		// what the fan was shown: the model's, or pooled with the fixture's own price where the league's settings say so
		PooledForecast shown = report.analysis().forecast();
		double[] odds = new double[3];
		int found = 0;
		for (ValueBet comparison : report.analysis().comparisons()) {
			if (comparison.market().equals("1X2")) {
				int index = switch (comparison.selection()) {
					case "home" -> 0;
					case "draw" -> 1;
					default -> 2;
				};
				odds[index] = comparison.odds();
				found++;
			}
		}
		boolean priced = found == 3;
		return new Forecast(fixture.fixtureId(), fixture.leagueId(), fixture.kickoff(), clock.instant(),
				shown.result().home(), shown.result().draw(), shown.result().away(), shown.over25(),
				priced ? odds[0] : null, priced ? odds[1] : null, priced ? odds[2] : null,
				priced ? report.bookmaker() : null, null, null);
	}
}
