package io.analytips.backtest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.analytips.football.analysis.BlankFactor;

/**
 * The backtest's both-teams-to-score section: the weights chosen walk-forward and what they bought, and, per season,
 * what the score matrix's BTTS rests on (the goal level, each side's chance of a blank, ρ's share) against what
 * happened, with the reliability of the matrix's and the calibrated probabilities.
 */
final class BttsReport {

	private BttsReport() {
	}

	static String markdown(BacktestOptions options, BttsWeights.Result btts) {
		BacktestLeague league = options.league();
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%nBTTS: the model's probability pulled towards the league's frequency of the "
				+ "year before, (1 − w) · model + w · frequency, w chosen on the seasons from %s to the one before: %s; "
				+ "chosen on %s–%s (what --settings-out writes): %.2f. Calibrated − the score matrix's own, paired: BTTS "
				+ "Brier %s, log loss %s.%n",
				league.season(league.tuningFrom),
				league.weightsFrom(options.from(), btts.weights()),
				league.season(league.tuningFrom), league.season(options.to()), btts.latest(),
				interval(btts.gain(options.from(), options.to(), false)), interval(btts.gain(options.from(), options.to(), true))));
		Map<Integer, Means> bySeason = new TreeMap<>();
		Means all = new Means(options.blanks());
		Reliability matrix = new Reliability();
		Reliability calibrated = new Reliability();
		Reliability frequency = new Reliability();
		for (int i = 0; i < btts.predictions().size(); i++) {
			Prediction p = btts.predictions().get(i);
			if (p.season() >= options.from() && p.season() <= options.to()) {
				Prediction raw = btts.uncalibrated().get(i);
				bySeason.computeIfAbsent(p.season(), s -> new Means(options.blanks())).add(raw, p);
				all.add(raw, p);
				matrix.add(raw.modelBtts(), p.btts());
				calibrated.add(p.modelBtts(), p.btts());
				frequency.add(p.frequencyBtts(), p.btts());
			}
		}
		out.append(String.format(Locale.ROOT, "%n| season | matches | both scored | league frequency | matrix BTTS | "
				+ "calibrated | expected goals | goals | P(home blank) | home blanks | P(away blank) | away blanks | "
				+ "ρ's share of the matrix BTTS |%n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n"));
		bySeason.forEach((season, means) -> out.append(means.row(league.season(season))));
		out.append(all.row("all"));
		out.append(String.format(Locale.ROOT, "%nBTTS expected calibration error (ten bins): matrix %.4f, calibrated %.4f, "
				+ "league frequencies %.4f.%n%n| bin | matches | matrix mean | observed | calibrated matches | calibrated mean "
				+ "| observed |%n|---|---:|---:|---:|---:|---:|---:|%n", matrix.calibrationError(), calibrated.calibrationError(),
				frequency.calibrationError()));
		List<Reliability.Bin> matrixBins = matrix.bins();
		List<Reliability.Bin> calibratedBins = calibrated.bins();
		for (int b = 0; b < Reliability.BINS; b++) {
			Reliability.Point m = point(matrixBins, b);
			Reliability.Point c = point(calibratedBins, b);
			if (m != null || c != null) {
				out.append(String.format(Locale.ROOT, "| [%.1f, %.1f) | %s | %s |%n", b / 10.0, (b + 1) / 10.0, cells(m),
						cells(c)));
			}
		}
		return out.toString();
	}

	private static Reliability.Point point(List<Reliability.Bin> bins, int index) {
		return bins.stream().filter(bin -> bin.index() == index).map(Reliability.Bin::point).findFirst().orElse(null);
	}

	private static String cells(Reliability.Point point) {
		return point == null ? "0 | — | —"
				: String.format(Locale.ROOT, "%d | %.4f | %.4f", point.count(), point.forecast(), point.observed());
	}

	/** e.g. {@code -0.0014 [-0.0023, -0.0006]}: a mean and its 95% interval. */
	static String interval(double[] meanAndError) {
		double mean = meanAndError[0];
		double half = PairedDifference.Z_95 * meanAndError[1];
		return String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", mean, mean - half, mean + half);
	}

	/** Sums for one row: means of what the matrix said and what happened. */
	private static final class Means {

		final BlankFactor blanks;

		int n;

		double both;

		double frequency;

		double matrix;

		double calibrated;

		double expectedGoals;

		double goals;

		double homeBlank;

		double homeBlanks;

		double awayBlank;

		double awayBlanks;

		double rhoShare;

		Means(BlankFactor blanks) {
			this.blanks = blanks;
		}

		void add(Prediction raw, Prediction p) {
			n++;
			both += p.btts() ? 1 : 0;
			frequency += p.frequencyBtts();
			matrix += raw.modelBtts();
			calibrated += p.modelBtts();
			expectedGoals += p.homeXg() + p.awayXg();
			goals += p.homeGoals() + p.awayGoals();
			// a Dixon-Coles matrix gives each side a blank with its Poisson probability, exp(−λ): τ cancels in the margins
			// (with a blank factor, its count's P(0); τ then cancels only nearly)
			double home = blanks.homeBlank(p.homeXg());
			double away = blanks.awayBlank(p.awayXg());
			homeBlank += home;
			homeBlanks += p.homeGoals() == 0 ? 1 : 0;
			awayBlank += away;
			awayBlanks += p.awayGoals() == 0 ? 1 : 0;
			// what ρ adds to the independent Poisson's (1 − e^−λ)(1 − e^−μ)
			rhoShare += raw.modelBtts() - (1 - home) * (1 - away);
		}

		String row(String label) {
			return String.format(Locale.ROOT,
					"| %s | %d | %.4f | %.4f | %.4f | %.4f | %.3f | %.3f | %.4f | %.4f | %.4f | %.4f | %+.4f |%n", label, n,
					both / n, frequency / n, matrix / n, calibrated / n, expectedGoals / n, goals / n, homeBlank / n,
					homeBlanks / n, awayBlank / n, awayBlanks / n, rhoShare / n);
		}
	}
}
