package io.analytips.football;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.analytips.football.analysis.BothTeamsScoreCalibration;
import io.analytips.football.analysis.FitOptions;
import io.analytips.football.analysis.ModelSettings;
import io.analytips.football.analysis.OwnPriceBlend;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BundledModelSettingsTest {

	private static ModelSettings weighing(double btts) {
		return new ModelSettings(FitOptions.MARKET, new BothTeamsScoreCalibration(btts));
	}

	@Test
	void eachBacktestedLeagueHasItsOwnBundledSettings() {
		BundledModelSettings bundled = BundledModelSettings.get();

		assertThat(BundledModelSettings.LEAGUES).containsExactly(39, 71);
		// each league's own choice (docs/model.md, "Each league's own settings"); a test in the backtest pins the files
		assertThat(bundled.forLeague(39).bothTeamsScore().frequencyWeight()).isEqualTo(0.45);
		assertThat(bundled.forLeague(71).bothTeamsScore().frequencyWeight()).isEqualTo(0.5);
		assertThat(bundled.forLeague(39).market()).isEqualTo(FitOptions.MARKET);
		assertThat(bundled.forLeague(71).market()).isEqualTo(FitOptions.MARKET);
	}

	@Test
	void aLeagueWithoutABacktestFitsWithTheMarketOptionsAndTheLargestBttsWeightOfThoseWithOne() {
		BundledModelSettings settings = new BundledModelSettings(Map.of(39, weighing(0.45), 71, weighing(0.5)));

		ModelSettings laLiga = settings.forLeague(140);

		assertThat(laLiga).isSameAs(settings.untested());
		assertThat(laLiga.market()).isEqualTo(FitOptions.MARKET);
		assertThat(laLiga.bothTeamsScore().frequencyWeight()).isEqualTo(0.5);
	}

	@Test
	void aLeagueWhoseDataCouldNotChooseTheOwnPricesWeightTakesTheLargestOfThoseThatCould() {
		ModelSettings premier = weighing(0.45).withOwnPrice(new OwnPriceBlend(0.8, OwnPriceBlend.Pool.LINEAR));
		java.util.Properties file = weighing(0.5).toProperties();
		file.remove("own-price.market-weight");
		ModelSettings unchosen = ModelSettings.from(file);
		BundledModelSettings settings = new BundledModelSettings(Map.of(39, premier, 71, unchosen));

		assertThat(unchosen.ownPrice()).isNull();
		assertThat(settings.forLeague(71).ownPrice().weight()).isEqualTo(0.8);
		assertThat(settings.forLeague(71).bothTeamsScore().frequencyWeight()).isEqualTo(0.5);
		assertThat(settings.forLeague(39)).isEqualTo(premier);
		assertThat(settings.untested().ownPrice().weight()).isEqualTo(0.8);
	}

	@Test
	void theBundledForecastLeansOnTheFixturesOwnPriceAsTheBacktestChose() {
		BundledModelSettings bundled = BundledModelSettings.get();

		// the Premier League's walk chose the pre-closing price alone; the Série A file has no pre-closing price
		assertThat(bundled.forLeague(39).ownPrice().weight()).isEqualTo(1.0);
		assertThat(bundled.forLeague(71).ownPrice().weight()).isEqualTo(1.0);
		assertThat(bundled.untested().ownPrice().weight()).isEqualTo(1.0);
	}

	@Test
	void aMissingFileIsAClearErrorNamingIt() {
		assertThatIllegalStateException().isThrownBy(() -> BundledModelSettings.read(resource -> null, List.of(140)))
			.withMessageContaining("/football/model-settings/140.properties");
	}

	@Test
	void aBadFileIsAClearErrorNamingTheFileAndTheKey() {
		String bad = "btts.frequency-weight=half\nfit.market-weight=0.8\nfit.prior-matches=0.5\nfit.xi-per-day=0.008\n";

		assertThatIllegalStateException()
			.isThrownBy(() -> BundledModelSettings.read(
					resource -> new ByteArrayInputStream(bad.getBytes(StandardCharsets.ISO_8859_1)), List.of(71)))
			.withMessage("/football/model-settings/71.properties: btts.frequency-weight must be a number: half");
	}
}
