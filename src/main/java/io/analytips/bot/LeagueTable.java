package io.analytips.bot;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.analytips.football.api.StandingRow;
import io.analytips.telegram.Html;

/**
 * A league table as a fixed-width block that a phone shows without wrapping (28 characters a line: Telegram's
 * {@code <pre>} at 360 px holds about 32): position, team, games, goal difference, points. Names longer than
 * the column are shown by a shorter name fans know ("Man City"), or cut with a dot. Several groups (a cup's)
 * each get their heading.
 */
final class LeagueTable {

	/** The width of the team column. */
	static final int NAME = 14;

	/** A row: position, team, games, goal difference, points (the heading takes the same widths). */
	private static final String ROW = "%2d %-" + NAME + "s %2d %3s %3d";

	private final Messages messages;

	private final DisplayNames teams;

	LeagueTable(Messages messages, DisplayNames teams) {
		this.messages = messages;
		this.teams = teams;
	}

	String html(String league, String season, List<StandingRow> rows, Locale locale) {
		StringBuilder text = new StringBuilder(messages.get(locale, "table.title.html", Html.escape(league), season));
		if (rows.isEmpty()) {
			return text.append("\n\n").append(Html.escape(messages.get(locale, "table.empty"))).toString();
		}
		boolean groups = rows.stream().map(StandingRow::group).distinct().count() > 1;
		text.append("\n<pre>").append(Html.escape(String.format(Locale.ROOT, ROW.replace('d', 's'), "#",
				messages.get(locale, "table.column.team"), messages.get(locale, "table.column.played"),
				messages.get(locale, "table.column.difference"), messages.get(locale, "table.column.points")))).append('\n');
		String group = null;
		for (int i = 0; i < rows.size(); i++) {
			StandingRow row = rows.get(i);
			if (groups && (i == 0 || !Objects.equals(group, row.group()))) {
				group = row.group();
				text.append(Html.escape(group == null ? "" : group)).append('\n');
			}
			String name = teams.display(row.team().name(), NAME);
			String difference = (row.goalsDiff() > 0 ? "+" : "") + row.goalsDiff();
			text.append(Html.escape(String.format(Locale.ROOT, ROW, row.rank(), name, row.played(), difference,
					row.points()))).append('\n');
		}
		return text.append("</pre>").append(messages.get(locale, "table.legend")).toString();
	}
}
