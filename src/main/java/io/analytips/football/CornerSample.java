package io.analytips.football;

import java.util.List;
import java.util.Optional;

import io.analytips.football.analysis.CornerStats;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.FixtureTeamStatistics;

/** One recent match's corner counts, and how a set of them becomes the model's corner statistics. */
record CornerSample(Fixture match, List<FixtureTeamStatistics> statistics) {

	/** Corners won by {@code team} in this match and conceded to its opponent; null when unknown. */
	int[] wonAndConceded(long team) {
		Integer won = null;
		Integer conceded = null;
		for (FixtureTeamStatistics side : statistics) {
			if (side.team().id() == team) {
				won = side.corners();
			}
			else {
				conceded = side.corners();
			}
		}
		return won == null || conceded == null ? null : new int[] { won, conceded };
	}

	static Optional<CornerStats> stats(List<CornerSample> samples, long home, long away) {
		double[] homeTotals = totals(samples, home);
		double[] awayTotals = totals(samples, away);
		if (homeTotals[2] == 0 && awayTotals[2] == 0) {
			return Optional.empty();
		}
		return Optional.of(new CornerStats(average(homeTotals, 0), average(homeTotals, 1), (int) homeTotals[2],
				average(awayTotals, 0), average(awayTotals, 1), (int) awayTotals[2]));
	}

	/** {won, conceded, matches} over the samples the team played in. */
	private static double[] totals(List<CornerSample> samples, long team) {
		double[] totals = new double[3];
		for (CornerSample sample : samples) {
			if (sample.match().home().id() != team && sample.match().away().id() != team) {
				continue;
			}
			int[] counts = sample.wonAndConceded(team);
			if (counts != null) {
				totals[0] += counts[0];
				totals[1] += counts[1];
				totals[2]++;
			}
		}
		return totals;
	}

	private static double average(double[] totals, int index) {
		return totals[2] == 0 ? 0 : totals[index] / totals[2];
	}
}
