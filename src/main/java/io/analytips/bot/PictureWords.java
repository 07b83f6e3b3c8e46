package io.analytips.bot;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.analytips.football.AnalysisReport;
import io.analytips.football.analysis.OverUnder;
import io.analytips.football.analysis.ValueBet;
import io.analytips.football.api.Fixture;
import io.analytips.picture.PictureLabels;
import io.analytips.telegram.Html;
import io.analytips.telegram.model.SendPhoto;

/**
 * The words of a full analysis sent as a picture, for its reader: the labels drawn on it and its caption (the
 * fixture and the three-line summary an alert gives, {@link ForecastLines}). Teams by the names fans write, the
 * kick-off in the reader's zone, the market's chances with the bookmaker's margin taken out.
 */
final class PictureWords {

	private final Messages messages;

	private final Leagues leagues;

	private final DisplayNames teams;

	private final ForecastLines summary;

	PictureWords(Messages messages, Leagues leagues, DisplayNames teams) {
		this.messages = messages;
		this.leagues = leagues;
		this.teams = teams;
		this.summary = new ForecastLines(messages);
	}

	PictureLabels labels(AnalysisReport report, Reader reader) {
		Locale locale = reader.locale();
		Fixture fixture = report.fixture();
		String home = teams.display(fixture.home().name());
		String away = teams.display(fixture.away().name());
		var result = report.analysis().markets().result();
		List<ValueBet> market = report.analysis().comparisons().stream().filter(bet -> bet.market().equals("1X2")).toList();
		List<String> marketShown = market.size() != 3 ? List.of()
				: Arrays.asList(Format.percents(locale, market.get(0).fairProbability(), market.get(1).fairProbability(),
						market.get(2).fairProbability()));
		OverUnder line = report.analysis().markets().goals(2.5);
		String[] goals = Format.percents(locale, line.over(), line.under());
		return new PictureLabels(home, away, leagues.name(fixture.league(), locale),
				Format.kickoff(fixture.kickoff(), reader.zone(), messages, locale), text(locale, "picture.result"),
				text(locale, "picture.model"), text(locale, "picture.market"), text(locale, "picture.draw"),
				text(locale, "picture.no.market"),
				Arrays.asList(Format.percents(locale, result.home(), result.draw(), result.away())), marketShown,
				text(locale, "picture.goals"), messages.get(locale, "picture.over.under", Format.line(2.5, locale), goals[0],
						goals[1]),
				text(locale, "picture.scores"), text(locale, "picture.axes"),
				text(locale, "picture.footer"));
	}

	/**
	 * The caption, in HTML: the fixture's header and the summary; the header alone should long names take it past
	 * Telegram's {@value SendPhoto#MAX_CAPTION} characters, and its first characters should even that.
	 */
	String caption(AnalysisReport report, Reader reader) {
		Locale locale = reader.locale();
		Fixture fixture = report.fixture();
		String home = teams.display(fixture.home().name());
		String away = teams.display(fixture.away().name());
		var result = report.analysis().forecast().result();
		double over = report.analysis().forecast().over25();
		String header = messages.get(locale, "analysis.header.html", Html.escape(home), Html.escape(away),
				Html.escape(leagues.name(fixture.league(), locale)),
				Html.escape(Format.kickoff(fixture.kickoff(), reader.zone(), messages, locale)));
		String caption = header + "\n\n" + Html.escape(String.join("\n", summary.lines(locale, home, away, result.home(),
				result.draw(), result.away(), over)));
		if (caption.length() <= SendPhoto.MAX_CAPTION) {
			return caption;
		}
		return header.length() <= SendPhoto.MAX_CAPTION ? header
				: Html.escape(text(locale, "picture.result"));
	}

	/** The picture's file name: its fixture, language and content hash ({@code 1035061-pt-br-3f9a….png}). */
	static String fileName(String key, Locale locale) {
		int dash = key.indexOf('-');
		return key.substring(0, dash) + "-" + locale.toLanguageTag().toLowerCase(Locale.ROOT) + key.substring(dash) + ".png";
	}

	private String text(Locale locale, String key) {
		return messages.get(locale, key);
	}
}
