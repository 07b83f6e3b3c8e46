package io.analytips.football;

import java.util.List;
import java.util.Optional;

import io.analytips.football.analysis.CornerCount;
import io.analytips.football.analysis.CornerStats;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.FixtureTeamStatistics;

/** One recent match's corner counts, and how a set of them becomes the model's corner statistics. */
record CornerSample(Fixture match, List<FixtureTeamStatistics> statistics) {

	/** Corners won by {@code team} in this match and conceded to its opponent; empty when unknown. */
	Optional<CornerCount> wonAndConceded(long team) {
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
		return won == null || conceded == null ? Optional.empty() : Optional.of(new CornerCount(won, conceded));
	}

	/** Both teams' record over the samples each played in, averaged as the backtest averages it. */
	static Optional<CornerStats> stats(List<CornerSample> samples, long home, long away) {
		return CornerStats.fromRecent(counts(samples, home), counts(samples, away));
	}

	/** The team's counts in the samples it played in and whose counts are known. */
	private static List<CornerCount> counts(List<CornerSample> samples, long team) {
		return samples.stream()
			.filter(sample -> sample.match().home().id() == team || sample.match().away().id() == team)
			.flatMap(sample -> sample.wonAndConceded(team).stream())
			.toList();
	}
}
