package io.analytips.football;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.TreeMap;

import io.analytips.common.MutableClock;
import io.analytips.football.analysis.ValueRule;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.football.api.ApiRequest;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.api.ApiTransport;
import io.analytips.football.api.RawResponse;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.CachePolicy;
import io.analytips.football.cache.FootballCache;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.support.MemoryApiCache;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each fixture is judged by its own league's value rule and shows its own league's track record: the Premier
 * League's (39) from the E0 backtest, the Brasileirão's (71) from the BRA backtest, and none for a league no
 * backtest has judged.
 */
class AnalysisServiceLeagueRuleTest {

	/** La Liga: API-Football serves it, no bundled backtest covers it. */
	private static final int UNTESTED_LEAGUE = 140;

	private final MutableClock clock = new MutableClock();

	private final ApiFootballSimulator simulator = ApiFootballSimulator.bundled(clock);

	private final ApiFootballProperties properties = ApiTestSupport.properties("http://unused", ApiFootballSimulator.KEY);

	private AnalysisService analyses(ApiTransport transport) {
		FootballCache cache = new FootballCache(new MemoryApiCache(), new CachePolicy(clock, properties.timezone()), clock,
				64L << 20, Duration.ofSeconds(60));
		FootballData data = new FootballData(cache, new ResilientApiFootball(transport, properties, clock), properties,
				clock);
		return new AnalysisService(data, 5, clock);
	}

	private long todaysFixture(int league) {
		return simulator.todaysFixtureIds().stream().filter(id -> id / 100_000 == league).findFirst().orElseThrow();
	}

	@Test
	void aPremierLeagueFixtureIsJudgedByTheE0BacktestsRuleWithItsRecord() {
		StepVerifier.create(analyses(new SimulatorTransport(simulator, ApiFootballSimulator.KEY))
				.analyze(todaysFixture(39), AnalysisKind.RESULT))
			.assertNext(report -> {
				assertThat(report.fixture().league().id()).isEqualTo(39);
				assertThat(report.rule()).isSameAs(BundledValueRule.forLeague(39));
				ValueRule.TrackRecord record = report.rule().trackRecord().orElseThrow();
				assertThat(record.seasons()).isEqualTo("2019/20–2024/25");
				assertThat(record.clv()).isPresent();
			})
			.verifyComplete();
	}

	@Test
	void aBrasileiraoFixtureIsJudgedByTheBraBacktestsRuleWithItsOwnRecord() {
		StepVerifier.create(analyses(new SimulatorTransport(simulator, ApiFootballSimulator.KEY))
				.analyze(todaysFixture(71), AnalysisKind.RESULT))
			.assertNext(report -> {
				assertThat(report.fixture().league().id()).isEqualTo(71);
				assertThat(report.rule()).isSameAs(BundledValueRule.forLeague(71))
					.isNotEqualTo(BundledValueRule.forLeague(39));
				ValueRule.TrackRecord record = report.rule().trackRecord().orElseThrow();
				// the Série A's seasons are single years, and its flags were taken at the close: no CLV
				assertThat(record.seasons()).isEqualTo("2019–2024");
				assertThat(record.clv()).isEmpty();
				assertThat(record).isNotEqualTo(BundledValueRule.forLeague(39).trackRecord().orElseThrow());
			})
			.verifyComplete();
	}

	@Test
	void aFixtureOfALeagueWithoutABacktestFlagsNothingAndHasNoTrackRecord() {
		StepVerifier.create(analyses(asUntestedLeague(new SimulatorTransport(simulator, ApiFootballSimulator.KEY)))
				.analyze(todaysFixture(39), AnalysisKind.RESULT))
			.assertNext(report -> {
				assertThat(report.fixture().league().id()).isEqualTo(UNTESTED_LEAGUE);
				assertThat(report.rule()).isSameAs(BundledValueRule.get().untested());
				assertThat(report.rule().trackRecord()).isEmpty();
				assertThat(report.rule().supported()).isFalse();
				assertThat(report.analysis().value()).isEmpty();
				// the strictest cap of the backtested leagues
				assertThat(report.rule().maxEdge()).isEqualTo(Math.min(BundledValueRule.forLeague(39).maxEdge(),
						BundledValueRule.forLeague(71).maxEdge()));
			})
			.verifyComplete();
	}

	/** The simulator's Premier League presented as {@link #UNTESTED_LEAGUE}, in both directions. */
	private static ApiTransport asUntestedLeague(ApiTransport premierLeague) {
		return request -> {
			ApiRequest asked = request;
			if (String.valueOf(UNTESTED_LEAGUE).equals(request.parameter("league"))) {
				TreeMap<String, String> parameters = new TreeMap<>(request.parameters());
				parameters.put("league", "39");
				asked = new ApiRequest(request.path(), parameters);
			}
			return premierLeague.exchange(asked).map(response -> new RawResponse(response.status(), response.headers(),
					new String(response.body(), StandardCharsets.UTF_8)
						.replace("\"league\":{\"id\":39,", "\"league\":{\"id\":" + UNTESTED_LEAGUE + ",")
						.getBytes(StandardCharsets.UTF_8)));
		};
	}
}
