package io.analytips.bot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.analytips.football.analysis.FitOptions;
import io.analytips.football.analysis.MatchResult;
import io.analytips.football.analysis.ScoreModel;

/**
 * A small league for the analysis screens' tests: teams 1, 2 and 3 play the same four results seven rounds over,
 * 21 games a team, enough for a value bet that disagrees with the market by more than 0.15 to keep MEDIUM confidence.
 */
final class SevenRounds {

	private SevenRounds() {
	}

	/** The model fitted on the seven rounds, as of 2026-11-23. */
	static ScoreModel model() {
		LocalDate day = LocalDate.of(2026, 11, 1);
		List<MatchResult> results = new ArrayList<>();
		for (int round = 0; round < 7; round++) {
			LocalDate start = day.minusDays(21 * (6 - round));
			results.addAll(List.of(new MatchResult(1, 2, 2, 0, start), new MatchResult(2, 1, 1, 1, start.plusDays(7)),
					new MatchResult(1, 3, 3, 1, start.plusDays(14)), new MatchResult(3, 2, 0, 0, start.plusDays(14))));
		}
		return ScoreModel.fit(results, LocalDate.of(2026, 11, 23), FitOptions.SCORES);
	}
}
