package io.analytips.football.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Expected corners and total-corner lines for one match.
 *
 * @param expectedTotal expected corners in the match
 * @param expectedHome expected corners won by the home side
 * @param expectedAway expected corners won by the away side
 * @param lines total corners over/under for 8.5 to 11.5, ascending
 */
public record CornerMarkets(double expectedTotal, double expectedHome, double expectedAway, List<OverUnder> lines) {

	/** The total-corner lines priced by {@link #from}. */
	public static final List<Double> LINES = List.of(8.5, 9.5, 10.5, 11.5);

	public CornerMarkets {
		lines = List.copyOf(lines);
	}

	/**
	 * Prices a match from both teams' corner records.
	 * <p>
	 * Each average is first shrunk towards the league prior with weight {@code n / (n + k)} for a
	 * sample of {@code n} matches, {@code k} the priors' {@link CornerPriors#priorMatches()} (15 in the
	 * bot). The home side's expectation is the mean of the home team's shrunk "won" and the away team's shrunk "conceded" (both against the home prior), and the away side's
	 * likewise. The total is priced as one count with variance {@code varianceToMean · mean}: the two
	 * sides' corners are negatively correlated (the dominant side wins them), so adding two
	 * independent team distributions would misstate the spread of the total.
	 */
	public static CornerMarkets from(CornerStats stats, CornerPriors priors) {
		Objects.requireNonNull(stats, "stats");
		Objects.requireNonNull(priors, "priors");
		double k = priors.priorMatches();
		double home = (shrink(stats.homeWonAvg(), stats.homeSample(), priors.homeAverage(), k)
				+ shrink(stats.awayConcededAvg(), stats.awaySample(), priors.homeAverage(), k)) / 2;
		double away = (shrink(stats.awayWonAvg(), stats.awaySample(), priors.awayAverage(), k)
				+ shrink(stats.homeConcededAvg(), stats.homeSample(), priors.awayAverage(), k)) / 2;
		double total = home + away;
		List<OverUnder> lines = new ArrayList<>();
		for (double line : LINES) {
			double over = CountDistribution.over(total, priors.varianceToMean(), line);
			lines.add(new OverUnder(line, over, 1 - over));
		}
		return new CornerMarkets(total, home, away, lines);
	}

	static double shrink(double average, int sample, double prior, double priorMatches) {
		return (sample * average + priorMatches * prior) / (sample + priorMatches);
	}
}
