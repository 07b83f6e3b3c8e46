package io.analytips.football;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.analytips.football.analysis.ValueRule;
import io.analytips.football.analysis.ValueRules;

/**
 * The {@link ValueRules} the backtests of the flags chose, one file per league bundled as
 * {@code /football/value-rules/<API-Football league id>.properties}: the bot flags value with the very thresholds
 * each league's own backtest judged, and shows that league's own track record. Each file is written by
 * {@code backtest --league E0|BRA --from … --to … --rule-out <the file>} (its header says the exact command; see
 * docs/value.md), and a test checks each against its league's backtest.
 */
public final class BundledValueRule {

	/**
	 * The leagues with a bundled rule, by API-Football id: 39 the Premier League (backtest league E0), 71 the
	 * Brasileirão Série A (BRA). Any other league gets {@link ValueRules#untested()}.
	 */
	public static final List<Integer> LEAGUES = List.of(39, 71);

	private static final ValueRules RULES = read();

	private BundledValueRule() {
	}

	/** Where a league's rule sits on the classpath. */
	public static String resource(int leagueId) {
		return "/football/value-rules/" + leagueId + ".properties";
	}

	/** Every bundled league's rule, read once when this class loads (blocking classpath I/O, at start-up). */
	public static ValueRules get() {
		return RULES;
	}

	/** The league's bundled rule, or the untested rule for a league without a backtest. */
	public static ValueRule forLeague(int leagueId) {
		return RULES.forLeague(leagueId);
	}

	private static ValueRules read() {
		Map<Integer, ValueRule> rules = new LinkedHashMap<>();
		for (int league : LEAGUES) {
			rules.put(league, read(resource(league)));
		}
		return new ValueRules(rules);
	}

	private static ValueRule read(String resource) {
		try (InputStream in = BundledValueRule.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("the build bundles no " + resource + "; run the league's value backtest");
			}
			Properties properties = new Properties();
			properties.load(in);
			return ValueRule.from(properties);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(resource + ": " + ex.getMessage(), ex);
		}
	}
}
