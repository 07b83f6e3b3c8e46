package io.analytips.bot;

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
}
