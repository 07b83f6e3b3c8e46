package io.analytips.bot;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.analytips.football.AnalysisKind;
import io.analytips.football.AnalysisReport;
import io.analytips.football.analysis.CornerMarkets;
import io.analytips.football.analysis.MatchAnalysis;
import io.analytips.football.analysis.OverUnder;
import io.analytips.football.analysis.ValueBet;
import io.analytips.football.api.Fixture;
import io.analytips.telegram.Html;

/** Writes an analysis report as the HTML message of one kind, in the user's language. */
final class AnalysisText {

	private final Messages messages;

	private final ZoneId zone;

	private final Leagues leagues;

	AnalysisText(Messages messages, ZoneId zone, Leagues leagues) {
		this.messages = messages;
		this.zone = zone;
		this.leagues = leagues;
	}

	String render(AnalysisReport report, AnalysisKind kind, Duration age, Locale locale) {
		Fixture fixture = report.fixture();
		MatchAnalysis analysis = report.analysis();
		String home = Html.escape(fixture.home().name());
		String away = Html.escape(fixture.away().name());
		List<String> blocks = new ArrayList<>();
		blocks.add(messages.get(locale, "analysis.header.html", home, away, Html.escape(leagues.name(fixture.league(), locale)),
				Format.kickoff(fixture.kickoff(), zone, messages, locale)));
		if (kind == AnalysisKind.FULL || kind == AnalysisKind.RESULT) {
			blocks.add(result(analysis, home, away, locale));
		}
		if (kind == AnalysisKind.FULL || kind == AnalysisKind.GOALS) {
			blocks.add(goals(analysis, home, away, locale));
		}
		if (kind == AnalysisKind.FULL || kind == AnalysisKind.BTTS) {
			blocks.add(messages.get(locale, "analysis.btts.html", Format.percent(analysis.markets().bothTeamsScore(), locale),
					Format.percent(1 - analysis.markets().bothTeamsScore(), locale)));
		}
		if (kind == AnalysisKind.FULL || kind == AnalysisKind.CORNERS) {
			blocks.add(corners(analysis.corners(), home, away, locale));
		}
		if (kind == AnalysisKind.FULL) {
			blocks.add(context(report, home, away, locale));
		}
		blocks.add(value(report, kind, fixture.home().name(), fixture.away().name(), locale));
		String data = report.stale() ? messages.get(locale, "analysis.data.stale", Format.age(age, messages, locale))
				: messages.get(locale, "analysis.data.fresh", Format.age(age, messages, locale));
		blocks.add(Html.escape(data) + "\n" + Html.escape(messages.get(locale, "analysis.sample",
				String.valueOf(analysis.dataSize()))) + "\n\n<i>" + Html.escape(messages.get(locale, "analysis.responsible")) + "</i>");
		return String.join("\n\n", blocks);
	}

	private String result(MatchAnalysis analysis, String home, String away, Locale locale) {
		var result = analysis.markets().result();
		return messages.get(locale, "analysis.result.html", home, Format.percent(result.home(), locale),
				Format.odds(result.home(), locale), Format.percent(result.draw(), locale), Format.odds(result.draw(), locale),
				away, Format.percent(result.away(), locale), Format.odds(result.away(), locale));
	}

	private String goals(MatchAnalysis analysis, String home, String away, Locale locale) {
		StringBuilder text = new StringBuilder(messages.get(locale, "analysis.goals.title.html")).append('\n');
		text.append(messages.get(locale, "analysis.xg.html", home, Format.decimal(analysis.expectedGoals().home(), 2, locale),
				Format.decimal(analysis.expectedGoals().away(), 2, locale), away)).append('\n');
		for (OverUnder line : analysis.markets().goals()) {
			text.append(Html.escape(messages.get(locale, "analysis.goals.line", Format.line(line.line(), locale),
					Format.percent(line.over(), locale), Format.percent(line.under(), locale)))).append('\n');
		}
		String scores = analysis.markets().likeliestScores().stream()
			.map(s -> s.home() + "-" + s.away() + " (" + Format.percent(s.probability(), locale) + ")")
			.collect(Collectors.joining(", "));
		return text.append(Html.escape(messages.get(locale, "analysis.scores", scores))).toString();
	}

