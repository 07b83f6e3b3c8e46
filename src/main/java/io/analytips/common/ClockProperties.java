package io.analytips.common;

import java.math.BigDecimal;
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
 * @param speed how many times faster than the machine's the clock runs, from 1 (the default, also
 *        when blank) to {@value #MAX_SPEED}: {@code DEMO_SPEED} in the demo, where 60 plays a
 *        match in under two minutes
 */
@ConfigurationProperties("analytips.clock")
public record ClockProperties(String start, Double speed) {

	/** An hour a second: a day of matches in under half a minute, still slow enough to see each one. */
	static final int MAX_SPEED = 3600;

	public ClockProperties {
		if (start != null && !start.isBlank()) {
			parse(start); // fails the start with a message naming the setting
		}
		speed = speed == null ? 1.0 : speed;
		if (!(speed >= 1 && speed <= MAX_SPEED)) { // NaN included
			throw new IllegalArgumentException("DEMO_SPEED must be a number from 1 to " + MAX_SPEED
					+ ", like 60 for a simulated minute every second (was " + plain(speed) + ")");
		}
	}

	/**
	 * The clock these settings describe: the machine's, or one reading {@code start} (or the
	 * machine's time) now and running {@code speed} times faster.
	 */
	public Clock clock() {
		return clock(Clocks.system());
	}

	/** {@link #clock()} over another clock than the machine's (tests move theirs by hand). */
	Clock clock(Clock base) {
		boolean fromNow = start == null || start.isBlank();
		if (fromNow && speed == 1) {
			return base;
		}
		return Clocks.startingAt(fromNow ? base.instant() : parse(start), speed, base);
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

	/** 0 rather than 0.0, 7200 rather than 7200.0: the number as the user would have typed it. */
	private static String plain(double speed) {
		return Double.isFinite(speed) ? BigDecimal.valueOf(speed).stripTrailingZeros().toPlainString()
				: String.valueOf(speed);
	}
}
