package io.analytips.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.analytips.football.BundledModelSettings;
import io.analytips.football.BundledValueRule;
import io.analytips.football.analysis.Confidence;
import io.analytips.football.analysis.ModelSettings;
import io.analytips.football.analysis.ValueBet;
import io.analytips.football.analysis.ValueRule;
import io.analytips.football.sim.data.HistoricalData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ValueBacktestTest {

	@TempDir
	Path out;

	private static Bet bet(int season, double edge, Confidence confidence, boolean won) {
		double odds = 2.0;
		return new Bet(BetStatsTest.match(season), PriceSource.PINNACLE,
				new ValueBet("1X2", "home", odds, 0.5, (1 + edge) / odds, edge, 0.01, confidence), won, 0.5);
	}

	@Test
	void theFlagsAreWhatTheBotsRuleCallsValue() {
		List<Bet> bets = List.of(bet(2020, 0.02, Confidence.HIGH, true), bet(2020, 0.06, Confidence.HIGH, false),
				bet(2020, 0.06, Confidence.LOW, true), bet(2020, 0.09, Confidence.MEDIUM, true),
				bet(2020, 0.30, Confidence.HIGH, true));
		ValueRule rule = ValueRule.candidate(0.05, 0.10, Confidence.MEDIUM);

		assertThat(ValueBacktest.flags(bets, rule)).extracting(b -> b.bet().edge()).containsExactly(0.06, 0.09);
		assertThat(ValueBacktest.flags(bets, rule))
			.allMatch(b -> rule.judge(b.bet()) == ValueRule.Verdict.VALUE);
	}

	@Test
	void theCapIsTheFirstEdgeAboveWhichTheReturnsRejectTheClaims() {
		// claimed 30%, delivered an even-money coin: the return's interval (about ±14%) is far below the claim
		List<Bet> overclaimed = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			overclaimed.add(bet(2020, 0.30, Confidence.HIGH, i % 2 == 0));
		}
		assertThat(ValueBacktest.plausibleCap(overclaimed)).isEqualTo(ValueBacktest.CAPS.get(0));

		// claimed 12%, delivered 12%: no claim is rejected, so the cap is the largest
		List<Bet> honest = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			honest.add(bet(2020, 0.12, Confidence.HIGH, i % 25 < 14));
		}
		assertThat(ValueBacktest.plausibleCap(honest)).isEqualTo(ValueBacktest.CAPS.get(ValueBacktest.CAPS.size() - 1));
	}

	@Test
	void noRuleIsChosenFromTooFewFlags() {
		List<Bet> few = new ArrayList<>();
		for (int i = 0; i < ValueBacktest.MIN_BETS - 1; i++) {
			few.add(bet(2020, 0.09, Confidence.HIGH, true));
		}

		assertThat(ValueBacktest.choose(few, ValueBacktest.objective(PriceSource.PINNACLE))).isEmpty();
	}

	@Test
	void aRuleWhoseHeldOutSeasonsLoseAgainstTheCloseIsNotSupported() {
		// every flag is taken 2% under the fair closing price: a negative CLV however the bets end
		List<Prediction> predictions = new ArrayList<>();
		for (int season = 2018; season <= 2020; season++) {
			for (int i = 0; i < 150; i++) {
				predictions.add(BetStatsTest.match(season));
			}
		}
		List<Bet> bets = new ArrayList<>();
		for (Prediction p : predictions) {
			bets.add(new Bet(p, PriceSource.PINNACLE,
					new ValueBet("1X2", "home", 1.96, 0.5, 0.55, 0.55 * 1.96 - 1, 0.01, Confidence.HIGH), true, 0.5));
		}
		ValueBacktest.Result result = ValueBacktest.walk(bets, PriceSource.PINNACLE, 2019, 2020, Integer::toString);

		assertThat(result.heldOut().clv().mean()).isCloseTo(-0.02, org.assertj.core.api.Assertions.within(1e-9));
		assertThat(result.rule().supported()).isFalse();
		assertThat(result.rule().trackRecord()).hasValueSatisfying(record -> {
			assertThat(record.seasons()).isEqualTo("2019–2020");
			assertThat(record.bets()).isEqualTo(300);
		});
	}

	@Test
	void flagsTakenAtTheCloseHaveAReturnButNoClosingLineValueInTheirRecord() {
		List<Prediction> predictions = new ArrayList<>();
		for (int season = 2018; season <= 2020; season++) {
			for (int i = 0; i < 150; i++) {
				predictions.add(BetStatsTest.match(season));
			}
		}
		List<Bet> bets = new ArrayList<>();
		for (int i = 0; i < predictions.size(); i++) {
			bets.add(new Bet(predictions.get(i), PriceSource.PINNACLE_CLOSING,
					new ValueBet("1X2", "home", 2.0, 0.5, 0.55, 0.1, 0.01, Confidence.HIGH), i % 2 == 0, 0.5));
		}

		ValueBacktest.Result result = ValueBacktest.walk(bets, PriceSource.PINNACLE_CLOSING, 2019, 2020,
				Integer::toString);

		assertThat(result.rule().trackRecord()).hasValueSatisfying(record -> {
			assertThat(record.bets()).isEqualTo(300);
			assertThat(record.clv()).isEmpty();
			assertThat(record.roi().mean()).isEqualTo(result.heldOut().roi().mean());
		});
	}

	@Test
	void aWalkInWhichNoRuleFlaggedAnythingHasNoTrackRecord() {
		List<Bet> few = new ArrayList<>();
		for (int season = 2018; season <= 2020; season++) {
			for (int i = 0; i < 10; i++) {
				few.add(bet(season, 0.09, Confidence.HIGH, true));
			}
		}

		ValueBacktest.Result result = ValueBacktest.walk(few, PriceSource.PINNACLE, 2019, 2020, Integer::toString);

		assertThat(result.heldOut()).isNull();
		assertThat(result.rule().supported()).isFalse();
		assertThat(result.rule().trackRecord()).isEmpty();
	}

	@Test
	void everyLeagueWithABacktestHasItsOwnBundledRuleAndNoOtherLeagueHasOne() {
		assertThat(BundledValueRule.LEAGUES)
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(BacktestLeague.values()).map(l -> l.leagueId).toList());
	}

	@ParameterizedTest
	@EnumSource(BacktestLeague.class)
	void eachLeaguesBundledRuleAndModelSettingsAreWhatItsOwnBacktestChoosesOnItsOwnSeasons(BacktestLeague league) throws IOException {
		String bundled;
		try (InputStream in = getClass().getResourceAsStream(BundledValueRule.resource(league.leagueId))) {
			assertThat(in).as("the bundled rule of %s", league).isNotNull();
			bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		// the file says which backtest wrote it: that league's, on seasons the data holds
		Matcher command = Pattern.compile("backtest --league (\\S+) --from (\\d+) --to (\\d+) --rule-out")
			.matcher(bundled);
		assertThat(command.find()).as("the command in the header of %s", BundledValueRule.resource(league.leagueId))
			.isTrue();
		assertThat(command.group(1)).isEqualTo(league.name());
		BacktestOptions options = BacktestOptions.parse(List.of("--league", command.group(1), "--from", command.group(2),
				"--to", command.group(3), "--out", out.toString()));

		Backtest.Result result = Backtest.run(HistoricalData.loadClosingPrices(), options);

		assertThat(result.options()).as("seasons within the data").isEqualTo(options);
		assertThat(ValueRuleFile.text(result.value().rule(), options)).isEqualTo(bundled);
		assertThat(Files.readString(out.resolve(options.stem() + "-value-rule.properties"))).isEqualTo(bundled);
		// and the bot judges that league's fixtures by it (to the file's four decimals)
		assertThat(BundledValueRule.forLeague(league.leagueId))
			.isEqualTo(ValueRule.from(result.value().rule().toProperties()));
		assertThat(result.value().rule().trackRecord()).hasValueSatisfying(record -> assertThat(record.seasons())
			.isEqualTo(options.seasonRange()));
		assertThat(Backtest.report(result)).contains("## Value flags, " + league.displayName + " " + options.seasonRange(),
				"### The plausibility cap", "Held out, pooled:");
		// the same run writes the league's model settings, with the same seasons in their header
		String settings;
		try (InputStream in = getClass().getResourceAsStream(ModelSettings.resource(league.leagueId))) {
			assertThat(in).as("the bundled model settings of %s", league).isNotNull();
			settings = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(ModelSettingsFile.text(result.btts().latest(), result.ownPrice().latest(), options)).isEqualTo(settings);
		assertThat(Files.readString(out.resolve(options.stem() + "-model-settings.properties"))).isEqualTo(settings);
		assertThat(BundledModelSettings.get().forLeague(league.leagueId).bothTeamsScore().frequencyWeight())
			.isEqualTo(result.btts().latest());
		// and the forecast it shows leans on the fixture's price as far as the league's walk chose, or, where its data
		// could not choose, as far as the leagues' largest
		double ownPrice = result.ownPrice().latest().orElse(BundledModelSettings.get().untested().ownPrice().weight());
		assertThat(BundledModelSettings.get().forLeague(league.leagueId).ownPrice().weight()).isEqualTo(ownPrice);
	}}