	private String corners(CornerMarkets corners, String home, String away, Locale locale) {
		if (corners == null) {
			return Html.escape(messages.get(locale, "analysis.corners.missing"));
		}
		StringBuilder text = new StringBuilder(messages.get(locale, "analysis.corners.title.html",
				Format.decimal(corners.expectedTotal(), 1, locale), home, Format.decimal(corners.expectedHome(), 1, locale),
				away, Format.decimal(corners.expectedAway(), 1, locale)));
		for (OverUnder line : corners.lines()) {
			text.append('\n').append(Html.escape(messages.get(locale, "analysis.corners.line",
					Format.line(line.line(), locale), Format.percent(line.over(), locale), Format.percent(line.under(), locale))));
		}
		return text.toString();
	}

	private String context(AnalysisReport report, String home, String away, Locale locale) {
		List<String> lines = new ArrayList<>();
		MatchAnalysis analysis = report.analysis();
		if (analysis.homeQuality() != null && analysis.awayQuality() != null) {
			lines.add(messages.get(locale, "analysis.quality.html", home, String.valueOf(analysis.homeQuality().score()), away,
					String.valueOf(analysis.awayQuality().score())));
		}
		lines.add(Html.escape(messages.get(locale, "analysis.form", report.fixture().home().name(),
				form(report.homeForm(), locale), report.fixture().away().name(), form(report.awayForm(), locale))));
		if (!report.headToHead().isEmpty()) {
			String meetings = report.headToHead().stream()
				.map(f -> f.home().name() + " " + f.homeGoals() + "-" + f.awayGoals() + " " + f.away().name())
				.collect(Collectors.joining("; "));
			lines.add(Html.escape(messages.get(locale, "analysis.h2h", meetings)));
		}
		return String.join("\n", lines);
	}

	/** {@code home} and {@code away} are raw names here: the finished lines are escaped whole. */
	private String value(AnalysisReport report, AnalysisKind kind, String home, String away, Locale locale) {
		if (report.bookmaker() == null) {
			return Html.escape(messages.get(locale, "analysis.value.noodds"));
		}
		String bookmaker = Html.escape(report.bookmaker());
		List<ValueBet> bets = report.analysis().value().stream().filter(bet -> relevant(bet, kind)).toList();
		if (bets.isEmpty()) {
			return messages.get(locale, "analysis.value.none", bookmaker);
		}
		StringBuilder text = new StringBuilder(messages.get(locale, "analysis.value.title.html", bookmaker));
		for (ValueBet bet : bets) {
			text.append('\n').append(Html.escape(messages.get(locale, "analysis.value.line", selection(bet, home, away, locale),
					Format.decimal(bet.odds(), 2, locale), Format.percent(bet.modelProbability(), locale),
					Format.percent(bet.fairProbability(), locale), Format.signedPercent(bet.edge(), locale),
					Format.decimal(bet.stake() * 100, 1, locale) + "%",
					messages.get(locale, "analysis.confidence." + bet.confidence().name().toLowerCase(Locale.ROOT)))));
		}
		return text.toString();
	}

	private static boolean relevant(ValueBet bet, AnalysisKind kind) {
		return switch (kind) {
			case FULL -> true;
			case RESULT -> bet.market().equals("1X2");
			case GOALS -> bet.market().equals("goals");
			case BTTS -> bet.market().equals("btts");
			case CORNERS -> false;
		};
	}

	private String selection(ValueBet bet, String home, String away, Locale locale) {
		String selection = bet.selection();
		if (selection.startsWith("over ") || selection.startsWith("under ")) {
			String[] parts = selection.split(" ");
			return messages.get(locale, "analysis.selection." + parts[0], Format.line(Double.parseDouble(parts[1]), locale));
		}
		return switch (selection) {
			case "home" -> messages.get(locale, "analysis.selection.home", home);
			case "away" -> messages.get(locale, "analysis.selection.away", away);
			default -> messages.get(locale, "analysis.selection." + selection);
		};
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
