package io.analytips.football.analysis;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * When the bot calls a price "value", chosen by the backtest of the flags ({@code backtest --rule-out}) on one
 * league's seasons and bundled for that league: the bot and the backtest apply the same rule with the same
 * thresholds. A league no backtest has judged gets {@link #untested(double)}: nothing flagged, no track record.
 *
 * @param supported whether the flags showed a positive closing-line value, its 95% interval above zero, on the
 *        seasons held out of the choice; when not, nothing is called value and the screen compares the model's
 *        fair odds with the market's instead
 * @param minEdge a selection is considered only when its edge {@code p·o − 1} is above this
 * @param maxEdge the plausibility cap: an edge above it against a sharp book is the model's disagreement with the
 *        market, shown with a caution and never as value
 * @param minConfidence the least confidence a flag needs
 * @param trackRecord what flags of this rule did in its league's backtest; empty when no backtest judged them (a
 *        league without one, a candidate being weighed, or a backtest in which no rule flagged anything)
 */
public record ValueRule(boolean supported, double minEdge, double maxEdge, Confidence minConfidence,
		Optional<TrackRecord> trackRecord) {

	/**
	 * What the rule's flags did in the backtest, on seasons held out of the rule's choice.
	 *
	 * @param clv their closing-line value; empty where they were taken at the closing price itself (the Série A
	 *        file has no other), against which it measures nothing but the margin
	 * @param roi their return per unit staked
	 */
	public record TrackRecord(String seasons, int bets, Optional<Interval> clv, Interval roi) {

		public TrackRecord {
			Objects.requireNonNull(seasons, "seasons");
			Objects.requireNonNull(clv, "clv");
			Objects.requireNonNull(roi, "roi");
			if (bets < 0) {
				throw new IllegalArgumentException("bets must not be negative: " + bets);
			}
		}
	}

	/** A mean with its 95% interval. */
	public record Interval(double mean, double low, double high) {

		public Interval {
			if (!(low <= mean && mean <= high)) {
				throw new IllegalArgumentException("need low ≤ mean ≤ high: " + low + ", " + mean + ", " + high);
			}
		}

		/** Whether the whole interval is above zero. */
		public boolean aboveZero() {
			return low > 0;
		}
	}

	/** What the rule makes of one selection. */
	public enum Verdict {

		/** Not worth mentioning: the edge is too small, or the rule does not flag it. */
		NONE,

		/** A flagged value bet. */
		VALUE,

		/** An edge beyond the plausibility cap: more likely the model's error than the market's. */
		DISAGREEMENT
	}

	public ValueRule {
		Objects.requireNonNull(minConfidence, "minConfidence");
		Objects.requireNonNull(trackRecord, "trackRecord");
		if (!(minEdge >= 0 && minEdge < maxEdge)) {
			throw new IllegalArgumentException("need 0 ≤ minEdge < maxEdge: " + minEdge + ", " + maxEdge);
		}
	}

	/**
	 * A supported rule with these thresholds and no track record yet: a candidate the backtest weighs.
	 *
	 * @throws IllegalArgumentException unless {@code 0 ≤ minEdge < maxEdge}
	 */
	public static ValueRule candidate(double minEdge, double maxEdge, Confidence minConfidence) {
		return new ValueRule(true, minEdge, maxEdge, minConfidence, Optional.empty());
	}

	/**
	 * The rule for a league no backtest has judged: it calls nothing value and has no track record, so nothing
	 * claims a record it does not have; an edge above {@code maxEdge} is still a disagreement.
	 *
	 * @throws IllegalArgumentException unless {@code maxEdge > 0}
	 */
	public static ValueRule untested(double maxEdge) {
		return new ValueRule(false, 0, maxEdge, Confidence.HIGH, Optional.empty());
	}

	/**
	 * VALUE for a bet with {@code minEdge < edge ≤ maxEdge} and at least {@code minConfidence} when the rule is
	 * supported; DISAGREEMENT for {@code edge > maxEdge}, whatever the confidence; NONE otherwise.
	 */
	public Verdict judge(ValueBet bet) {
		Objects.requireNonNull(bet, "bet");
		if (bet.edge() > maxEdge) {
			return Verdict.DISAGREEMENT;
		}
		if (supported && bet.edge() > minEdge && bet.confidence().compareTo(minConfidence) >= 0) {
			return Verdict.VALUE;
		}
		return Verdict.NONE;
	}

	/**
	 * Reads the rule from the properties the backtest writes ({@link #toProperties()}): without any
	 * {@code record.*} key, a rule without a track record.
	 *
	 * @throws IllegalArgumentException naming the key when one is missing or malformed
	 */
	public static ValueRule from(Properties properties) {
		Objects.requireNonNull(properties, "properties");
		boolean recorded = properties.stringPropertyNames().stream().anyMatch(key -> key.startsWith("record."));
		Optional<TrackRecord> record = recorded
				? Optional.of(new TrackRecord(required(properties, "record.seasons"), (int) number(properties,
						"record.bets"), optionalInterval(properties, "record.clv"), interval(properties, "record.roi")))
				: Optional.empty();
		return new ValueRule(Boolean.parseBoolean(required(properties, "supported")), number(properties, "min-edge"),
				number(properties, "max-edge"), confidence(required(properties, "min-confidence")), record);
	}

	/** The rule as properties, in the form {@link #from(Properties)} reads. */
	public Properties toProperties() {
		Properties properties = new Properties();
		properties.setProperty("supported", Boolean.toString(supported));
		properties.setProperty("min-edge", decimal(minEdge));
		properties.setProperty("max-edge", decimal(maxEdge));
		properties.setProperty("min-confidence", minConfidence.name());
		trackRecord.ifPresent(record -> {
			properties.setProperty("record.seasons", record.seasons());
			properties.setProperty("record.bets", Integer.toString(record.bets()));
			record.clv().ifPresent(clv -> put(properties, "record.clv", clv));
			put(properties, "record.roi", record.roi());
		});
		return properties;
	}

	private static void put(Properties properties, String key, Interval interval) {
		properties.setProperty(key, decimal(interval.mean()));
		properties.setProperty(key + ".low", decimal(interval.low()));
		properties.setProperty(key + ".high", decimal(interval.high()));
	}

	/** The interval at {@code key}, or empty when none of its three keys is there. */
	private static Optional<Interval> optionalInterval(Properties properties, String key) {
		boolean present = properties.containsKey(key) || properties.containsKey(key + ".low")
				|| properties.containsKey(key + ".high");
		return present ? Optional.of(interval(properties, key)) : Optional.empty();
	}

	private static Interval interval(Properties properties, String key) {
		return new Interval(number(properties, key), number(properties, key + ".low"), number(properties, key + ".high"));
	}

	private static String decimal(double value) {
		return String.format(Locale.ROOT, "%.4f", value);
	}

	private static String required(Properties properties, String key) {
		String value = properties.getProperty(key);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("value rule: missing " + key);
		}
		return value.trim();
	}

	private static double number(Properties properties, String key) {
		String value = required(properties, key);
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("value rule: " + key + " is not a number: " + value, ex);
		}
	}

	private static Confidence confidence(String value) {
		try {
			return Confidence.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("value rule: min-confidence is not LOW, MEDIUM or HIGH: " + value, ex);
		}
	}
}
