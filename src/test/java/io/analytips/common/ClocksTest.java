package io.analytips.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Clocks that start on a chosen instant, measured against a base clock the test moves by hand. */
class ClocksTest {

	private static final Instant START = Instant.parse("2026-07-10T12:00:00Z");

	private final MutableClock base = new MutableClock();

	@Test
	void readsItsStartUntilItsBaseMoves() {
		Clock clock = Clocks.startingAt(START, 60, base);
		assertThat(clock.instant()).isEqualTo(START);
		assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
	}

	@Test
	void atSpeedSixtyMovesAMinuteForEachSecondOfItsBase() {
		Clock clock = Clocks.startingAt(START, 60, base);
		base.advance(Duration.ofSeconds(1));
		assertThat(clock.instant()).isEqualTo(START.plusSeconds(60));
		base.advance(Duration.ofMillis(1500));
		assertThat(clock.instant()).isEqualTo(START.plusSeconds(150));
	}

	@Test
	void atAFractionalSpeedKeepsMicroseconds() {
		Clock clock = Clocks.startingAt(START, 1.5, base);
		base.advance(Duration.ofSeconds(2));
		assertThat(clock.instant()).isEqualTo(START.plusSeconds(3));
		base.advance(Duration.ofMillis(1));
		assertThat(clock.instant()).isEqualTo(START.plusSeconds(3).plusNanos(1_500_000));
	}

	@Test
	void atTheHighestSpeedRunsForYearsWithoutOverflowing() {
		Clock clock = Clocks.startingAt(START, 3600.5, base);
		base.advance(Duration.ofDays(365 * 10));
		assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(365 * 10).multipliedBy(3600))
			.plus(Duration.ofDays(365 * 10).dividedBy(2)));
	}

	@Test
	void atSpeedOneKeepsItsBasesPace() {
		Clock clock = Clocks.startingAt(START, 1, base);
		assertThat(clock.instant()).isEqualTo(START);
		base.advance(Duration.ofSeconds(10));
		assertThat(clock.instant()).isEqualTo(START.plusSeconds(10));
	}

	@Test
	void inAnotherZoneReadsTheSameInstantAndKeepsThePace() {
		Clock clock = Clocks.startingAt(START, 60, base);
		Clock brasilia = clock.withZone(ZoneId.of("America/Sao_Paulo"));
		base.advance(Duration.ofSeconds(2));
		assertThat(brasilia.getZone()).isEqualTo(ZoneId.of("America/Sao_Paulo"));
		assertThat(brasilia.instant()).isEqualTo(clock.instant()).isEqualTo(START.plusSeconds(120));
	}

	@Test
	void refusesASpeedThatIsNotPositive() {
		for (double speed : new double[] { 0, -1, Double.NaN, Double.POSITIVE_INFINITY }) {
			assertThatIllegalArgumentException().as("speed %s", speed)
				.isThrownBy(() -> Clocks.startingAt(START, speed, base))
				.withMessageContaining("speed must be a positive number");
		}
	}
}
