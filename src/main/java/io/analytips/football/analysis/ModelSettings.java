package io.analytips.football.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * One league's own model settings, chosen by the backtest on that league's own seasons: the fit's options when
 * its results have prices, the calibration of its both-teams-to-score probability, and how far the forecast shown
 * leans on the fixture's own pre-match price. Bundled per league as {@link #resource(int)}; read with
 * {@link #from(Properties)}.
 *
 * @param market the options {@link #fitOptions} uses when the results carry prices (in place of
 *        {@link FitOptions#MARKET}; window and newcomer prior as there)
 * @param bothTeamsScore how far the BTTS probability is pulled towards the league's recent frequency
 * @param ownPrice how the 1X2 and over 2.5 shown pool the model with the fixture's own price (a linear pool); null
 *        where the league's own data has no pre-match price to choose it on (its file has no such key), which the bot's
 *        bundle then fills with the largest weight of the leagues that have one
 */
public record ModelSettings(FitOptions market, BothTeamsScoreCalibration bothTeamsScore, OwnPriceBlend ownPrice) {

	/** The keys of a settings file. */
	static final String MARKET_WEIGHT = "fit.market-weight";

	static final String XI = "fit.xi-per-day";

	static final String PRIOR = "fit.prior-matches";

	static final String BTTS_WEIGHT = "btts.frequency-weight";

	/** Public for the backtest, which writes why a league's file has no such key. */
	public static final String OWN_PRICE_WEIGHT = "own-price.market-weight";

	public ModelSettings {
		Objects.requireNonNull(market, "market");
		Objects.requireNonNull(bothTeamsScore, "bothTeamsScore");
	}

	/** Settings that show the model alone, never pooled with the fixture's price. */
	public ModelSettings(FitOptions market, BothTeamsScoreCalibration bothTeamsScore) {
		this(market, bothTeamsScore, OwnPriceBlend.NONE);
	}

	/** Where a league's settings sit on the classpath, by API-Football league id. */
	public static String resource(int leagueId) {
		return "/football/model-settings/" + leagueId + ".properties";
	}

	/**
	 * Reads a settings file's keys: {@code fit.market-weight}, {@code fit.xi-per-day}, {@code fit.prior-matches},
	 * {@code btts.frequency-weight}, all required, and {@code own-price.market-weight}, absent where the league's data
	 * could not choose it (then {@link #ownPrice()} is null).
	 *
	 * @throws IllegalArgumentException naming the key that is missing or not a number, or the value out of range
	 */
	public static ModelSettings from(Properties properties) {
		Objects.requireNonNull(properties, "properties");
		FitOptions defaults = FitOptions.MARKET;
		FitOptions market = new FitOptions(number(properties, XI), defaults.windowDays(), number(properties, PRIOR),
				defaults.newcomerPrior(), number(properties, MARKET_WEIGHT));
		return new ModelSettings(market, new BothTeamsScoreCalibration(number(properties, BTTS_WEIGHT)),
				properties.containsKey(OWN_PRICE_WEIGHT)
						? new OwnPriceBlend(number(properties, OWN_PRICE_WEIGHT), OwnPriceBlend.Pool.LINEAR) : null);
	}

	/** The settings as properties, in the form {@link #from(Properties)} reads. */
	public Properties toProperties() {
		Properties properties = new Properties();
		properties.setProperty(MARKET_WEIGHT, decimal(market.marketWeight()));
		properties.setProperty(XI, decimal(market.xiPerDay()));
		properties.setProperty(PRIOR, decimal(market.priorMatches()));
		properties.setProperty(BTTS_WEIGHT, decimal(bothTeamsScore.frequencyWeight()));
		if (ownPrice != null) {
			properties.setProperty(OWN_PRICE_WEIGHT, decimal(ownPrice.weight()));
		}
		return properties;
	}

	/** The same settings with another pool of the forecast shown. */
	public ModelSettings withOwnPrice(OwnPriceBlend pool) {
		return new ModelSettings(market, bothTeamsScore, Objects.requireNonNull(pool, "pool"));
	}

	/**
	 * {@link #market()} where {@link FitOptions#forData} would pick {@link FitOptions#MARKET} (most of last year's
	 * results have prices), {@link FitOptions#SCORES} otherwise.
	 */
	public FitOptions fitOptions(List<MatchResult> results, LocalDate asOf) {
		return FitOptions.forData(results, asOf) == FitOptions.MARKET ? market : FitOptions.SCORES;
	}

	private static double number(Properties properties, String key) {
		String value = properties.getProperty(key);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("missing " + key);
		}
		try {
			return Double.parseDouble(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(key + " must be a number: " + value, ex);
		}
	}

	private static String decimal(double value) {
		return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", ".0");
	}
}
