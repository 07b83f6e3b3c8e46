package io.analytips.bot;

import java.time.Duration;
import java.time.Instant;

import java.time.ZoneOffset;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.analytips.football.AnalysisKind;
import io.analytips.football.AnalysisReport;
import io.analytips.football.analysis.BookmakerPrices;
import io.analytips.football.analysis.Confidence;
import io.analytips.football.analysis.CornerStats;

import io.analytips.football.analysis.MatchAnalysis;
import io.analytips.football.analysis.MatchAnalyzer;

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

	private final AnalysisText text = new AnalysisText(messages, new Leagues(messages), DisplayNames.AS_GIVEN);

	private static final Reader PORTUGUESE_IN_UTC = new Reader(UpdateContext.DEFAULT_LOCALE, ZoneOffset.UTC);

	private static final Reader ENGLISH_IN_UTC = new Reader(Locale.ENGLISH, ZoneOffset.UTC);

	private static final ValueRule.Interval LOSING = new ValueRule.Interval(-0.03, -0.037, -0.022);

	/** What a rule's backtest found: a record whose figures must never appear under an analysis. */
	private static final Optional<ValueRule.TrackRecord> RECORD = Optional.of(new ValueRule.TrackRecord("2019/20–2024/25",
			873, Optional.of(LOSING), new ValueRule.Interval(-0.004, -0.133, 0.138)));

	/** Not supported by its backtest, as the bundled rules are: nothing is called value. */
	private static final ValueRule UNSUPPORTED = new ValueRule(false, 0.05, 0.10, Confidence.HIGH, RECORD);

	/** Supported, with a cap far above any edge of these tests. */
	private static final ValueRule SUPPORTED = new ValueRule(true, 0.03, 10, Confidence.MEDIUM, RECORD);

	private static AnalysisReport report(boolean stale, BookmakerPrices prices) {
		return report(stale, prices, 9999, UNSUPPORTED);
	}

	private static AnalysisReport report(boolean stale, BookmakerPrices prices, int leagueId) {
		return report(stale, prices, leagueId, UNSUPPORTED);
	}

	private static AnalysisReport report(BookmakerPrices prices, ValueRule rule) {
		return report(false, prices, 9999, rule);
	}

	private static AnalysisReport report(boolean stale, BookmakerPrices prices, int leagueId, ValueRule rule) {
		// enough games for a value bet that disagrees with the market by more than 0.15 to keep MEDIUM confidence
		ScoreModel model = SevenRounds.model();
		MatchAnalysis analysis = MatchAnalyzer.analyze(model, 1, 2, new CornerStats(6, 4, 5, 4, 6, 5),
				new TeamStanding(1, 3, 2, 6, 4, "WW"), new TeamStanding(3, 3, 2, 1, -3, "DL"), prices, rule);
		Fixture fixture = new Fixture(99, Instant.parse("2026-11-23T19:00:00Z"), "NS", null,
				new LeagueRef(leagueId, "Série <A> & Co", "Brazil", 2026, "Regular Season - 30"), new TeamRef(1, "<b>Tom & Co</b>", null),
				new TeamRef(2, "Jerry \"FC\"", null), null, null, null, null);
		return new AnalysisReport(fixture, analysis, "WW", "DL", List.of(), prices == null ? null : prices.bookmaker(), rule,
				Instant.parse("2026-11-23T10:00:00Z"), stale, prices == null ? Set.of(AnalysisReport.Missing.ODDS) : Set.of());
	}

	@Test
	void namesTheLeagueSoThatTwoSerieAsCannotBeConfusedAndShowsTheKickOffInTheReadersZone() {
		String portuguese = text.render(report(false, null, 71), AnalysisKind.FULL, Duration.ofMinutes(5), PORTUGUESE_IN_UTC);
		assertThat(portuguese).contains("Brasileirão Série A • 23/11 19:00 (UTC)").doesNotContain("Série &lt;A&gt;");
		assertThat(text.render(report(false, null, 135), AnalysisKind.RESULT, Duration.ofMinutes(5), Readers.ENGLISH_IN_BRASILIA))
			.contains("Serie A (Italy) • 23/11 16:00 (Brasília)");
		assertThat(text.render(report(false, null, 39), AnalysisKind.RESULT, Duration.ofMinutes(5), Readers.ENGLISH))
			.contains("Premier League • 23/11 19:00 (London)").doesNotContain("Brasília");
	}

	@Test
	void writesTheFormInTheUsersLettersAndVsInEnglish() {
		String portuguese = text.render(report(false, null), AnalysisKind.FULL, Duration.ofMinutes(5), PORTUGUESE_IN_UTC);
		assertThat(portuguese).contains("Forma (mais recente primeiro): &lt;b&gt;Tom &amp; Co&lt;/b&gt; V V • Jerry &quot;FC&quot; E D")
			.contains("<b>&lt;b&gt;Tom &amp; Co&lt;/b&gt; x Jerry &quot;FC&quot;</b>");
		String english = text.render(report(false, null), AnalysisKind.FULL, Duration.ofMinutes(5), ENGLISH_IN_UTC);
		assertThat(english).contains("Form (most recent first): &lt;b&gt;Tom &amp; Co&lt;/b&gt; W W • Jerry &quot;FC&quot; D L")
			.contains("<b>&lt;b&gt;Tom &amp; Co&lt;/b&gt; vs Jerry &quot;FC&quot;</b>");
	}

	@Test
	void escapesEveryNameThatCameFromTheApi() {
		BookmakerPrices prices = new BookmakerPrices("<i>Book</i>", new double[] { 1.9, 3.6, 4.4 },
				Map.of(2.5, new double[] { 2.0, 1.85 }), null);
		for (AnalysisReport report : List.of(report(false, null), report(false, prices))) {
			String html = text.render(report, AnalysisKind.FULL, Duration.ofMinutes(5), PORTUGUESE_IN_UTC);
			assertThat(html).contains("&lt;b&gt;Tom &amp; Co&lt;/b&gt;", "Jerry &quot;FC&quot;", "Série &lt;A&gt; &amp; Co (Brazil)")
				.doesNotContain("<b>Tom", "Jerry \"FC\"", "<A>", "<i>Book");
			assertThat(html.replaceAll("</?(b|i|pre)>", "")).doesNotContain("<", ">");
		}
	}

	@Test
	void showsEverySectionOfAFullAnalysisWithItsAgeAndTheResponsibleGamblingLine() {
		String html = text.render(report(false, null), AnalysisKind.FULL, Duration.ofMinutes(12), PORTUGUESE_IN_UTC);
		assertThat(html).contains("Resultado (1X2)", "odd justa", "Gols esperados", "Mais de 2,5", "Placares mais prováveis",
				"Ambas marcam", "Escanteios", "Força no modelo</b> (50 = média da liga, em campo neutro)", "Tabela:", "Forma",
				"Sem odds das casas para comparar", "Dados de 12 min atrás", "Aposte com responsabilidade");
	}

	@Test
	void marksAnAnalysisFromStaleDataWithItsAge() {
		String html = text.render(report(true, null), AnalysisKind.RESULT, Duration.ofHours(5), ENGLISH_IN_UTC);
		assertThat(html).contains("data source is unavailable", "5 h ago").doesNotContain("Goals");
	}

	@Test
	void theProbabilitiesOfEveryMarketAddUpToAHundred() {
		for (Reader reader : List.of(PORTUGUESE_IN_UTC, ENGLISH_IN_UTC)) {
			String html = text.render(report(false, null), AnalysisKind.FULL, Duration.ofMinutes(5), reader);
			Matcher result = Pattern.compile("<b>(\\d+)%</b> \\(").matcher(html);
			int sum = 0;
			int found = 0;
			while (result.find()) {
				sum += Integer.parseInt(result.group(1));
				found++;
			}
			assertThat(found).isEqualTo(3);
			assertThat(sum).isEqualTo(100);
			Matcher pairs = Pattern.compile("(?:Mais de|Over) [0-9,.]+: (\\d+)% • (?:Menos|Under): (\\d+)%").matcher(html);
			int lines = 0;
			while (pairs.find()) {
				assertThat(Integer.parseInt(pairs.group(1)) + Integer.parseInt(pairs.group(2))).as(pairs.group()).isEqualTo(100);
				lines++;
			}
			assertThat(lines).isEqualTo(9); // five goal lines, four corner lines
			Matcher btts = Pattern.compile("(?:Sim|Yes): <b>(\\d+)%</b> • (?:Não|No): <b>(\\d+)%</b>").matcher(html);
			assertThat(btts.find()).isTrue();
			assertThat(Integer.parseInt(btts.group(1)) + Integer.parseInt(btts.group(2))).isEqualTo(100);
		}
	}

	@Test
	void saysHowManyGamesOfEachTeamTheModelKnows() {
		String html = text.render(report(false, null), AnalysisKind.RESULT, Duration.ofMinutes(5), PORTUGUESE_IN_UTC);
		assertThat(html).containsPattern("Baseado em \\d+ jogos (de cada time|de .+ e \\d+ de .+)\\.");
		MatchAnalysis analysis = report(false, null).analysis();
		if (analysis.homeMatches() != analysis.awayMatches()) {
			assertThat(html).contains("Baseado em " + analysis.homeMatches() + " jogos de &lt;b&gt;Tom &amp; Co&lt;/b&gt; e "
					+ analysis.awayMatches() + " de Jerry &quot;FC&quot;.");
		}
	}

	@Test
	void comparesEachMarketInOneSentenceWithTheBookmakersPriceAndNoBacktestFigures() {
		BookmakerPrices prices = new BookmakerPrices("Pinnacle", new double[] { 1.9, 3.6, 4.4 },
				Map.of(2.5, new double[] { 2.0, 1.85 }), null);

		String portuguese = text.render(report(false, prices), AnalysisKind.FULL, Duration.ofMinutes(1), PORTUGUESE_IN_UTC);
		assertThat(portuguese).contains("Modelo x mercado", "🏁 Resultado: a Pinnacle paga 1,90 • 3,60 • 4,40, ou seja ",
				"Mais de 2,5 gols: a Pinnacle paga 2,00, ou seja ", "use estes números como referência")
			.doesNotContain("vantagem", "linha de fechamento", "[", "873", "2019/20", "O modelo vê valor");
		String english = text.render(report(false, prices), AnalysisKind.FULL, Duration.ofMinutes(1), ENGLISH_IN_UTC);
		assertThat(english).contains("Model vs market", "Result: Pinnacle pays 1.90 • 3.60 • 4.40, that is ",
				"Over 2.5 goals: Pinnacle pays 2.00, that is a ")
			.doesNotContain("closing-line", "873", "edge");
		// the market's chances, margin taken out, make a whole too
		Matcher market = Pattern.compile("ou seja (\\d+)% • (\\d+)% • (\\d+)% de chance").matcher(portuguese);
		assertThat(market.find()).isTrue();
		assertThat(Integer.parseInt(market.group(1)) + Integer.parseInt(market.group(2)) + Integer.parseInt(market.group(3)))
			.isEqualTo(100);
	}

	@Test
	void eachKindComparesOnlyItsOwnMarketAndCornersNone() {
		BookmakerPrices prices = new BookmakerPrices("Pinnacle", new double[] { 1.9, 3.6, 4.4 },
				Map.of(2.5, new double[] { 2.0, 1.85 }), null);
		assertThat(text.render(report(false, prices), AnalysisKind.RESULT, Duration.ofMinutes(1), ENGLISH_IN_UTC))
			.contains("Result: Pinnacle pays").doesNotContain("Over 2.5 goals: Pinnacle");
		assertThat(text.render(report(false, prices), AnalysisKind.GOALS, Duration.ofMinutes(1), ENGLISH_IN_UTC))
			.contains("Over 2.5 goals: Pinnacle pays 2.00").doesNotContain("Result: Pinnacle");
		assertThat(text.render(report(false, prices), AnalysisKind.BTTS, Duration.ofMinutes(1), ENGLISH_IN_UTC))
			.contains("Pinnacle has no odds for this market to compare");
		assertThat(text.render(report(false, prices), AnalysisKind.CORNERS, Duration.ofMinutes(1), ENGLISH_IN_UTC))
			.doesNotContain("Pinnacle", "value", "market");
	}

	@Test
	void listsValueBetsOfTheKindAskedForWhenTheRuleIsSupported() {
		BookmakerPrices generous = new BookmakerPrices("Pinnacle", new double[] { 6.0, 6.0, 6.0 },
				Map.of(2.5, new double[] { 4.0, 4.0 }), null);
		String result = text.render(report(generous, SUPPORTED), AnalysisKind.RESULT, Duration.ofMinutes(1), ENGLISH_IN_UTC);
		assertThat(result).contains("The model sees value in a &lt;b&gt;Tom &amp; Co&lt;/b&gt; win at 6.00", "Suggested stake")
			.doesNotContain("goals at", "873", "reference, not as a tip");
		String goals = text.render(report(generous, SUPPORTED), AnalysisKind.GOALS, Duration.ofMinutes(1), ENGLISH_IN_UTC);
		assertThat(goals).contains("goals at 4.00").doesNotContain("win at");
	}

	@Test
	void anEdgeAboveTheCapIsOneCautionNamingEverySelectionAndNeverValue() {
		BookmakerPrices generous = new BookmakerPrices("Pinnacle", new double[] { 6.0, 6.0, 6.0 },
				Map.of(2.5, new double[] { 4.0, 4.0 }), null);
		ValueRule capped = new ValueRule(true, 0.03, 0.10, Confidence.MEDIUM, RECORD);

		String html = text.render(report(generous, capped), AnalysisKind.FULL, Duration.ofMinutes(1), ENGLISH_IN_UTC);

		assertThat(html).containsOnlyOnce("⚠️ The model gives ")
			.containsOnlyOnce("not an opportunity")
			.contains("a &lt;b&gt;Tom &amp; Co&lt;/b&gt; win (", " and ")
			.doesNotContain("sees value", "confidence high");
	}
}
