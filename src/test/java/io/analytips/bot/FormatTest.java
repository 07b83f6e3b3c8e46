package io.analytips.bot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import io.analytips.pipeline.UpdateContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers and times as a reader of each language expects them. */
class FormatTest {

	private static final Locale PORTUGUESE = UpdateContext.DEFAULT_LOCALE;

	private final Messages messages = new Messages();

	@Test
	void probabilitiesOfOneMarketAddUpToAHundredByLargestRemainder() {
		// rounded one by one: 47 + 28 + 24 = 99
		assertThat(Format.percents(PORTUGUESE, 0.474, 0.284, 0.242)).containsExactly("48%", "28%", "24%");
		// rounded one by one: 54 + 47 = 101; a tie goes to the first
		assertThat(Format.percents(PORTUGUESE, 0.535, 0.465)).containsExactly("54%", "46%");
		assertThat(Format.percents(Locale.ENGLISH, 1.0 / 3, 1.0 / 3, 1.0 / 3)).containsExactly("34%", "33%", "33%");
		assertThat(Format.percents(PORTUGUESE, 0.0, 1.0)).containsExactly("0%", "100%");
	}

	@Test
	void probabilitiesThatDoNotMakeAWholeAreScaledToOne() {
		assertThat(Format.percents(PORTUGUESE, 0.2, 0.2)).containsExactly("50%", "50%");
		assertThat(Format.percents(PORTUGUESE, 0.0, 0.0)).containsExactly("0%", "0%");
	}

	@Test
	void aKickOffInADaysListShowsItsDateWhenItFallsOnAnotherDayInTheReadersZone() {
		Instant evening = Instant.parse("2026-12-07T00:30:00Z"); // 21:30 of the 6th in Brasília
		LocalDate sixth = LocalDate.of(2026, 12, 6);
		assertThat(Format.timeOn(evening, ZoneId.of("America/Sao_Paulo"), sixth)).isEqualTo("21:30");
		assertThat(Format.timeOn(evening, ZoneId.of("Europe/London"), sixth)).isEqualTo("07/12 00:30");
	}

	private String age(Duration age, Locale locale) {
		return Format.age(age, messages, locale);
	}

	@Test
	void anAgeUnderAMinuteIsMomentsNotOneMinute() {
		assertThat(age(Duration.ZERO, UpdateContext.DEFAULT_LOCALE)).isEqualTo("instantes");
		assertThat(age(Duration.ofSeconds(59), UpdateContext.DEFAULT_LOCALE)).isEqualTo("instantes");
		assertThat(age(Duration.ofSeconds(59), Locale.ENGLISH)).isEqualTo("moments");
		assertThat(age(Duration.ofSeconds(60), UpdateContext.DEFAULT_LOCALE)).isEqualTo("1 min");
	}

	@Test
	void anAgeIsToldInTheLargestUnitThatIsAtLeastOne() {
		assertThat(age(Duration.ofMinutes(119), Locale.ENGLISH)).isEqualTo("119 min");
		assertThat(age(Duration.ofMinutes(120), Locale.ENGLISH)).isEqualTo("2 h");
		assertThat(age(Duration.ofHours(47), Locale.ENGLISH)).isEqualTo("47 h");
		assertThat(age(Duration.ofHours(48), UpdateContext.DEFAULT_LOCALE)).isEqualTo("2 dias");
	}
}
