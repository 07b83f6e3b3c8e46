package io.analytips.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@code DEMO_DATE} and {@code DEMO_SPEED}: where the clock starts and how fast it runs. */
class ClockPropertiesTest {

	private final MutableClock base = new MutableClock(); // reads 2026-11-23T12:00:00Z

	@Test
	void readsABareDateAsNoonUtcAndAnInstantAsItIs() {
		assertThat(new ClockProperties("2026-07-10", null).clock(base).instant())
			.isEqualTo(Instant.parse("2026-07-10T12:00:00Z"));
		assertThat(new ClockProperties(" 2026-07-10T15:00:00Z ", null).clock(base).instant())
			.isEqualTo(Instant.parse("2026-07-10T15:00:00Z"));
	}

	@Test
	void runsAtTheMachinesPaceUnlessASpeedIsGiven() {
		ClockProperties properties = new ClockProperties("2026-07-10", null);
		assertThat(properties.speed()).isEqualTo(1.0);
		Clock clock = properties.clock(base);
		base.advance(Duration.ofSeconds(30));
		assertThat(clock.instant()).isEqualTo(Instant.parse("2026-07-10T12:00:30Z"));
	}

	@Test
	void runsSpeedTimesFasterFromItsStart() {
		Clock clock = new ClockProperties("2026-07-10", 60.0).clock(base);
		assertThat(clock.instant()).isEqualTo(Instant.parse("2026-07-10T12:00:00Z"));
		base.advance(Duration.ofSeconds(105)); // a match's 105 minutes, kick-off to full time
		assertThat(clock.instant()).isEqualTo(Instant.parse("2026-07-10T13:45:00Z"));
	}

	@Test
	void withoutAStartRunsFasterFromNow() {
		Clock clock = new ClockProperties("", 3600.0).clock(base);
		assertThat(clock.instant()).isEqualTo(base.instant());
		base.advance(Duration.ofSeconds(1));
		assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-23T13:00:00Z"));
	}

	@Test
	void withoutAStartOrASpeedIsTheMachinesClock() {
		assertThat(new ClockProperties(null, null).clock(base)).isSameAs(base);
		assertThat(new ClockProperties(" ", 1.0).clock(base)).isSameAs(base);
	}

	@Test
	void acceptsEverySpeedFromOneTo3600() {
		assertThat(new ClockProperties(null, 1.0).speed()).isEqualTo(1.0);
		assertThat(new ClockProperties(null, 2.5).speed()).isEqualTo(2.5);
		assertThat(new ClockProperties(null, 3600.0).speed()).isEqualTo(3600.0);
	}

	@Test
	void refusesASpeedOutsideOneTo3600NamingDemoSpeed() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClockProperties(null, 0.0))
			.withMessage("DEMO_SPEED must be a number from 1 to 3600, like 60 for a simulated minute every second (was 0)");
		assertThatIllegalArgumentException().isThrownBy(() -> new ClockProperties(null, 0.5))
			.withMessageEndingWith("(was 0.5)");
		assertThatIllegalArgumentException().isThrownBy(() -> new ClockProperties(null, 3601.0))
			.withMessageEndingWith("(was 3601)");
		assertThatIllegalArgumentException().isThrownBy(() -> new ClockProperties(null, -60.0))
			.withMessageEndingWith("(was -60)");
		assertThatIllegalArgumentException().isThrownBy(() -> new ClockProperties(null, Double.NaN))
			.withMessageStartingWith("DEMO_SPEED must be a number from 1 to 3600")
			.withMessageEndingWith("(was NaN)");
	}

	@Test
	void refusesADemoDateThatIsNoDateNamingDemoDate() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClockProperties("2026-13-45", 60.0))
			.withMessage("DEMO_DATE must be a date like 2026-07-10 (was 2026-13-45)");
	}
}
