package io.analytips.picture;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.analytips.football.AnalysisReport;
import io.analytips.football.analysis.Confidence;
import io.analytips.football.analysis.ExpectedGoals;
import io.analytips.football.analysis.Markets;
import io.analytips.football.analysis.MatchAnalysis;
import io.analytips.football.analysis.ScoreMatrix;
import io.analytips.football.analysis.TeamRating;
import io.analytips.football.analysis.ValueBet;
import io.analytips.football.analysis.ValueRule;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.LeagueRef;
import io.analytips.football.api.TeamRef;

/** Fixed reports and their pictures, for the picture's tests, the bot's words for it, and the benchmark. */
public final class PictureSamples {

	/** The market's 1X2 (margin removed) of {@link #report}. */
	public static final double[] MARKET = { 0.44, 0.29, 0.27 };

	private PictureSamples() {
	}

	/** Flamengo (1.62 expected goals) against Palmeiras (1.08), ρ −0.06, with or without the market's prices. */
	public static AnalysisReport report(boolean priced) {
		return report(1035061, 1.62, 1.08, priced);
	}

	public static AnalysisReport report(long fixtureId, double home, double away, boolean priced) {
		ExpectedGoals xg = new ExpectedGoals(home, away);
		Markets markets = Markets.from(ScoreMatrix.dixonColes(xg, -0.06));
		List<ValueBet> compared = !priced ? List.of() : List.of(bet("home", MARKET[0], markets.result().home()),
				bet("draw", MARKET[1], markets.result().draw()), bet("away", MARKET[2], markets.result().away()));
		MatchAnalysis analysis = new MatchAnalysis(xg, -0.06, markets, null, new TeamRating(72, 1.6, 0.9),
				new TeamRating(68, 1.4, 1.0), null, null, compared, List.of(), List.of(), 38, 38);
		Fixture fixture = new Fixture(fixtureId, Instant.parse("2026-11-29T19:00:00Z"), "NS", null,
				new LeagueRef(71, "Serie A", "Brazil", 2026, "Regular Season - 36"), new TeamRef(127, "Flamengo", null),
				new TeamRef(121, "Palmeiras", null), null, null, null, null);
		return new AnalysisReport(fixture, analysis, "WWDLW", "WDWWL", List.of(), priced ? "Bet365" : null,
				new ValueRule(false, 0.05, 0.10, Confidence.MEDIUM, java.util.Optional.empty()),
				Instant.parse("2026-11-29T12:00:00Z"), false, priced ? Set.of() : Set.of(AnalysisReport.Missing.ODDS));
	}

	private static ValueBet bet(String selection, double fair, double model) {
		return new ValueBet("1X2", selection, 1 / fair * 0.95, fair, model, model / fair * 0.95 - 1, 0, Confidence.MEDIUM);
	}

	static PictureLabels labels(boolean priced, AnalysisReport report) {
		var result = report.analysis().markets().result();
		return new PictureLabels("Flamengo", "Palmeiras", "Brasileirão Série A", "29/11 16:00 (Brasília)", "Resultado",
				"Modelo", "Mercado", "Empate", "Sem cotação para este jogo",
				List.of(PictureRenderer.percent(result.home()), PictureRenderer.percent(result.draw()),
						PictureRenderer.percent(result.away())),
				priced ? List.of("44%", "29%", "27%") : List.of(), "Gols na partida",
				"Linha 2,5 (tracejada): mais 52% • menos 48%", "Placares mais prováveis", "Linhas: Flamengo • colunas: Palmeiras",
				"Probabilidades, não certezas. Aposte com responsabilidade.");
	}

	static AnalysisPicture picture(boolean priced) {
		AnalysisReport report = report(priced);
		return AnalysisPicture.of(report, labels(priced, report));
	}
}
