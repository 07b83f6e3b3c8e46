package io.analytips.picture;

import java.util.List;
import java.util.Objects;

/**
 * The words on an analysis picture, already in the reader's language and zone (the bot writes them; this package
 * knows no language). Plain text, never HTML.
 *
 * @param home the home team as fans write it
 * @param away the away team
 * @param league the league's name
 * @param kickoff the kick-off in the reader's zone, with the zone named
 * @param resultTitle the 1X2 section's title
 * @param model the legend of the model's bars
 * @param market the legend of the market's bars (the bookmaker's chances, margin removed)
 * @param draw the draw's name under its bars
 * @param noMarket said instead of the market's legend when no bookmaker prices the match
 * @param modelPercents the model's home, draw and away chances as shown (adding up to 100)
 * @param marketPercents the market's, as shown; empty without prices
 * @param goalsTitle the goals section's title
 * @param overUnder the over/under 2.5 line in words, with its chances
 * @param scoresTitle the heat map's title
 * @param scoresAxes which side is which in the heat map (rows: the home team's goals; columns: the away team's)
 * @param footer the last line (the responsible-gambling reminder)
 */
public record PictureLabels(String home, String away, String league, String kickoff, String resultTitle, String model,
		String market, String draw, String noMarket, List<String> modelPercents, List<String> marketPercents,
		String goalsTitle, String overUnder, String scoresTitle, String scoresAxes, String footer) {

	public PictureLabels {
		for (String label : new String[] { home, away, league, kickoff, resultTitle, model, market, draw, noMarket,
				goalsTitle, overUnder, scoresTitle, scoresAxes, footer }) {
			Objects.requireNonNull(label, "every label is required");
		}
		modelPercents = List.copyOf(modelPercents);
		marketPercents = List.copyOf(marketPercents);
		if (modelPercents.size() != 3 || !(marketPercents.isEmpty() || marketPercents.size() == 3)) {
			throw new IllegalArgumentException("1X2 percents come in threes: " + modelPercents + " " + marketPercents);
		}
	}
}
