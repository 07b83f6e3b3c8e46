package io.analytips.football.sim.data;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FootballDataTimeTest {

	@Test
	void readsFourAndTwoDigitYears() {
		assertThat(FootballDataTime.date("16/08/2024")).isEqualTo(LocalDate.of(2024, 8, 16));
		assertThat(FootballDataTime.date("17/08/13")).isEqualTo(LocalDate.of(2013, 8, 17));
	}

	@Test
	void subtractsAnHourInBritishSummerTime() {
		assertThat(FootballDataTime.kickoffUtc("16/08/2024", "20:00")).isEqualTo(LocalDateTime.of(2024, 8, 16, 19, 0));
	}

	@Test
	void keepsTheTimeInGreenwichMeanTime() {
		assertThat(FootballDataTime.kickoffUtc("26/12/2023", "12:30"))
			.isEqualTo(LocalDateTime.of(2023, 12, 26, 12, 30));
	}

	@Test
	void movesAKickoffJustAfterUkMidnightBackToThePreviousUtcDay() {
		assertThat(FootballDataTime.kickoffUtc("02/07/2022", "00:30")).isEqualTo(LocalDateTime.of(2022, 7, 1, 23, 30));
	}

	@Test
	void assumesThreeOClockWhenTheTimeIsMissing() {
		assertThat(FootballDataTime.kickoffUtc("17/08/13", null)).isEqualTo(LocalDateTime.of(2013, 8, 17, 14, 0));
	}
}
