package io.analytips.football.sim.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Dates and kick-off times as football-data.co.uk writes them: day first, and in UK local time, Brazil included. */
final class FootballDataTime {

	private static final ZoneId UK = ZoneId.of("Europe/London");

	/** Older files have no time column; 15:00 is the traditional Saturday kick-off. */
	static final LocalTime DEFAULT_KICKOFF = LocalTime.of(15, 0);

	private static final DateTimeFormatter FOUR_DIGIT_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** Two-digit years fall in 2000–2099, which covers every season since football-data began using them. */
	private static final DateTimeFormatter TWO_DIGIT_YEAR = DateTimeFormatter.ofPattern("dd/MM/yy");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

	private FootballDataTime() {
	}

	/**
	 * A {@code dd/mm/yy} or {@code dd/mm/yyyy} date.
	 *
	 * @throws DateTimeParseException if it is neither
	 */
	static LocalDate date(String text) {
		return LocalDate.parse(text, text.length() == 8 ? TWO_DIGIT_YEAR : FOUR_DIGIT_YEAR);
	}

	/** The UTC kick-off of a match dated {@code date} at UK local {@code time} ({@code null}: 15:00). */
	static LocalDateTime kickoffUtc(String date, String time) {
		LocalTime local = time == null ? DEFAULT_KICKOFF : LocalTime.parse(time, TIME);
		return date(date).atTime(local).atZone(UK).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
	}

	/** The date in {@code column} of {@code row}; fails naming the file and record if it is blank or malformed. */
	static LocalDate date(CsvRow row, String column) {
		String text = row.required(column);
		try {
			return date(text);
		}
		catch (DateTimeParseException ex) {
			throw row.malformed(column, "is not a dd/mm/yy(yy) date: " + text);
		}
	}

	/** The UTC kick-off from {@code row}'s date and optional time columns; fails naming the file and record. */
	static LocalDateTime kickoffUtc(CsvRow row, String dateColumn, String timeColumn) {
		String date = row.required(dateColumn);
		String time = row.text(timeColumn);
		try {
			return kickoffUtc(date, time);
		}
		catch (DateTimeParseException ex) {
			throw row.malformed(dateColumn + "/" + timeColumn, "is not a date and time: " + date + " " + time);
		}
	}
}
