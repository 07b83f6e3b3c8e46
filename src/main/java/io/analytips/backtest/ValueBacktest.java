package io.analytips.backtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

import io.analytips.football.analysis.Confidence;
import io.analytips.football.analysis.ValueRule;

/**
 * The backtest of the flags: what the bot's value flags would have done, and which flagging rule the data
 * supports. The rule is chosen walk-forward: for each season, the candidate that did best on the seasons before
 * it is judged on that season alone, and the judged seasons are pooled into the track record. A rule is
 * <em>supported</em> only when that held-out record is positive with its 95% interval above zero: closing-line
 * value where the taken price is not the close (the Premier League's pre-closing prices), the return on stakes
 * where it is (the Série A file has closing prices only).
 */
final class ValueBacktest {

	/** A candidate needs this many flags on the seasons it is chosen on, or its record is noise. */
	static final int MIN_BETS = 50;

	static final List<Double> MIN_EDGES = List.of(0.03, 0.05, 0.08, 0.12);

	static final List<Double> CAPS = List.of(0.10, 0.15, 0.25, 0.50);

	static final List<Confidence> CONFIDENCES = List.of(Confidence.MEDIUM, Confidence.HIGH);

	/** Edge buckets of the tables: lower bounds, each up to the next. */
	static final double[] EDGE_BUCKETS = { 0.0, 0.03, 0.05, 0.10, 0.20 };

	/**
	 * The walk and its verdict.
	 *
	 * @param source the prices the rule is chosen on
	 * @param bets every weighed selection at those prices, the season before the reported ones included
	 * @param seasons one line per reported season: the rule chosen before it and what it did in it
	 * @param heldOut the pooled flags of the reported seasons, each flagged by the rule chosen before it; null
	 *        when no rule had enough flags to be chosen
	 * @param rule the rule for the bot: thresholds chosen on every season walked, {@code supported} from the held-out
	 *        record, which becomes its track record (none when no season had a flag)
	 */
	record Result(PriceSource source, List<Bet> bets, List<SeasonChoice> seasons, BetStats heldOut, ValueRule rule) {
	}

	/**
	 * @param choice the rule chosen on the seasons before, or null when none had {@link #MIN_BETS} flags
	 * @param flags its flags in this season
	 */
	record SeasonChoice(int season, ValueRule choice, List<Bet> flags) {
	}

	private ValueBacktest() {
	}

	/**
	 * Walks the rule choice over seasons {@code from..to} of {@code predictions} (which may start earlier: those
	 * seasons only train).
	 *
	 * @param seasonLabel how the league writes a season, for the track record
	 */
	static Result run(List<Prediction> predictions, int from, int to, IntFunction<String> seasonLabel) {
		PriceSource source = predictions.stream().anyMatch(p -> p.prices(PriceSource.PINNACLE.bookmakerId).isPresent())
				? PriceSource.PINNACLE : PriceSource.PINNACLE_CLOSING;
		return walk(Bets.of(predictions, source), source, from, to, seasonLabel);
	}

	/** {@link #run} on bets already priced at {@code source}. */
	static Result walk(List<Bet> bets, PriceSource source, int from, int to, IntFunction<String> seasonLabel) {
		ToDoubleFunction<BetStats> objective = objective(source);
		List<SeasonChoice> seasons = new ArrayList<>();
		List<Bet> pooled = new ArrayList<>();
		for (int season = from; season <= to; season++) {
			int judged = season;
			List<Bet> before = bets.stream().filter(b -> b.match().season() < judged).toList();
			Optional<ValueRule> choice = choose(before, objective);
			List<Bet> flags = choice.map(rule -> flags(bets.stream().filter(b -> b.match().season() == judged).toList(),
					rule)).orElse(List.of());
			seasons.add(new SeasonChoice(season, choice.orElse(null), flags));
			pooled.addAll(flags);
		}
		BetStats heldOut = pooled.isEmpty() ? null : BetStats.of(pooled);
		List<Bet> walked = bets.stream().filter(b -> b.match().season() <= to).toList();
		ValueRule thresholds = choose(walked, objective).orElse(ValueRule.candidate(MIN_EDGES.get(0),
				plausibleCap(walked), CONFIDENCES.get(0)));
		// no held-out flag, no record: "0 bets" with made-up intervals would be a record of nothing; and no CLV for
		// bets taken at the close, which it would only measure against itself
		Optional<ValueRule.TrackRecord> record = Optional.ofNullable(heldOut)
			.map(held -> new ValueRule.TrackRecord(seasonLabel.apply(from) + "–" + seasonLabel.apply(to), held.bets(),
					Optional.ofNullable(held.clv()).filter(clv -> source != PriceSource.PINNACLE_CLOSING), held.roi()));
		boolean supported = heldOut != null && heldOut.bets() >= MIN_BETS
				&& (source == PriceSource.PINNACLE_CLOSING ? heldOut.roi().aboveZero() : heldOut.clv().aboveZero());
		ValueRule rule = new ValueRule(supported, thresholds.minEdge(), thresholds.maxEdge(), thresholds.minConfidence(),
				record);
		return new Result(source, bets, List.copyOf(seasons), heldOut, rule);
	}

	/** What a rule is chosen by: closing-line value where the price is not the close, else the return. */
	static ToDoubleFunction<BetStats> objective(PriceSource source) {
		return source == PriceSource.PINNACLE_CLOSING ? stats -> stats.roi().mean() : stats -> stats.clv().mean();
	}

