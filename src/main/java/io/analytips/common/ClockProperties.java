package io.analytips.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application's time source ({@code analytips.clock.*}).
 *
 * @param start blank for the machine's clock; otherwise a date ({@code 2026-07-10}, read as noon
 *        UTC) or an instant ({@code 2026-07-10T15:00:00Z}) the clock starts at and runs on from:
 *        {@code DEMO_DATE} in the demo, and tests that need a known "today"
 */
@ConfigurationProperties("analytips.clock")
public record ClockProperties(String start) {

	public ClockProperties {
		if (start != null && !start.isBlank()) {
			parse(start); // fails the start with a message naming the setting
		}
	}

	/** The clock these settings describe. */
	public Clock clock() {
		return start == null || start.isBlank() ? Clocks.system() : Clocks.startingAt(parse(start));
	}

	private static Instant parse(String start) {
		String value = start.strip();
		try {
			return value.length() == 10 ? LocalDate.parse(value).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC)
					: Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("DEMO_DATE must be a date like 2026-07-10 (was " + value + ")", ex);
		}
	}
}
