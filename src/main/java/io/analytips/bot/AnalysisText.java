package io.analytips.bot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.analytips.football.AnalysisKind;
import io.analytips.football.AnalysisReport;
import io.analytips.football.analysis.CornerMarkets;
import io.analytips.football.analysis.MatchAnalysis;
import io.analytips.football.analysis.OverUnder;
import io.analytips.football.analysis.PooledForecast;
import io.analytips.football.api.Fixture;
import io.analytips.telegram.Html;

/**
 * Writes an analysis report as the HTML message of one kind, for its reader: their language, kick-off in their
 * time zone, teams by the names fans write. Probabilities of one market add up to 100% ({@link Format#percents});
 * the comparison with the bookmaker is {@link MarketText}'s.
 */
final class AnalysisText {

	private final Messages messages;

	private final Leagues leagues;

	private final DisplayNames teams;

	private final MarketText market;

	AnalysisText(Messages messages, Leagues leagues, DisplayNames teams) {
		this.messages = messages;
		this.leagues = leagues;
		this.teams = teams;
		this.market = new MarketText(messages);
	}

	String render(AnalysisReport report, AnalysisKind kind, Duration age, Reader reader) {
		Locale locale = reader.locale();
		Fixture fixture = report.fixture();
		MatchAnalysis analysis = report.analysis();
		String homeName = teams.display(fixture.home().name());
		String awayName = teams.display(fixture.away().name());
		String home = Html.escape(homeName);
		String away = Html.escape(awayName);
		// what the chances on this screen lean on, where they lean on the price (empty where they are the model's)
		String pooled = pooled(report, kind, locale);
		List<String> blocks = new ArrayList<>();
		blocks.add(messages.get(locale, "analysis.header.html", home, away, Html.escape(leagues.name(fixture.league(), locale)),
				Format.kickoff(fixture.kickoff(), reader.zone(), messages, locale)));
		if (kind == AnalysisKind.FULL || kind == AnalysisKind.RESULT) {
			blocks.add(result(analysis, home, away, locale));
		}
		if (kind == AnalysisKind.FULL || kind == AnalysisKind.GOALS) {
			// where those chances lean on the price, the expected goals and scores (always the model's) say so
			blocks.add(goals(analysis, home, away, !pooled.isEmpty(), locale));
		}
		if (kind == AnalysisKind.FULL || kind == AnalysisKind.BTTS) {
			String[] btts = Format.percents(locale, analysis.markets().bothTeamsScore(), 1 - analysis.markets().bothTeamsScore());
			blocks.add(messages.get(locale, "analysis.btts.html", btts[0], btts[1]));
		}
		if (kind == AnalysisKind.FULL || kind == AnalysisKind.CORNERS) {
			blocks.add(corners(analysis.corners(), home, away, locale));
		}
		if (kind == AnalysisKind.FULL) {
			blocks.add(context(report, homeName, awayName, locale));
		}
		String versus = market.render(report, kind, homeName, awayName, locale);
		if (!versus.isEmpty()) {
			blocks.add(versus);
		}
		blocks.add(footer(report, age, homeName, awayName, pooled, locale));
		return String.join("\n\n", blocks);
	}

	private String result(MatchAnalysis analysis, String home, String away, Locale locale) {
		var result = analysis.forecast().result();
		String[] shown = Format.percents(locale, result.home(), result.draw(), result.away());
		return messages.get(locale, "analysis.result.html", home, shown[0], Format.odds(result.home(), locale), shown[1],
				Format.odds(result.draw(), locale), away, shown[2], Format.odds(result.away(), locale));
	}

	private String goals(MatchAnalysis analysis, String home, String away, boolean leansOnPrice, Locale locale) {
		StringBuilder text = new StringBuilder(messages.get(locale, "analysis.goals.title.html")).append('\n');
		text.append(messages.get(locale, leansOnPrice ? "analysis.xg.model.html" : "analysis.xg.html", home,
				Format.decimal(analysis.expectedGoals().home(), 2, locale), Format.decimal(analysis.expectedGoals().away(), 2, locale),
				away)).append('\n');
		for (OverUnder line : analysis.markets().goals()) {
			double over = over(line, analysis.forecast().over25());
			String[] shown = Format.percents(locale, over, 1 - over);
			text.append(Html.escape(messages.get(locale, "analysis.goals.line", Format.line(line.line(), locale), shown[0],
					shown[1]))).append('\n');
		}
		String scores = analysis.markets().likeliestScores().stream()
			.map(s -> s.home() + "-" + s.away() + " (" + Format.percent(s.probability(), locale) + ")")
			.collect(Collectors.joining(", "));
		return text.append(Html.escape(messages.get(locale, leansOnPrice ? "analysis.scores.model" : "analysis.scores", scores)))
			.toString();
	}

	/**
	 * The chance shown over {@code line}: the forecast's over 2.5 at 2.5, the model's elsewhere, kept in order with
	 * the forecast's (the lines below 2.5 at least as likely, those above at most), as a pooled 2.5 may have moved
	 * past the model's neighbouring line. Without a pool the model's lines are in order already and are shown as
	 * they are.
	 */
	private static double over(OverUnder line, double over25) {
		if (line.line() == 2.5) {
			return over25;
		}
		return line.line() < 2.5 ? Math.max(line.over(), over25) : Math.min(line.over(), over25);
	}