	/** Every candidate of the grid, in a fixed order (ties go to the first). */
	static List<ValueRule> candidates() {
		List<ValueRule> candidates = new ArrayList<>();
		for (double minEdge : MIN_EDGES) {
			for (double cap : CAPS) {
				for (Confidence confidence : CONFIDENCES) {
					if (minEdge < cap) {
						candidates.add(ValueRule.candidate(minEdge, cap, confidence));
					}
				}
			}
		}
		return candidates;
	}

	/**
	 * The plausibility cap: the smallest of {@link #CAPS} above which the flags' claimed edges are rejected by
	 * {@code bets}, that is the upper end of their return's 95% interval is below the mean edge they claimed (with
	 * at least {@link #MIN_BETS} such flags); the largest cap when no claim is rejected.
	 */
	static double plausibleCap(List<Bet> bets) {
		for (double cap : CAPS) {
			List<Bet> above = above(bets, cap);
			if (above.size() >= MIN_BETS && BetStats.of(above).roi().high() < meanEdge(above)) {
				return cap;
			}
		}
		return CAPS.get(CAPS.size() - 1);
	}

	/** The selections with an edge above {@code edge} and at least medium confidence, as the bot would weigh them. */
	static List<Bet> above(List<Bet> bets, double edge) {
		return bets.stream()
			.filter(b -> b.bet().edge() > edge && b.bet().confidence().compareTo(Confidence.MEDIUM) >= 0)
			.toList();
	}

	static double meanEdge(List<Bet> bets) {
		return bets.stream().mapToDouble(b -> b.bet().edge()).average().orElse(0);
	}

	/**
	 * The candidate with the best objective among those whose cap is within {@link #plausibleCap} of {@code bets}
	 * and that have at least {@link #MIN_BETS} flags in {@code bets}.
	 */
	static Optional<ValueRule> choose(List<Bet> bets, ToDoubleFunction<BetStats> objective) {
		ValueRule best = null;
		double bestScore = Double.NEGATIVE_INFINITY;
		double plausible = plausibleCap(bets);
		for (ValueRule candidate : candidates()) {
			if (candidate.maxEdge() > plausible) {
				continue;
			}
			List<Bet> flags = flags(bets, candidate);
			if (flags.size() < MIN_BETS) {
				continue;
			}
			double score = objective.applyAsDouble(BetStats.of(flags));
			if (score > bestScore) {
				best = candidate;
				bestScore = score;
			}
		}
		return Optional.ofNullable(best);
	}

	/** The bets {@code rule} calls value, as the bot's {@code MatchAnalyzer} does. */
	static List<Bet> flags(List<Bet> bets, ValueRule rule) {
		return bets.stream().filter(b -> rule.judge(b.bet()) == ValueRule.Verdict.VALUE).toList();
	}

	/**
	 * The flags of seasons {@code from..to} by edge bucket (confidence at least MEDIUM, as the bot flags) and by
	 * confidence (edge above 3%), for each source that prices them.
	 */
	static Map<PriceSource, Map<String, BetStats>> tables(List<Prediction> predictions, int from, int to) {
		List<Prediction> reported = predictions.stream().filter(p -> p.season() >= from && p.season() <= to).toList();
		Map<PriceSource, Map<String, BetStats>> tables = new EnumMap<>(PriceSource.class);
		for (PriceSource source : PriceSource.values()) {
			List<Bet> bets = Bets.of(reported, source);
			if (bets.isEmpty()) {
				continue;
			}
			Map<String, BetStats> rows = new LinkedHashMap<>();
			for (int b = 0; b < EDGE_BUCKETS.length; b++) {
				double low = EDGE_BUCKETS[b];
				double high = b + 1 < EDGE_BUCKETS.length ? EDGE_BUCKETS[b + 1] : Double.POSITIVE_INFINITY;
				List<Bet> in = bets.stream()
					.filter(x -> x.bet().edge() > low && x.bet().edge() <= high
							&& x.bet().confidence().compareTo(Confidence.MEDIUM) >= 0)
					.toList();
				if (!in.isEmpty()) {
					rows.put(bucket(low, high), BetStats.of(in));
				}
			}
			for (Confidence confidence : Confidence.values()) {
				List<Bet> in = bets.stream()
					.filter(x -> x.bet().edge() > 0.03 && x.bet().confidence() == confidence)
					.toList();
				if (!in.isEmpty()) {
					rows.put("edge > 3%, confidence " + confidence.name().toLowerCase(Locale.ROOT), BetStats.of(in));
				}
			}
			tables.put(source, rows);
		}
		return tables;
	}

	private static String bucket(double low, double high) {
		return Double.isInfinite(high) ? String.format(Locale.ROOT, "edge > %.0f%%", 100 * low)
				: String.format(Locale.ROOT, "edge %.0f–%.0f%%", 100 * low, 100 * high);
	}

	/** The flags of the rule a season was judged with, best edge first; for the reliability diagram. */
	static List<Bet> heldOutFlags(Result result) {
		return result.seasons().stream()
			.flatMap(s -> s.flags().stream())
			.sorted(Comparator.comparingDouble((Bet b) -> b.bet().edge()).reversed())
			.toList();
	}
}
