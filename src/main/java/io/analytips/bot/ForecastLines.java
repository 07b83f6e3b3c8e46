package io.analytips.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A forecast in three plain lines (escape them for HTML): the 1X2, over/under 2.5 goals when known, and the model's
 * verdict (the favourite, the draw, or an even game). What an alert before kick-off says, and an analysis
 * picture's caption.
 */
final class ForecastLines {

	private final Messages messages;

	ForecastLines(Messages messages) {
		this.messages = messages;
	}

	/** {@code over25} null: no goals line. {@code home} and {@code away} are the names fans write. */
	List<String> lines(Locale locale, String home, String away, double homeWin, double draw, double awayWin, Double over25) {
		List<String> lines = new ArrayList<>();
		String[] result = Format.percents(locale, homeWin, draw, awayWin);
		lines.add(messages.get(locale, "alert.forecast.result", home, result[0], result[1], away, result[2]));
		if (over25 != null) {
			String[] goals = Format.percents(locale, over25, 1 - over25);
			lines.add(messages.get(locale, "alert.forecast.goals", goals[0], goals[1]));
		}
		lines.add(verdict(locale, home, away, homeWin, draw, awayWin));
		return lines;
	}

	/** One plain line: the favourite, the draw, or an even game. */
	private String verdict(Locale locale, String home, String away, double homeWin, double draw, double awayWin) {
		double best = Math.max(homeWin, Math.max(draw, awayWin));
		if (best == draw) {
			return messages.get(locale, "alert.forecast.draw");
		}
		if (best < 0.5) {
			return messages.get(locale, "alert.forecast.open");
		}
		return messages.get(locale, "alert.forecast.favourite", best == homeWin ? home : away);
	}
}
