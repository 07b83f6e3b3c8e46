package io.analytips.football.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ModelSettingsTest {

	private static Properties file(String btts, String weight, String xi, String prior) {
		Properties properties = new Properties();
		properties.setProperty("btts.frequency-weight", btts);
		properties.setProperty("fit.market-weight", weight);
		properties.setProperty("fit.xi-per-day", xi);
		properties.setProperty("fit.prior-matches", prior);
		return properties;
	}

	@Test
	void readsTheFitAndTheBttsWeightKeepingTheMarketOptionsWindowAndNewcomerPrior() {
		ModelSettings settings = ModelSettings.from(file("0.45", "0.7", "0.006", "1"));

		assertThat(settings.bothTeamsScore().frequencyWeight()).isEqualTo(0.45);
		assertThat(settings.market()).isEqualTo(new FitOptions(0.006, FitOptions.MARKET.windowDays(), 1,
				FitOptions.MARKET.newcomerPrior(), 0.7));
	}

	@Test
	void writesWhatItReads() {
		ModelSettings settings = new ModelSettings(FitOptions.MARKET, new BothTeamsScoreCalibration(0.5));

		assertThat(ModelSettings.from(settings.toProperties())).isEqualTo(settings);
		assertThat(settings.toProperties()).containsEntry("btts.frequency-weight", "0.5")
			.containsEntry("fit.xi-per-day", "0.008");
	}

	@Test
	void readsAndWritesTheOwnPricesWeightAndLeavesItUnsetWhereTheFileHasNone() {
		Properties pooled = file("0.45", "0.8", "0.008", "0.5");
		pooled.setProperty("own-price.market-weight", "0.75");

		ModelSettings settings = ModelSettings.from(pooled);

		assertThat(settings.ownPrice()).isEqualTo(new OwnPriceBlend(0.75, OwnPriceBlend.Pool.LINEAR));
		assertThat(settings.toProperties()).containsEntry("own-price.market-weight", "0.75");
		assertThat(ModelSettings.from(file("0.45", "0.8", "0.008", "0.5")).ownPrice()).isNull();
		assertThat(ModelSettings.from(file("0.45", "0.8", "0.008", "0.5")).toProperties())
			.doesNotContainKey("own-price.market-weight");
		assertThat(new ModelSettings(FitOptions.MARKET, BothTeamsScoreCalibration.NONE).ownPrice())
			.isEqualTo(OwnPriceBlend.NONE);
		pooled.setProperty("own-price.market-weight", "1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> ModelSettings.from(pooled))
			.withMessageContaining("the market's weight must be between 0 and 1: 1.5");
	}

	@Test
	void aMissingOrBadKeyIsNamedInTheError() {
		Properties missing = file("0.5", "0.8", "0.008", "0.5");
		missing.remove("btts.frequency-weight");

		assertThatIllegalArgumentException().isThrownBy(() -> ModelSettings.from(missing))
			.withMessage("missing btts.frequency-weight");
		assertThatIllegalArgumentException().isThrownBy(() -> ModelSettings.from(file("0.5", "eight", "0.008", "0.5")))
			.withMessageContaining("fit.market-weight must be a number: eight");
		assertThatIllegalArgumentException().isThrownBy(() -> ModelSettings.from(file("1.5", "0.8", "0.008", "0.5")))
			.withMessageContaining("frequencyWeight must be between 0 and 1");
	}

	@Test
	void fitsWithItsOwnMarketOptionsWhenTheResultsHavePricesAndWithScoresOptionsOtherwise() {
		FitOptions own = new FitOptions(0.006, 730, 1, true, 0.7);
		ModelSettings settings = new ModelSettings(own, BothTeamsScoreCalibration.NONE);
		LocalDate day = LocalDate.of(2024, 6, 1);
		List<MatchResult> priced = List.of(new MatchResult(1, 2, 1, 0, day.minusDays(7), new ExpectedGoals(1.3, 1.0)));
		List<MatchResult> scoresOnly = List.of(new MatchResult(1, 2, 1, 0, day.minusDays(7)));

		assertThat(settings.fitOptions(priced, day)).isSameAs(own);
		assertThat(settings.fitOptions(scoresOnly, day)).isSameAs(FitOptions.SCORES);
	}

	@Test
	void eachLeaguesSettingsSitUnderItsApiFootballId() {
		assertThat(ModelSettings.resource(71)).isEqualTo("/football/model-settings/71.properties");
	}
}
