package io.analytips.bot;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.analytips.football.AnalysisKind;
import io.analytips.football.AnalysisReport;
import io.analytips.football.analysis.Confidence;
import io.analytips.football.analysis.ExpectedGoals;
import io.analytips.football.analysis.MatchAnalysis;
import io.analytips.football.analysis.Markets;
import io.analytips.football.analysis.ScoreMatrix;
import io.analytips.football.analysis.TeamRating;
import io.analytips.football.analysis.ValueBet;
import io.analytips.football.analysis.ValueRule;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.LeagueRef;
import io.analytips.football.api.TeamRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarketTextTest {

	private final MarketText text = new MarketText(new Messages());

	@Test
	void aCautionGivesEachResultChanceAsTheResultLineRoundsIt() {
		// the market's 17.5%, 21.5%, 61%: alone each would round to 18%, 22% and 61%, 101% in all
		ValueBet home = new ValueBet("1X2", "home", 5.38, 0.175, 0.23, 0.2, 0, Confidence.HIGH);
		ValueBet draw = new ValueBet("1X2", "draw", 4.39, 0.215, 0.30, 0.3, 0, Confidence.HIGH);
		ValueBet away = new ValueBet("1X2", "away", 1.6, 0.61, 0.47, -0.2, 0, Confidence.HIGH);
		Markets markets = Markets.from(ScoreMatrix.dixonColes(new ExpectedGoals(1.1, 1.7), 0));
		MatchAnalysis analysis = new MatchAnalysis(new ExpectedGoals(1.1, 1.7), 0, markets, null,
				new TeamRating(48, 1.1, 1.3), new TeamRating(69, 1.7, 0.9), null, null, List.of(home, draw, away),
				List.of(), List.of(draw, home), 52, 52);
		Fixture fixture = new Fixture(7, Instant.parse("2024-12-07T15:00:00Z"), "NS", null,
				new LeagueRef(39, "Premier League", "England", 2024, "Regular Season - 15"),
				new TeamRef(1, "Crystal Palace", null), new TeamRef(2, "Manchester City", null), null, null, null, null);
		AnalysisReport report = new AnalysisReport(fixture, analysis, "", "", List.of(), "Pinnacle",
				ValueRule.untested(0.10), Instant.parse("2024-12-07T12:00:00Z"), false, Set.of());

		String shown = text.render(report, AnalysisKind.RESULT, "Crystal Palace", "Manchester City", Readers.PORTUGUESE.locale());

		Matcher line = Pattern.compile("ou seja (\\d+)% • (\\d+)% • (\\d+)% de chance").matcher(shown);
		assertThat(line.find()).isTrue();
		assertThat(Integer.parseInt(line.group(1)) + Integer.parseInt(line.group(2)) + Integer.parseInt(line.group(3)))
			.isEqualTo(100);
		assertThat(shown).contains("empate (30% contra " + line.group(2) + "%)",
				"vitória do Crystal Palace (23% contra " + line.group(1) + "%)");
	}
}
