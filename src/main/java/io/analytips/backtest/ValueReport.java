package io.analytips.backtest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.analytips.football.analysis.ValueRule;

/** The backtest of the flags in Markdown, printed after the forecasters' table and kept in the metrics file. */
final class ValueReport {

	private ValueReport() {
	}

	static String markdown(BacktestOptions options, ValueBacktest.Result value, Map<PriceSource, Map<String, BetStats>> tables) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%n## Value flags, %s %s%n%n", options.league().displayName,
				options.seasonRange()));
		out.append("Every 1X2 and over/under 2.5 selection whose model edge p·o − 1 is in the bucket, confidence at least "
				+ "medium (as the bot flags), one unit or the bot's quarter-Kelly stake each. ROI: profit per unit staked. "
				+ "CLV: taken price × Pinnacle's margin-free closing probability − 1. Hit − model: the share that won minus "
				+ "the model's mean probability (below zero: the model overrates them). [95% bootstrap intervals, "
				+ "matches resampled.]\n");
		tables.forEach((source, rows) -> {
			out.append(String.format(Locale.ROOT, "%n### At the %s%n%n", source.label));
			out.append("| selections | bets | ROI flat | ROI ¼ Kelly | CLV | hit − model |\n|---|---:|---:|---:|---:|---:|\n");
			rows.forEach((label, stats) -> out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", label,
					stats.bets(), percent(stats.roi()), percent(stats.kellyRoi()),
					source == PriceSource.PINNACLE_CLOSING || stats.clv() == null ? "—" : percent(stats.clv()),
					percent(stats.shortfall()))));
		});
		out.append(String.format(Locale.ROOT, "%n### The plausibility cap, at the %s%n%n", value.source().label));
		out.append("An edge above the cap is shown as the model's disagreement with a caution, never as value. The cap is "
				+ "the smallest edge above which the bets' return is, at 95%, below the edge they claimed (every season "
				+ "walked, the one before the reported ones included).\n\n");
		out.append("| edge above | bets | mean claimed edge | ROI flat | rejected |\n|---|---:|---:|---:|---|\n");
		List<Bet> walked = value.bets().stream().filter(b -> b.match().season() <= options.to()).toList();
		for (double cap : ValueBacktest.CAPS) {
			List<Bet> above = ValueBacktest.above(walked, cap);
			if (above.isEmpty()) {
				continue;
			}
			BetStats stats = BetStats.of(above);
			double claimed = ValueBacktest.meanEdge(above);
			out.append(String.format(Locale.ROOT, "| %.0f%% | %d | %+.1f%% | %s | %s |%n", 100 * cap, stats.bets(),
					100 * claimed, percent(stats.roi()), stats.roi().high() < claimed ? "yes" : "no"));
		}
		out.append(String.format(Locale.ROOT, "%n### The rule, chosen walk-forward at the %s%n%n", value.source().label));
		out.append(String.format(Locale.ROOT,
				"Candidates: minimum edge %s × cap %s × confidence %s; each season is judged with the candidate that did "
						+ "best (%s) on the seasons before it, among those within the plausibility cap of those seasons "
						+ "and with at least %d flags there.%n%n",
				ValueBacktest.MIN_EDGES, ValueBacktest.CAPS, ValueBacktest.CONFIDENCES,
				value.source() == PriceSource.PINNACLE_CLOSING ? "flat ROI" : "mean CLV", ValueBacktest.MIN_BETS));
		out.append("| season | rule chosen before it | flags | ROI flat | CLV |\n|---|---|---:|---:|---:|\n");
		for (ValueBacktest.SeasonChoice season : value.seasons()) {
			if (season.choice() == null || season.flags().isEmpty()) {
				out.append(String.format(Locale.ROOT, "| %s | %s | 0 | — | — |%n", options.league().season(season.season()),
						season.choice() == null ? "none (too few flags before)" : describe(season.choice())));
				continue;
			}
			BetStats stats = BetStats.of(season.flags());
			out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s |%n", options.league().season(season.season()),
					describe(season.choice()), stats.bets(), percent(stats.roi()),
					stats.clv() == null || value.source() == PriceSource.PINNACLE_CLOSING ? "—" : percent(stats.clv())));
		}
		ValueRule rule = value.rule();
		if (value.heldOut() != null) {
			BetStats held = value.heldOut();
			out.append(String.format(Locale.ROOT, "%nHeld out, pooled: %d flags, ROI %s, ¼ Kelly ROI %s, CLV %s, hit − model %s.%n",
					held.bets(), percent(held.roi()), percent(held.kellyRoi()),
					held.clv() == null || value.source() == PriceSource.PINNACLE_CLOSING ? "—" : percent(held.clv()),
					percent(held.shortfall())));
		}
		out.append(String.format(Locale.ROOT, "%nRule for the bot: %s; %s.%n", describe(rule), rule.supported()
				? "supported (held-out record above zero): flags are shown as value"
				: "NOT supported (the held-out record's interval is not above zero): the bot flags no value, shows the "
						+ "model's fair odds beside the market's and says the market is the better estimate; edges above "
						+ "the cap are shown as a disagreement with a caution"));
		return out.toString();
	}

	static String describe(ValueRule rule) {
		return String.format(Locale.ROOT, "edge > %.0f%%, cap %.0f%%, confidence ≥ %s", 100 * rule.minEdge(),
				100 * rule.maxEdge(), rule.minConfidence().name().toLowerCase(Locale.ROOT));
	}

	static String percent(ValueRule.Interval interval) {
		return String.format(Locale.ROOT, "%+.1f%% [%+.1f, %+.1f]", 100 * interval.mean(), 100 * interval.low(),
				100 * interval.high());
	}
}
