package io.analytips.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.TreeMap;

import io.analytips.football.analysis.BothTeamsScoreCalibration;
import io.analytips.football.analysis.FitOptions;
import io.analytips.football.analysis.ModelSettings;
import io.analytips.football.analysis.OwnPriceBlend;

/**
 * Reads and writes a league's {@link ModelSettings} as the bot bundles them
 * ({@code football/model-settings/<API-Football league id>.properties}, {@link ModelSettings#resource}), keys sorted
 * and without a timestamp, so that the same data always writes the same bytes.
 */
final class ModelSettingsFile {

	private ModelSettingsFile() {
	}

	/**
	 * The league's bundled settings, the backtest's defaults for its fit.
	 *
	 * @throws IllegalStateException if the build bundles none for the league, or the file is bad
	 */
	static ModelSettings bundled(BacktestLeague league) {
		String resource = ModelSettings.resource(league.leagueId);
		try (InputStream in = ModelSettingsFile.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("the build bundles no " + resource);
			}
			Properties properties = new Properties();
			properties.load(in);
			return ModelSettings.from(properties);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(resource + ": " + ex.getMessage(), ex);
		}
	}

	static void write(double bttsWeight, OptionalDouble ownPriceWeight, BacktestOptions options, Path file)
			throws IOException {
		ValueRuleFile.writeText(file, text(bttsWeight, ownPriceWeight, options));
	}

	/** The file's text: a header saying how to reproduce it, then the settings' keys in order. */
	static String text(double bttsWeight, OptionalDouble ownPriceWeight, BacktestOptions options) {
		FitOptions fit = options.fit();
		ModelSettings settings = new ModelSettings(fit, new BothTeamsScoreCalibration(bttsWeight),
				ownPriceWeight.isPresent() ? new OwnPriceBlend(ownPriceWeight.getAsDouble(), OwnPriceBlend.Pool.LINEAR) : null);
		StringBuilder out = new StringBuilder();
		out.append("# The model settings of the ").append(options.league().displayName).append(" (API-Football league ")
			.append(options.league().leagueId).append("): the fit with prices (fit.*, the league's own choice on its ")
			.append("tuning seasons, run here), the BTTS calibration's weight and the fixture's own price's weight in the ")
			.append("forecast shown, both chosen walk-forward on ")
			.append(options.league().season(options.league().tuningFrom)).append("–")
			.append(options.league().season(options.to())).append("; the bot reads it at start-up.\n");
		out.append("# Written by: java -jar target/analytips.jar backtest --league ").append(options.league())
			.append(" --from ").append(options.from()).append(" --to ").append(options.to())
			.append(" --settings-out <this file>\n");
		out.append("# See docs/model.md, \"Each league's own settings\". Do not edit by hand: a test checks it against ")
			.append("the league's backtest.\n");
		if (ownPriceWeight.isEmpty()) {
			out.append("# ").append(ModelSettings.OWN_PRICE_WEIGHT).append(" is not set: no match here has a pre-closing ")
				.append("price to choose it on, so the bot gives this league the largest of the other leagues'.\n");
		}
		new TreeMap<>(settings.toProperties()).forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
		return out.toString();
	}
}
