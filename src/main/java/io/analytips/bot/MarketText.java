package io.analytips.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.analytips.football.AnalysisKind;
import io.analytips.football.AnalysisReport;
import io.analytips.football.analysis.ValueBet;
import io.analytips.telegram.Html;

/**
 * The model beside the bookmaker, in a fan's words: one sentence per market compared (the bookmaker's odds, the
 * chance they stand for once its margin is taken out, and the model's), the selections the backtested rule
 * calls value, and one caution naming every selection where the model disagrees with the market far more than
 * its record allows. The record itself (closing-line value, intervals, seasons) is on the {@code ℹ️} screen,
 * per league. Corners are not compared: no bookmaker price for them is read.
 */
final class MarketText {

	private final Messages messages;

	MarketText(Messages messages) {
		this.messages = messages;
	}

	/** The section for {@code kind}, or nothing (corners). {@code home} and {@code away} are raw names. */
	String render(AnalysisReport report, AnalysisKind kind, String home, String away, Locale locale) {
		if (kind == AnalysisKind.CORNERS) {
			return "";
		}
		if (report.bookmaker() == null) {
			return Html.escape(messages.get(locale, "market.none"));
		}
		String bookmaker = report.bookmaker();
		List<ValueBet> compared = report.analysis().comparisons().stream().filter(bet -> relevant(bet, kind)).toList();
		if (compared.isEmpty()) {
			return Html.escape(messages.get(locale, "market.none.kind", bookmaker));
		}
		List<String> lines = new ArrayList<>();
		lines.add(messages.get(locale, "market.title.html"));
		List<ValueBet> result = of(compared, "1X2");
		Shown shown = new Shown(result, locale);
		if (result.size() == 3) {
			String[] fair = shown.fair;
			String[] model = shown.model;
			lines.add(Html.escape(messages.get(locale, "market.result", bookmaker, odds(result.get(0), locale),
					odds(result.get(1), locale), odds(result.get(2), locale), fair[0], fair[1], fair[2], model[0], model[1],
					model[2])));
		}
		for (ValueBet bet : compared) {
			if ((bet.market().equals("goals") && bet.selection().startsWith("over ")) || bet.selection().equals("yes")) {
				lines.add(Html.escape(messages.get(locale, "market.single", capitalised(selection(bet, home, away, locale), locale),
						bookmaker, odds(bet, locale), Format.percent(bet.fairProbability(), locale),
						Format.percent(bet.modelProbability(), locale))));
			}
		}
		List<ValueBet> value = report.analysis().value().stream().filter(bet -> relevant(bet, kind)).toList();
		for (ValueBet bet : value) {
			lines.add(Html.escape(messages.get(locale, "market.value", selection(bet, home, away, locale), odds(bet, locale),
					shown.model(bet), shown.fair(bet),
					Format.decimal(bet.stake() * 100, 1, locale) + "%",
					messages.get(locale, "analysis.confidence." + bet.confidence().name().toLowerCase(Locale.ROOT)))));
		}
		List<String> disagreements = report.analysis().disagreements().stream()
			.filter(bet -> relevant(bet, kind))
			.map(bet -> messages.get(locale, "market.disagreement.item", selection(bet, home, away, locale),
					shown.model(bet), shown.fair(bet)))
			.toList();
		if (!disagreements.isEmpty()) {
			lines.add(Html.escape(messages.get(locale, "market.disagreement", list(disagreements, locale))));
		}
		if (value.isEmpty()) {
			lines.add("<i>" + Html.escape(messages.get(locale, "market.note")) + "</i>");
		}
		return String.join("\n", lines);
	}

	/**
	 * Each chance as the screen writes it: a 1X2 selection as the result line rounds it (the three adding up to
	 * 100%), so that a caution or a value line never gives the same chance one point apart; any other on its own.
	 */
	private static final class Shown {

		private final List<ValueBet> result;

		private final Locale locale;

		final String[] fair;

		final String[] model;

		Shown(List<ValueBet> result, Locale locale) {
			this.result = result;
			this.locale = locale;
			boolean whole = result.size() == 3;
			this.fair = whole ? Format.percents(locale, result.get(0).fairProbability(), result.get(1).fairProbability(),
					result.get(2).fairProbability()) : null;
			this.model = whole ? Format.percents(locale, result.get(0).modelProbability(),
					result.get(1).modelProbability(), result.get(2).modelProbability()) : null;
		}

		String fair(ValueBet bet) {
			int at = index(bet);
			return at < 0 ? Format.percent(bet.fairProbability(), locale) : fair[at];
		}

		String model(ValueBet bet) {
			int at = index(bet);
			return at < 0 ? Format.percent(bet.modelProbability(), locale) : model[at];
		}

		private int index(ValueBet bet) {
			if (fair == null || !bet.market().equals("1X2")) {
				return -1;
			}
			for (int i = 0; i < 3; i++) {
				if (result.get(i).selection().equals(bet.selection())) {
					return i;
				}
			}
			return -1;
		}
	}

	private static List<ValueBet> of(List<ValueBet> bets, String market) {
		return bets.stream().filter(bet -> bet.market().equals(market)).toList();
	}

	private static String odds(ValueBet bet, Locale locale) {
		return Format.decimal(bet.odds(), 2, locale);
	}

	/** "a, b e c" / "a, b and c". */
	private String list(List<String> items, Locale locale) {
		if (items.size() == 1) {
			return items.get(0);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + messages.get(locale, "list.and")
				+ items.get(items.size() - 1);
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
}