	private String corners(CornerMarkets corners, String home, String away, Locale locale) {
		if (corners == null) {
			return Html.escape(messages.get(locale, "analysis.corners.missing"));
		}
		StringBuilder text = new StringBuilder(messages.get(locale, "analysis.corners.title.html",
				Format.decimal(corners.expectedTotal(), 1, locale), home, Format.decimal(corners.expectedHome(), 1, locale),
				away, Format.decimal(corners.expectedAway(), 1, locale)));
		for (OverUnder line : corners.lines()) {
			String[] shown = Format.percents(locale, line.over(), line.under());
			text.append('\n').append(Html.escape(messages.get(locale, "analysis.corners.line",
					Format.line(line.line(), locale), shown[0], shown[1])));
		}
		return text.toString();
	}

	/** Strength, table, form and meetings; {@code home} and {@code away} are raw names: the lines are escaped whole. */
	private String context(AnalysisReport report, String home, String away, Locale locale) {
		List<String> lines = new ArrayList<>();
		MatchAnalysis analysis = report.analysis();
		lines.add(messages.get(locale, "analysis.rating.html", Html.escape(home), String.valueOf(analysis.homeRating().score()),
				Html.escape(away), String.valueOf(analysis.awayRating().score())));
		// where the chances above lean on the price, the fit's own are the ones beside the market
		lines.add(Html.escape(messages.get(locale, analysis.forecast().resultWeight() > 0 && report.bookmaker() != null
				? "analysis.rating.note.pooled" : "analysis.rating.note")));
		if (analysis.homeStanding() != null && analysis.awayStanding() != null) {
			lines.add(Html.escape(messages.get(locale, "analysis.table", home,
					String.valueOf(analysis.homeStanding().rank()), String.valueOf(analysis.homeStanding().points()), away,
					String.valueOf(analysis.awayStanding().rank()), String.valueOf(analysis.awayStanding().points()))));
		}
		lines.add(Html.escape(messages.get(locale, "analysis.form", home, form(report.homeForm(), locale), away,
				form(report.awayForm(), locale))));
		if (!report.headToHead().isEmpty()) {
			String meetings = report.headToHead().stream()
				.map(f -> teams.display(f.home().name()) + " " + f.homeGoals() + "-" + f.awayGoals() + " "
						+ teams.display(f.away().name()))
				.collect(Collectors.joining("; "));
			lines.add(Html.escape(messages.get(locale, "analysis.h2h", meetings)));
		}
		return String.join("\n", lines);
	}

	/**
	 * How old the data is, what the model rests on, what the forecast shown leans on, and the responsible-gambling
	 * line.
	 */
	private String footer(AnalysisReport report, Duration age, String home, String away, String pooled, Locale locale) {
		MatchAnalysis analysis = report.analysis();
		String data = messages.get(locale, report.stale() ? "analysis.data.stale" : "analysis.data.fresh",
				Format.age(age, messages, locale));
		String sample = analysis.homeMatches() == analysis.awayMatches()
				? messages.get(locale, "analysis.sample", String.valueOf(analysis.homeMatches()))
				: messages.get(locale, "analysis.sample.each", String.valueOf(analysis.homeMatches()), home,
						String.valueOf(analysis.awayMatches()), away);
		return Html.escape(data) + "\n" + Html.escape(sample) + (pooled.isEmpty() ? "" : "\n" + Html.escape(pooled))
				+ "\n\n<i>" + Html.escape(messages.get(locale, "analysis.responsible")) + "</i>";
	}

	/**
	 * What the result and over/under 2.5 shown on this screen lean on, where they lean on the bookmaker's price; empty
	 * where they are the model's alone.
	 */
	private String pooled(AnalysisReport report, AnalysisKind kind, Locale locale) {
		PooledForecast forecast = report.analysis().forecast();
		List<String> parts = new ArrayList<>();
		double weight = 0;
		if (forecast.resultWeight() > 0 && (kind == AnalysisKind.FULL || kind == AnalysisKind.RESULT)) {
			parts.add(messages.get(locale, "analysis.forecast.result"));
			weight = forecast.resultWeight();
		}
		if (forecast.over25Weight() > 0 && (kind == AnalysisKind.FULL || kind == AnalysisKind.GOALS)) {
			parts.add(messages.get(locale, "analysis.forecast.goals"));
			weight = Math.max(weight, forecast.over25Weight());
		}
		if (parts.isEmpty() || report.bookmaker() == null) {
			return "";
		}
		String what = parts.size() == 1 ? parts.get(0) : parts.get(0) + messages.get(locale, "list.and") + parts.get(1);
		return weight >= 1 ? messages.get(locale, "analysis.forecast.market", what, report.bookmaker())
				: messages.get(locale, "analysis.forecast.pooled", what, report.bookmaker(), Format.percent(weight, locale));
	}

	/** API-Football's form ({@code WDLWW}) in the user's letters, spaced: "V E D V V" in Portuguese. */
	private String form(String form, Locale locale) {
		if (form == null || form.isEmpty()) {
			return "—";
		}
		List<String> letters = new ArrayList<>();
		for (String letter : form.split("")) {
			letters.add(messages.has(locale, "form." + letter) ? messages.get(locale, "form." + letter) : letter);
		}
		return String.join(" ", letters);
	}
}
