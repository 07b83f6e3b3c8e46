package io.analytips.bot;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import io.analytips.football.AnalysisKind;
import io.analytips.football.AnalysisReport;
import io.analytips.football.BundledValueRule;
import io.analytips.football.analysis.BookmakerPrices;
import io.analytips.football.analysis.Confidence;
import io.analytips.football.analysis.CornerStats;
import io.analytips.football.analysis.FitOptions;
import io.analytips.football.analysis.MatchAnalysis;
import io.analytips.football.analysis.MatchAnalyzer;
import io.analytips.football.analysis.MatchResult;
import io.analytips.football.analysis.ScoreModel;
import io.analytips.football.analysis.TeamStanding;
import io.analytips.football.analysis.ValueRule;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.LeagueRef;
import io.analytips.football.api.TeamRef;
import io.analytips.pipeline.UpdateContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisTextTest {

	private final Messages messages = new Messages();

	private final AnalysisText text = new AnalysisText(messages, ZoneOffset.UTC, new Leagues(messages));

	/** The Premier League's bundled rule, with its backtested record; rendering does not look at the league. */
	private static final ValueRule E0_RULE = BundledValueRule.forLeague(39);

	/** Supported, with a cap far above any edge of these tests. */
	private static final ValueRule SUPPORTED = new ValueRule(true, 0.03, 10, Confidence.MEDIUM, E0_RULE.trackRecord());

	private static AnalysisReport report(boolean stale, BookmakerPrices prices) {
		return report(stale, prices, 9999, E0_RULE);
	}

	private static AnalysisReport report(boolean stale, BookmakerPrices prices, int leagueId) {
		return report(stale, prices, leagueId, E0_RULE);
	}

	private static AnalysisReport report(BookmakerPrices prices, ValueRule rule) {
		return report(false, prices, 9999, rule);
	}

	private static AnalysisReport report(boolean stale, BookmakerPrices prices, int leagueId, ValueRule rule) {
		LocalDate day = LocalDate.of(2026, 11, 1);
		// seven rounds of the same four results: 21 games a team, enough for a value bet that disagrees with the
		// market by more than 0.15 to keep MEDIUM confidence and be flagged
		List<MatchResult> results = new ArrayList<>();
		for (int round = 0; round < 7; round++) {
			LocalDate start = day.minusDays(21 * (6 - round));
			results.addAll(List.of(new MatchResult(1, 2, 2, 0, start), new MatchResult(2, 1, 1, 1, start.plusDays(7)),
					new MatchResult(1, 3, 3, 1, start.plusDays(14)), new MatchResult(3, 2, 0, 0, start.plusDays(14))));
		}
		ScoreModel model = ScoreModel.fit(results, LocalDate.of(2026, 11, 23), FitOptions.SCORES);
		MatchAnalysis analysis = MatchAnalyzer.analyze(model, 1, 2, new CornerStats(6, 4, 5, 4, 6, 5),
				new TeamStanding(1, 3, 2, 6, 4, "WW"), new TeamStanding(3, 3, 2, 1, -3, "DL"), prices, rule);
		Fixture fixture = new Fixture(99, Instant.parse("2026-11-23T19:00:00Z"), "NS", null,
				new LeagueRef(leagueId, "Série <A> & Co", "Brazil", 2026, "Regular Season - 30"), new TeamRef(1, "<b>Tom & Co</b>", null),
				new TeamRef(2, "Jerry \"FC\"", null), null, null, null, null);
		return new AnalysisReport(fixture, analysis, "WW", "DL", List.of(), prices == null ? null : prices.bookmaker(), rule,
				Instant.parse("2026-11-23T10:00:00Z"), stale, prices == null ? Set.of(AnalysisReport.Missing.ODDS) : Set.of());
	}

	@Test
	void namesTheLeagueSoThatTwoSerieAsCannotBeConfusedAndShowsTheKickOffsZone() {
		String portuguese = text.render(report(false, null, 71), AnalysisKind.FULL, Duration.ofMinutes(5),
				UpdateContext.DEFAULT_LOCALE);
		assertThat(portuguese).contains("Brasileirão Série A • 23/11 19:00 (UTC)").doesNotContain("Série &lt;A&gt;");
		AnalysisText brasilia = new AnalysisText(messages, java.time.ZoneId.of("America/Sao_Paulo"), new Leagues(messages));
		assertThat(brasilia.render(report(false, null, 135), AnalysisKind.RESULT, Duration.ofMinutes(5), Locale.ENGLISH))
			.contains("Serie A (Italy) • 23/11 16:00 (Brasília)");
	}

	@Test
	void writesTheFormInTheUsersLettersAndVsInEnglish() {
		String portuguese = text.render(report(false, null), AnalysisKind.FULL, Duration.ofMinutes(5), UpdateContext.DEFAULT_LOCALE);
		assertThat(portuguese).contains("Forma (mais recente primeiro): &lt;b&gt;Tom &amp; Co&lt;/b&gt; V V • Jerry &quot;FC&quot; E D")
			.contains("<b>&lt;b&gt;Tom &amp; Co&lt;/b&gt; x Jerry &quot;FC&quot;</b>");
		String english = text.render(report(false, null), AnalysisKind.FULL, Duration.ofMinutes(5), Locale.ENGLISH);
		assertThat(english).contains("Form (most recent first): &lt;b&gt;Tom &amp; Co&lt;/b&gt; W W • Jerry &quot;FC&quot; D L")
			.contains("<b>&lt;b&gt;Tom &amp; Co&lt;/b&gt; vs Jerry &quot;FC&quot;</b>");
	}

	@Test
	void escapesEveryNameThatCameFromTheApi() {
		String html = text.render(report(false, null), AnalysisKind.FULL, Duration.ofMinutes(5), UpdateContext.DEFAULT_LOCALE);
		assertThat(html).contains("&lt;b&gt;Tom &amp; Co&lt;/b&gt;", "Jerry &quot;FC&quot;", "Série &lt;A&gt; &amp; Co (Brazil)")
			.doesNotContain("<b>Tom", "Jerry \"FC\"", "<A>");
		assertThat(html.replaceAll("</?(b|i|pre)>", "")).doesNotContain("<", ">");
	}

	@Test
	void showsEverySectionOfAFullAnalysisWithItsAgeAndTheResponsibleGamblingLine() {
		String html = text.render(report(false, null), AnalysisKind.FULL, Duration.ofMinutes(12), UpdateContext.DEFAULT_LOCALE);
		assertThat(html).contains("Resultado (1X2)", "odd justa", "Gols esperados", "Mais de 2,5", "Placares mais prováveis",
				"Ambas marcam", "Escanteios", "Força no modelo</b> (50 = média da liga, em campo neutro)", "Tabela:", "Forma", "Sem odds disponíveis", "Dados de 12 min atrás",
				"Aposte com responsabilidade");
	}

	@Test
	void marksAnAnalysisFromStaleDataWithItsAge() {
		String html = text.render(report(true, null), AnalysisKind.RESULT, Duration.ofHours(5), Locale.ENGLISH);
		assertThat(html).contains("data source is unavailable", "5 h ago").doesNotContain("Goals");
	}

	@Test
	void listsValueBetsOfTheKindAskedForWithTheirTrackRecordWhenTheRuleIsSupported() {
		BookmakerPrices generous = new BookmakerPrices("Pinnacle", new double[] { 6.0, 6.0, 6.0 },
				Map.of(2.5, new double[] { 4.0, 4.0 }), null);
		String result = text.render(report(generous, SUPPORTED), AnalysisKind.RESULT, Duration.ofMinutes(1), Locale.ENGLISH);
		assertThat(result).contains("Value against Pinnacle", "win @6.00", "¼ Kelly", "Flags like these, 2019/20–2024/25")
			.doesNotContain("goals @", "Model vs market");
		String goals = text.render(report(generous, SUPPORTED), AnalysisKind.GOALS, Duration.ofMinutes(1), Locale.ENGLISH);
		assertThat(goals).contains("goals @4.00").doesNotContain("win @");
		String corners = text.render(report(generous, SUPPORTED), AnalysisKind.CORNERS, Duration.ofMinutes(1), Locale.ENGLISH);
		assertThat(corners).contains("No clear value against Pinnacle");
	}

	@Test
	void withTheBundledRuleShowsTheModelBesideTheMarketAndTheBacktestedRecordThatSaysWhy() throws IOException {
		BookmakerPrices prices = new BookmakerPrices("Pinnacle", new double[] { 1.9, 3.6, 4.4 },
				Map.of(2.5, new double[] { 2.0, 1.85 }), null);

		String english = text.render(report(false, prices), AnalysisKind.FULL, Duration.ofMinutes(1), Locale.ENGLISH);

		assertThat(english).contains("Model vs market (Pinnacle)", "Draw: model ", "Over 2.5 goals: model ", "(odds 2.00)")
			.doesNotContain("Value against", "confidence");
		// the line shows the figures the backtest wrote into the bundled file, read here on their own
		Properties bundled = new Properties();
		try (var in = getClass().getResourceAsStream(BundledValueRule.resource(39))) {
			bundled.load(in);
		}
		assertThat(bundled.getProperty("supported")).isEqualTo("false");
		assertThat(english).contains(String.format(Locale.ROOT,
				"where the model saw an edge, %s, %s bets averaged closing-line value %s [%s, %s] and return %s [%s, %s]",
				bundled.getProperty("record.seasons"), bundled.getProperty("record.bets"),
				signed(bundled, "record.clv"), signed(bundled, "record.clv.low"), signed(bundled, "record.clv.high"),
				signed(bundled, "record.roi"), signed(bundled, "record.roi.low"), signed(bundled, "record.roi.high")));
		assertThat(text.render(report(false, prices), AnalysisKind.FULL, Duration.ofMinutes(1), UpdateContext.DEFAULT_LOCALE))
			.contains("Modelo x mercado (Pinnacle)", "O mercado tem sido a melhor estimativa");
	}

	@Test
	void withoutATrackRecordTheRecordLineIsLeftOutAndNoOtherLeaguesFiguresAppear() {
		BookmakerPrices prices = new BookmakerPrices("Pinnacle", new double[] { 1.9, 3.6, 4.4 }, Map.of(), null);
		BookmakerPrices generous = new BookmakerPrices("Pinnacle", new double[] { 6.0, 6.0, 6.0 }, Map.of(), null);

		String untested = text.render(report(prices, ValueRule.untested(10)), AnalysisKind.RESULT, Duration.ofMinutes(1),
				Locale.ENGLISH);
		String unrecorded = text.render(report(generous, ValueRule.candidate(0.03, 10, Confidence.MEDIUM)),
				AnalysisKind.RESULT, Duration.ofMinutes(1), Locale.ENGLISH);

		assertThat(untested).contains("Model vs market (Pinnacle)").doesNotContain("better estimate", "bets", "2019/20");
		assertThat(unrecorded).contains("Value against Pinnacle").doesNotContain("Flags like these", "2019/20");
	}

	@Test
	void aRecordWithoutClosingLineValueShowsItsReturnAlone() {
		BookmakerPrices prices = new BookmakerPrices("Pinnacle", new double[] { 1.9, 3.6, 4.4 }, Map.of(), null);
		ValueRule.TrackRecord atTheClose = new ValueRule.TrackRecord("2019–2024", 613, Optional.empty(),
				new ValueRule.Interval(-0.065, -0.19, 0.072));

		String english = text.render(report(prices, new ValueRule(false, 0.05, 10, Confidence.HIGH,
				Optional.of(atTheClose))), AnalysisKind.RESULT, Duration.ofMinutes(1), Locale.ENGLISH);
		String portuguese = text.render(report(prices, new ValueRule(false, 0.05, 10, Confidence.HIGH,
				Optional.of(atTheClose))), AnalysisKind.RESULT, Duration.ofMinutes(1), UpdateContext.DEFAULT_LOCALE);

		assertThat(english).contains("where the model saw an edge, 2019–2024, 613 bets returned -6.5% [-19.0%, +7.2%]")
			.doesNotContain("closing-line value");
		assertThat(portuguese).contains("613 apostas tiveram retorno de").doesNotContain("linha de fechamento");
	}

	private static String signed(Properties properties, String key) {
		double value = Double.parseDouble(properties.getProperty(key));
		return (value > 0 ? "+" : "") + String.format(Locale.ROOT, "%.1f%%", 100 * value);
	}

	@Test
	void anEdgeAboveTheCapIsACautionAndNeverValueOrHighConfidence() {
		BookmakerPrices generous = new BookmakerPrices("Pinnacle", new double[] { 6.0, 6.0, 6.0 }, Map.of(), null);
		ValueRule capped = new ValueRule(true, 0.03, 0.10, Confidence.MEDIUM, E0_RULE.trackRecord());

		String html = text.render(report(generous, capped), AnalysisKind.RESULT, Duration.ofMinutes(1), Locale.ENGLISH);

		assertThat(html).contains("No clear value against Pinnacle", "Caution: on &lt;b&gt;Tom &amp; Co&lt;/b&gt; win the model says")
			.doesNotContain("Value against", "confidence high");
	}
}
