package io.analytips.backtest;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

import io.analytips.football.analysis.ShotCounts;
import io.analytips.football.sim.data.HistoricalMatch;
import io.analytips.football.sim.data.MatchStats;

/**
 * Which count of a past match's chances the fit may read as evidence of strength ({@code --shots-kind}), from the
 * bundled files' statistics (the Premier League's {@code HST/AST}, {@code HS/AS}, {@code HC/AC}), or, as a
 * placebo, one for every side: then each side's "shot goals" are the league's goals per side, and the shots weight
 * only shrinks every score towards the league's mean, which tells information in the shots from mere shrinkage.
 */
enum ShotEvidence {

	ON_TARGET("on-target", "shots on target", MatchStats::shotsOnTarget),
	SHOTS("shots", "shots", MatchStats::shots),
	CORNERS("corners", "corners", MatchStats::corners),
	LEAGUE_MEAN("league-mean", "league mean (placebo)", stats -> 1);

	/** The value {@code --shots-kind} takes. */
	final String flag;

	/** What the report calls it. */
	final String label;

	private final Function<MatchStats, Integer> count;

	ShotEvidence(String flag, String label, Function<MatchStats, Integer> count) {
		this.flag = flag;
		this.label = label;
		this.count = count;
	}

	/** The match's counts, or {@code null} when the file lacks either side's. */
	ShotCounts of(HistoricalMatch match) {
		Integer home = match.homeStats() == null ? null : count.apply(match.homeStats());
		Integer away = match.awayStats() == null ? null : count.apply(match.awayStats());
		return home == null || away == null ? null : new ShotCounts(home, away);
	}

	/**
	 * The evidence for a {@code --shots-kind} value.
	 *
	 * @throws IllegalArgumentException naming the known values if there is none
	 */
	static ShotEvidence of(String flag) {
		return Arrays.stream(values())
			.filter(e -> e.flag.equals(flag.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"--shots-kind must be on-target, shots, corners or league-mean: " + flag));
	}
}
