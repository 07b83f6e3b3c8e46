package io.analytips.football.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MarketsTest {

	private final Markets evenMatch = Markets.from(ScoreMatrix.dixonColes(new ExpectedGoals(1, 1), 0, 15));

	@Test
	void evenTeamsHaveEqualWinProbabilities() {
		OneXTwo result = evenMatch.result();

		assertThat(result.home()).isCloseTo(result.away(), within(1e-12));
		assertThat(result.home() + result.draw() + result.away()).isCloseTo(1, within(1e-12));
		// draw = Σ_k (e^-1 / k!)² = e^-2 · I0(2) = 0.135335 · 2.279585 = 0.308508
		assertThat(result.draw()).isCloseTo(0.308508, within(1e-6));
	}

	@Test
	void goalLinesFollowTheTotalsPoissonWithoutCorrection() {
		// The total of two independent Poisson(1) is Poisson(2):
		// P(over 0.5) = 1 - e^-2 = 0.864665; P(over 2.5) = 1 - e^-2 (1 + 2 + 2) = 0.323324
		assertThat(evenMatch.goals()).extracting(OverUnder::line).containsExactly(0.5, 1.5, 2.5, 3.5, 4.5);
		assertThat(evenMatch.goals(0.5).over()).isCloseTo(0.864665, within(1e-6));
		assertThat(evenMatch.goals(2.5).over()).isCloseTo(0.323324, within(1e-6));
		assertThat(evenMatch.goals(2.5).under()).isCloseTo(1 - 0.323324, within(1e-6));
		assertThat(evenMatch.goals(5.5)).isNull();
	}

	@Test
	void bothTeamsScoreIsTheProductOfEachScoringWithoutCorrection() {
		// (1 - e^-1)² = 0.632121² = 0.399576
		assertThat(evenMatch.bothTeamsScore()).isCloseTo(0.399576, within(1e-6));
	}

	@Test
	void likeliestScoresComeMostLikelyFirst() {
		// With λ = 1.6, μ = 0.9, P(i,j) = e^-2.5 · 1.6^i / i! · 0.9^j / j!, so in units of e^-2.5 = 0.0820850:
		// 1-0 1.6, 1-1 1.44, 2-0 1.28, 2-1 1.152, 0-0 1.0, then 0-1 0.9
		Markets markets = Markets.from(ScoreMatrix.dixonColes(new ExpectedGoals(1.6, 0.9), 0, 15));

		List<ScoreProbability> scores = markets.likeliestScores();
		assertThat(scores).extracting(s -> s.home() + "-" + s.away()).containsExactly("1-0", "1-1", "2-0", "2-1", "0-0");
		// 1.6 · 0.0820850 = 0.131336
		assertThat(scores.get(0).probability()).isCloseTo(0.131336, within(1e-6));
	}

	@Test
	void favouriteGetsTheHigherWinProbability() {
		Markets markets = Markets.from(ScoreMatrix.dixonColes(new ExpectedGoals(2.0, 0.8), -0.1));

		assertThat(markets.result().home()).isGreaterThan(0.6).isGreaterThan(markets.result().away() * 3);
	}

	@Test
	void negativeRhoRaisesTheDraw() {
		ExpectedGoals xg = new ExpectedGoals(1.3, 1.1);
		double independent = Markets.from(ScoreMatrix.dixonColes(xg, 0, 15)).result().draw();
		double corrected = Markets.from(ScoreMatrix.dixonColes(xg, -0.1, 15)).result().draw();

		// the draw gains ρ-moved mass at 0-0 (λμ|ρ| e^-(λ+μ)) and at 1-1 (the same amount)
		assertThat(corrected - independent).isCloseTo(2 * 1.3 * 1.1 * 0.1 * Math.exp(-2.4), within(1e-9));
	}
}
