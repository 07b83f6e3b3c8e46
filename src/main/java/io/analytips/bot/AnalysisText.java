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
import io.analytips.football.analysis.ValueRule;
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
		lines.add(messages.get(locale, "analysis.rating.html", home, String.valueOf(analysis.homeRating().score()), away,
				String.valueOf(analysis.awayRating().score())));
		lines.add(Html.escape(messages.get(locale, "analysis.rating.note")));
		if (analysis.homeStanding() != null && analysis.awayStanding() != null) {
			lines.add(Html.escape(messages.get(locale, "analysis.table", report.fixture().home().name(),
					String.valueOf(analysis.homeStanding().rank()), String.valueOf(analysis.homeStanding().points()),
					report.fixture().away().name(), String.valueOf(analysis.awayStanding().rank()),
					String.valueOf(analysis.awayStanding().points()))));
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

	/**
	 * The model against the bookmaker, as the backtested {@link ValueRule} allows: flagged value with its track
	 * record when the rule is supported; otherwise the model's fair odds beside the market's and the record that
	 * says why nothing is called value. Edges above the rule's cap are shown as a disagreement with a caution.
	 * {@code home} and {@code away} are raw names here: the finished lines are escaped whole.
	 */
	private String value(AnalysisReport report, AnalysisKind kind, String home, String away, Locale locale) {
		if (report.bookmaker() == null) {
			return Html.escape(messages.get(locale, "analysis.value.noodds"));
		}
		String bookmaker = Html.escape(report.bookmaker());
		ValueRule rule = report.rule();
		MatchAnalysis analysis = report.analysis();
		List<String> lines = new ArrayList<>();
		if (rule.supported()) {
			List<ValueBet> bets = analysis.value().stream().filter(bet -> relevant(bet, kind)).toList();
			if (bets.isEmpty()) {
				lines.add(messages.get(locale, "analysis.value.none", bookmaker));
			}
			else {
				lines.add(messages.get(locale, "analysis.value.title.html", bookmaker));
				for (ValueBet bet : bets) {
					lines.add(Html.escape(messages.get(locale, "analysis.value.line", selection(bet, home, away, locale),
							Format.decimal(bet.odds(), 2, locale), Format.percent(bet.modelProbability(), locale),
							Format.percent(bet.fairProbability(), locale), Format.signedPercent(bet.edge(), locale),
							Format.decimal(bet.stake() * 100, 1, locale) + "%", messages.get(locale,
									"analysis.confidence." + bet.confidence().name().toLowerCase(Locale.ROOT)))));
				}
				rule.trackRecord().ifPresent(record -> lines.add(Html.escape(record("analysis.value.record.supported",
						record, locale))));
			}
		}
		else {
			List<ValueBet> compared = analysis.comparisons().stream().filter(bet -> relevant(bet, kind)).toList();
			if (compared.isEmpty()) {
				return messages.get(locale, "analysis.value.none", bookmaker);
			}
			lines.add(messages.get(locale, "analysis.value.comparison.title.html", bookmaker));
			for (ValueBet bet : compared) {
				lines.add(Html.escape(messages.get(locale, "analysis.value.comparison.line", capitalised(selection(bet,
						home, away, locale), locale), Format.percent(bet.modelProbability(), locale),
						Format.odds(bet.modelProbability(), locale), Format.percent(bet.fairProbability(), locale),
						Format.decimal(bet.odds(), 2, locale))));
			}
			rule.trackRecord().ifPresent(record -> lines.add(Html.escape(record("analysis.value.record.unsupported",
					record, locale))));
		}
		for (ValueBet bet : analysis.disagreements()) {
			if (relevant(bet, kind)) {
				lines.add(Html.escape(messages.get(locale, "analysis.value.disagreement", selection(bet, home, away, locale),
						Format.percent(bet.modelProbability(), locale), report.bookmaker(),
						Format.percent(bet.fairProbability(), locale), Format.signedPercent(bet.edge(), locale))));
			}
		}
		return String.join("\n", lines);
	}

	/**
	 * The backtested figures of the rule: seasons, bets, CLV and return, each with its 95% interval; without the CLV
	 * where the backtest measured none (flags taken at the close), rather than a made-up zero.
	 */
	private String record(String key, ValueRule.TrackRecord record, Locale locale) {
		if (record.clv().isEmpty()) {
			return messages.get(locale, key + ".noclv", record.seasons(), String.valueOf(record.bets()),
					Format.signedPercent(record.roi().mean(), locale), Format.signedPercent(record.roi().low(), locale),
					Format.signedPercent(record.roi().high(), locale));
		}
		ValueRule.Interval clv = record.clv().get();
		return messages.get(locale, key, record.seasons(), String.valueOf(record.bets()),
				Format.signedPercent(clv.mean(), locale), Format.signedPercent(clv.low(), locale),
				Format.signedPercent(clv.high(), locale), Format.signedPercent(record.roi().mean(), locale),
				Format.signedPercent(record.roi().low(), locale), Format.signedPercent(record.roi().high(), locale));
	}

	private static String capitalised(String text, Locale locale) {
		return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
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
