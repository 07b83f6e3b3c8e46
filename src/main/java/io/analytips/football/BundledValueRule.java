package io.analytips.football;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import io.analytips.football.analysis.ValueRule;

/**
 * The {@link ValueRule} the backtest of the flags chose, bundled as {@value #RESOURCE}: the bot flags value with
 * the very thresholds the backtest judged. Written by {@code backtest --league E0 --from 2019 --to 2024 --value
 * --rule-out src/main/resources/football/value-rule.properties}.
 */
public final class BundledValueRule {

	/** Where the rule sits on the classpath. */
	public static final String RESOURCE = "/football/value-rule.properties";

	private static final ValueRule RULE = read();

	private BundledValueRule() {
	}

	/** The bundled rule, read once when this class loads (blocking classpath I/O, at start-up). */
	public static ValueRule get() {
		return RULE;
	}

	private static ValueRule read() {
		try (InputStream in = BundledValueRule.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("the build bundles no " + RESOURCE + "; run the value backtest");
			}
			Properties properties = new Properties();
			properties.load(in);
			return ValueRule.from(properties);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + RESOURCE, ex);
		}
	}
}
