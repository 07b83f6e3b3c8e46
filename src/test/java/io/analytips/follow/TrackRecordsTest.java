package io.analytips.follow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.analytips.store.Forecast;
import io.analytips.store.ForecastRepository;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The bot's live record: every settled forecast scored, per league, beside the market's on the priced ones. */
class TrackRecordsTest {

	private static final Instant KICKOFF = Instant.parse("2026-05-10T19:00:00Z");

	private static Forecast forecast(long id, int league, double home, double draw, double away, Double[] market,
			int homeGoals, int awayGoals) {
		return new Forecast(id, league, KICKOFF, KICKOFF.minusSeconds(3600), home, draw, away, 0.5,
				market == null ? null : market[0], market == null ? null : market[1], market == null ? null : market[2],
				market == null ? null : "Bet365", homeGoals, awayGoals);
	}

	@Test
	void scoresEachForecastByWhatHappenedAndTheMarketOnlyWhereItPriced() {
		// a home win: RPS ½((0.5−1)² + (0.8−1)²) = 0.145, log −ln 0.5
		Forecast won = forecast(1, 71, 0.5, 0.3, 0.2, new Double[] { 2.0, 3.4, 4.5 }, 2, 0);
		// a draw, unpriced: RPS ½((0.2)² + (0.5−1)²)... cumulative: 0.2, 0.5 → ½(0.04 + 0.25) = 0.145
		Forecast drawn = forecast(2, 71, 0.2, 0.3, 0.5, null, 1, 1);

		LeagueRecord record = TrackRecords.of(Map.of(71, List.of(won, drawn))).get(0);

		assertThat(record.leagueId()).isEqualTo(71);
		assertThat(record.matches()).isEqualTo(2);
		assertThat(record.rps()).isCloseTo(0.145, within(1e-9));
		assertThat(record.logScore()).isCloseTo((-Math.log(0.5) - Math.log(0.3)) / 2, within(1e-9));
		assertThat(record.priced()).isEqualTo(1);
		assertThat(record.modelRpsPriced()).isCloseTo(0.145, within(1e-9));
		double[] fair = io.analytips.football.analysis.Margin.power(2.0, 3.4, 4.5);
		assertThat(record.marketLogScore()).isCloseTo(-Math.log(fair[0]), within(1e-9));
		assertThat(record.marketRps()).isCloseTo(0.5 * (Math.pow(fair[0] - 1, 2) + Math.pow(fair[0] + fair[1] - 1, 2)),
				within(1e-9));
	}

	@Test
	void aLeagueWithoutPricesHasNoMarketScore() {
		LeagueRecord record = TrackRecords.of(Map.of(39, List.of(forecast(3, 39, 0.4, 0.3, 0.3, null, 0, 2)))).get(0);

		assertThat(record.priced()).isZero();
		assertThat(record.marketRps()).isNaN();
		assertThat(record.marketLogScore()).isNaN();
	}

	@Test
	void emitsOneRecordPerLeagueInLeagueOrderOrNoneBeforeAnyForecastIsSettled() {
		ForecastRepository forecasts = mock(ForecastRepository.class);
		when(forecasts.settled()).thenReturn(Flux.just(forecast(1, 71, 0.5, 0.3, 0.2, null, 1, 0),
				forecast(2, 39, 0.5, 0.3, 0.2, null, 0, 0), forecast(3, 71, 0.5, 0.3, 0.2, null, 0, 1)));
		StepVerifier.create(new TrackRecords(forecasts).record())
			.assertNext(records -> assertThat(records).extracting(LeagueRecord::leagueId, LeagueRecord::matches)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(39, 1), org.assertj.core.groups.Tuple.tuple(71, 2)))
			.verifyComplete();

		when(forecasts.settled()).thenReturn(Flux.empty());
		StepVerifier.create(new TrackRecords(forecasts).record()).expectNext(List.of()).verifyComplete();

		when(forecasts.settled()).thenReturn(Flux.error(new IllegalStateException("database down")));
		StepVerifier.create(new TrackRecords(forecasts).record()).expectError(IllegalStateException.class).verify();
	}
}
