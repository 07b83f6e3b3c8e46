package io.analytips.football;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import io.analytips.football.analysis.BothTeamsScoreCalibration;
import io.analytips.football.analysis.FitOptions;
import io.analytips.football.analysis.ModelSettings;
import io.analytips.football.analysis.OwnPriceBlend;

/**
 * Each league's own {@link ModelSettings}, bundled as {@code /football/model-settings/<API-Football league id>.properties}
 * ({@link ModelSettings#resource}) and written by that league's backtest ({@code backtest --league E0|BRA --from …
 * --to … --settings-out <the file>}; the header says the exact command). Kept apart from the value rules: a rule
 * judges prices against the model, these settings make the model, and each file is checked against its own
 * backtest.
 */
public final class BundledModelSettings {

	/** The leagues with bundled settings, by API-Football id: 39 the Premier League, 71 the Série A. */
	public static final List<Integer> LEAGUES = BundledValueRule.LEAGUES;

	private final Map<Integer, ModelSettings> byLeague;

	private final ModelSettings untested;

	private static final BundledModelSettings BUNDLED = read(BundledModelSettings.class::getResourceAsStream, LEAGUES);

	BundledModelSettings(Map<Integer, ModelSettings> byLeague) {
		if (byLeague.isEmpty()) {
			throw new IllegalArgumentException("need the settings of at least one backtested league");
		}
		// A league without a backtest: the fit the bot has always used, and its BTTS and its forecast leant on the
		// league's own base rate and the fixture's own price as far as any measured league's are, since the model
		// there runs on settings tuned elsewhere. A league whose data has no pre-match price to choose its own
		// price's weight on is, for that weight, such a league.
		double weight = byLeague.values().stream().mapToDouble(s -> s.bothTeamsScore().frequencyWeight()).max().orElseThrow();
		OwnPriceBlend market = new OwnPriceBlend(byLeague.values().stream()
			.filter(s -> s.ownPrice() != null)
			.mapToDouble(s -> s.ownPrice().weight())
			.max()
			.orElse(0), OwnPriceBlend.Pool.LINEAR);
		Map<Integer, ModelSettings> filled = new LinkedHashMap<>();
		byLeague.forEach((league, s) -> filled.put(league, s.ownPrice() == null ? s.withOwnPrice(market) : s));
		this.byLeague = Map.copyOf(filled);
		this.untested = new ModelSettings(FitOptions.MARKET, new BothTeamsScoreCalibration(weight), market);
	}

	/** The bundled settings of every league, read once when this class loads (blocking classpath I/O, at start-up). */
	public static BundledModelSettings get() {
		return BUNDLED;
	}

	/** The league's own settings, or {@link #untested()} for a league without a backtest. */
	public ModelSettings forLeague(int leagueId) {
		return byLeague.getOrDefault(leagueId, untested);
	}

	/**
	 * A league without a backtest: {@link FitOptions#MARKET}, and the largest BTTS frequency weight and the largest
	 * own-price weight of the leagues that have one (the latter also for a league whose file has none).
	 */
	public ModelSettings untested() {
		return untested;
	}

	/**
	 * Reads each league's file.
	 *
	 * @throws IllegalStateException naming the file that is missing or whose keys are bad
	 */
	static BundledModelSettings read(Function<String, InputStream> resources, List<Integer> leagues) {
		Map<Integer, ModelSettings> settings = new LinkedHashMap<>();
		for (int league : leagues) {
			String resource = ModelSettings.resource(league);
			try (InputStream in = resources.apply(resource)) {
				if (in == null) {
					throw new IllegalStateException("the build bundles no " + resource + "; run the league's backtest");
				}
				Properties properties = new Properties();
				properties.load(in);
				settings.put(league, ModelSettings.from(properties));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read " + resource, ex);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(resource + ": " + ex.getMessage(), ex);
			}
		}
		return new BundledModelSettings(settings);
	}
}
