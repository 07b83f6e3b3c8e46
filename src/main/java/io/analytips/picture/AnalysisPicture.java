package io.analytips.picture;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import io.analytips.football.AnalysisReport;
import io.analytips.football.analysis.MatchAnalysis;
import io.analytips.football.analysis.ScoreMatrix;
import io.analytips.football.analysis.ScoreProbability;
import io.analytips.football.analysis.ValueBet;

/**
 * Everything one analysis picture draws: its words and its numbers. Two pictures with the same {@link #key()} look
 * the same, so the key names a picture already sent (its Telegram {@code file_id}) for as long as neither the
 * fixture's analysis nor its market prices change.
 *
 * @param fixtureId the fixture
 * @param labels the words, in the reader's language
 * @param model the model's home, draw and away chances
 * @param market the market's (the bookmaker's, margin removed), empty without prices
 * @param totals the chance of 0, 1, … 5 and 6 or more goals in the match
 * @param scores the chance of each score up to 5-5: {@code scores[home][away]}
 * @param likeliest the most likely scores, most likely first (the heat map labels the first three)
 */
public record AnalysisPicture(long fixtureId, PictureLabels labels, List<Double> model, List<Double> market,
		List<Double> totals, double[][] scores, List<ScoreProbability> likeliest) {

	/** The heat map's last score a side. */
	static final int GRID = 5;

	/** The goals bars: 0 to 5 goals, then 6 or more. */
	static final int TOTALS = 7;

	/** Bumped whenever the drawing changes, so pictures sent before are not reused. */
	private static final String DESIGN = "picture-v1";

	public AnalysisPicture {
		model = List.copyOf(model);
		market = List.copyOf(market);
		totals = List.copyOf(totals);
		likeliest = List.copyOf(likeliest);
		scores = copy(scores);
	}

	/** The picture of a report's analysis: the score matrix rebuilt from its expected goals and ρ, as the model did. */
	public static AnalysisPicture of(AnalysisReport report, PictureLabels labels) {
		MatchAnalysis analysis = report.analysis();
		var result = analysis.markets().result();
		List<Double> market = analysis.comparisons().stream()
			.filter(bet -> bet.market().equals("1X2"))
			.map(ValueBet::fairProbability)
			.toList();
		ScoreMatrix matrix = ScoreMatrix.dixonColes(analysis.expectedGoals(), analysis.rho());
		double[] totals = new double[TOTALS];
		double[][] scores = new double[GRID + 1][GRID + 1];
		for (int i = 0; i <= matrix.maxGoals(); i++) {
			for (int j = 0; j <= matrix.maxGoals(); j++) {
				double p = matrix.probability(i, j);
				totals[Math.min(i + j, TOTALS - 1)] += p;
				if (i <= GRID && j <= GRID) {
					scores[i][j] = p;
				}
			}
		}
		List<Double> totalList = new ArrayList<>();
		for (double total : totals) {
			totalList.add(total);
		}
		return new AnalysisPicture(report.fixture().id(), labels, List.of(result.home(), result.draw(), result.away()),
				market.size() == 3 ? market : List.of(), totalList, scores, analysis.markets().likeliestScores());
	}

	@Override
	public double[][] scores() {
		return copy(scores);
	}

	double score(int home, int away) {
		return scores[home][away];
	}

	/**
	 * The fixture and a SHA-256 of everything drawn (words, and numbers to 4 decimals: finer than any pixel), e.g.
	 * {@code 1035061-3f9a…}: 16 hex digits of it, plenty for the pictures of one fixture.
	 */
	public String key() {
		StringBuilder content = new StringBuilder(DESIGN).append('|').append(fixtureId).append('|').append(labels);
		for (List<Double> numbers : List.of(model, market, totals)) {
			numbers.forEach(p -> content.append('|').append(String.format(Locale.ROOT, "%.4f", p)));
		}
		for (double[] row : scores) {
			for (double p : row) {
				content.append('|').append(String.format(Locale.ROOT, "%.4f", p));
			}
		}
		likeliest.forEach(s -> content.append('|').append(s.home()).append('-').append(s.away()));
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
			return fixtureId + "-" + HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is in every JDK", ex);
		}
	}

	private static double[][] copy(double[][] scores) {
		double[][] copy = new double[scores.length][];
		for (int i = 0; i < scores.length; i++) {
			copy[i] = scores[i].clone();
		}
		return copy;
	}
}
