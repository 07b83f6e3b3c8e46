package io.analytips.football;

import java.time.Duration;
import java.util.Map;

import io.analytips.common.MutableClock;
import io.analytips.football.analysis.BothTeamsScoreCalibration;
import io.analytips.football.analysis.FitOptions;
import io.analytips.football.analysis.MatchAnalysis;
import io.analytips.football.analysis.ModelSettings;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.CachePolicy;
import io.analytips.football.cache.FootballCache;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.support.MemoryApiCache;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A fixture's both-teams-to-score probability is calibrated with its own league's bundled weight. */
class AnalysisServiceLeagueModelSettingsTest {

	private final MutableClock clock = new MutableClock();

	private final ApiFootballSimulator simulator = ApiFootballSimulator.bundled(clock);

	private final ApiFootballProperties properties = ApiTestSupport.properties("http://unused", ApiFootballSimulator.KEY);

	private MatchAnalysis analysis(BundledModelSettings settings, int league) {
		FootballCache cache = new FootballCache(new MemoryApiCache(), new CachePolicy(clock, properties.timezone()), clock,
				64L << 20, Duration.ofSeconds(60));
		FootballData data = new FootballData(cache,
				new ResilientApiFootball(new SimulatorTransport(simulator, ApiFootballSimulator.KEY), properties, clock),
				properties, clock);
		AnalysisService service = new AnalysisService(data, 5, clock, new ModelFitTimes(), MarketMemory.forgetful(),
				BundledValueRule.get(), settings);
		long fixture = simulator.todaysFixtureIds().stream().filter(id -> id / 100_000 == league).findFirst().orElseThrow();
		MatchAnalysis[] found = new MatchAnalysis[1];
		StepVerifier.create(service.analyze(fixture, AnalysisKind.RESULT))
			.assertNext(report -> found[0] = report.analysis())
			.verifyComplete();
		return found[0];
	}

	private static BundledModelSettings weights(double premierLeague, double brasileirao) {
		return new BundledModelSettings(Map.of(39, weighing(premierLeague), 71, weighing(brasileirao)));
	}

	private static ModelSettings weighing(double btts) {
		return new ModelSettings(FitOptions.MARKET, new BothTeamsScoreCalibration(btts));
	}

	@Test
	void aBrasileiraoFixturesBttsIsCalibratedWithTheSerieAsOwnWeight() {
		// weight 0: the score matrix's probability; weight 1: the league's frequency the model was fitted with
		MatchAnalysis matrix = analysis(weights(1, 0), 71);
		MatchAnalysis frequency = analysis(weights(0, 1), 71);
		MatchAnalysis bundled = analysis(BundledModelSettings.get(), 71);

		assertThat(frequency.markets().bothTeamsScore()).isNotCloseTo(matrix.markets().bothTeamsScore(), within(1e-4));
		assertThat(bundled.markets().bothTeamsScore()).isCloseTo(BundledModelSettings.get().forLeague(71).bothTeamsScore()
			.apply(matrix.markets().bothTeamsScore(), frequency.markets().bothTeamsScore()), within(1e-12));
		// only the BTTS moves
		assertThat(bundled.markets().result()).isEqualTo(matrix.markets().result());
		assertThat(bundled.markets().goals()).isEqualTo(matrix.markets().goals());
	}
}
