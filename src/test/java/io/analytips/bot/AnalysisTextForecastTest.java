package io.analytips.bot;

import java.time.Duration;
import java.time.Instant;


import java.util.List;
import java.util.Map;
import java.util.Set;

import io.analytips.football.AnalysisKind;
import io.analytips.football.AnalysisReport;
import io.analytips.football.analysis.BookmakerPrices;
import io.analytips.football.analysis.BothTeamsScoreCalibration;

import io.analytips.football.analysis.MatchAnalysis;
import io.analytips.football.analysis.MatchAnalyzer;

import io.analytips.football.analysis.OwnPriceBlend;
import io.analytips.football.analysis.ScoreModel;
import io.analytips.football.analysis.ValueRule;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.LeagueRef;
import io.analytips.football.api.TeamRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The forecast shown where the league's settings pool the model with the fixture's own price. */
class AnalysisTextForecastTest {

	private final AnalysisText text = new AnalysisText(new Messages(), new Leagues(new Messages()), DisplayNames.AS_GIVEN);

	private static final ValueRule UNSUPPORTED = ValueRule.untested(0.10);

	// margin-free: home 0.25, draw 0.25, away 0.5; over 2.5 at 0.2
	private static final BookmakerPrices PINNACLE = new BookmakerPrices("Pinnacle", new double[] { 3.8, 3.8, 1.9 },
			Map.of(2.5, new double[] { 4.75, 1.1875 }), null);

	private static AnalysisReport report(BookmakerPrices prices, double weight) {
		// enough games for a value bet that disagrees with the market by more than 0.15 to keep MEDIUM confidence
		ScoreModel model = SevenRounds.model();
		MatchAnalysis analysis = MatchAnalyzer.analyze(model, 1, 2, null, null, null, prices, UNSUPPORTED,
				BothTeamsScoreCalibration.NONE, 0.5, new OwnPriceBlend(weight, OwnPriceBlend.Pool.LINEAR));
		Fixture fixture = new Fixture(99, Instant.parse("2026-11-23T19:00:00Z"), "NS", null,
				new LeagueRef(39, "Premier League", "England", 2026, "Regular Season - 13"), new TeamRef(1, "Arsenal", null),
				new TeamRef(2, "Chelsea", null), null, null, null, null);
		return new AnalysisReport(fixture, analysis, "WW", "DL", List.of(), prices == null ? null : prices.bookmaker(),
				UNSUPPORTED, Instant.parse("2026-11-23T10:00:00Z"), false,
				prices == null ? Set.of(AnalysisReport.Missing.ODDS) : Set.of());
	}

	private String render(AnalysisReport report, AnalysisKind kind, Reader reader) {
		return text.render(report, kind, Duration.ofMinutes(5), reader);
	}

	@Test
	void aForecastThatIsTheBookmakersPriceSaysSoAndPointsToTheModelAlone() {
		AnalysisReport report = report(PINNACLE, 1);
		String html = render(report, AnalysisKind.FULL, Readers.PORTUGUESE);

		// the chances shown are the ones the comparison gives the price, margin off the same way
		assertThat(html).contains("Vitória Arsenal: <b>25%</b>", "Empate: <b>24%</b>", "Vitória Chelsea: <b>51%</b>",
				"ou seja 25% • 24% • 51% de chance sem a margem da casa", "Mais de 2,5: 17% • Menos: 83%",
				"a Pinnacle paga 4,75, ou seja 17% de chance",
				"As chances do resultado e de mais/menos de 2,5 gols acima são as da Pinnacle sem a margem",
				"O modelo sozinho está em Modelo x mercado.");
		// the comparison still gives the model's own chances, not the price's
		var model = report.analysis().markets().result();
		String[] shown = Format.percents(Readers.PORTUGUESE.locale(), model.home(), model.draw(), model.away());
		assertThat(html).contains("o modelo dá " + String.join(" • ", shown));
	}

	@Test
	void aBlendNamesTheBookmakersWeightInEnglishAndOnlyWhatTheScreenShows() {
		String result = render(report(PINNACLE, 0.5), AnalysisKind.RESULT, Readers.ENGLISH);
		String goals = render(report(PINNACLE, 0.5), AnalysisKind.GOALS, Readers.ENGLISH);

		assertThat(result).contains("The chances for the result above blend the model with Pinnacle's price (50% on the "
				+ "bookmaker), which already knows line-ups and injuries.").doesNotContain("over/under 2.5 goals above");
		assertThat(goals).contains("The chances for the over/under 2.5 goals above blend the model with Pinnacle's price")
			.doesNotContain("for the result");
	}

	@Test
	void theGoalLinesStayInOrderAroundAPooledOver25() {
		// a price far below the model's goals: its over 2.5 under the model's own over 3.5
		BookmakerPrices fewGoals = new BookmakerPrices("Pinnacle", new double[] { 3.8, 3.8, 1.9 },
				Map.of(2.5, new double[] { 12.0, 1.06 }), null);
		AnalysisReport report = report(fewGoals, 1);
		String html = render(report, AnalysisKind.GOALS, Readers.ENGLISH);

		assertThat(report.analysis().markets().goals(3.5).over()).isGreaterThan(report.analysis().forecast().over25());
		java.util.regex.Matcher over25 = java.util.regex.Pattern.compile("Over 2\\.5: (\\d+)%").matcher(html);
		java.util.regex.Matcher over35 = java.util.regex.Pattern.compile("Over 3\\.5: (\\d+)%").matcher(html);
		assertThat(over25.find()).isTrue();
		assertThat(over35.find()).isTrue();
		assertThat(over35.group(1)).isEqualTo(over25.group(1));
		assertThat(Integer.parseInt(over25.group(1))).isLessThan(10);
	}

	@Test
	void theExpectedGoalsAndScoresSayTheyAreTheModelsWhereTheChancesBesideThemLeanOnThePrice() {
		String portuguese = render(report(PINNACLE, 1), AnalysisKind.FULL, Readers.PORTUGUESE);
		String english = render(report(PINNACLE, 0.5), AnalysisKind.GOALS, Readers.ENGLISH);

		assertThat(portuguese).contains("Gols esperados pelo modelo: Arsenal ", "Placares mais prováveis pelo modelo: ");
		assertThat(english).contains("Expected goals in the model: Arsenal ", "Likeliest scores in the model: ");
	}

	@Test
	void withoutAPriceOrAWeightTheModelIsShownWithoutANote() {
		for (AnalysisReport report : List.of(report(null, 1), report(PINNACLE, 0))) {
			String html = render(report, AnalysisKind.FULL, Readers.ENGLISH);
			String home = Format.percent(report.analysis().markets().result().home(), Readers.ENGLISH.locale());

			assertThat(html).contains("Arsenal win: <b>" + home + "</b>", "Expected goals: Arsenal ", "Likeliest scores: ")
				.doesNotContain("The chances for", "The model alone is under", "Expected goals in the model", "Likeliest scores in the model");
		}
	}
}
