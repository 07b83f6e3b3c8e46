package io.analytips.common;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Capped exponential backoff: doubling from the first wait, jittered within its bounds, never above the cap. */
class BackoffTest {

	@Test
	void doublesFromTheFirstWaitUpToTheCap() {
		Backoff exact = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0, 0);
		assertThat(exact.delay(0)).isEqualTo(Duration.ofSeconds(1));
		assertThat(exact.delay(1)).isEqualTo(Duration.ofSeconds(2));
		assertThat(exact.delay(4)).isEqualTo(Duration.ofSeconds(16));
		assertThat(exact.delay(5)).isEqualTo(Duration.ofSeconds(30));
		assertThat(exact.delay(1_000)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void jittersWithinItsBoundsAndNeverAboveTheCap() {
		Backoff both = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.1, 0.1);
		Backoff upOnly = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0, 0.1);
		for (int i = 0; i < 1_000; i++) {
			assertThat(both.delay(2).toMillis()).isBetween(3_600L, 4_400L);
			assertThat(upOnly.delay(2).toMillis()).isBetween(4_000L, 4_400L);
			assertThat(both.delay(10)).isLessThanOrEqualTo(Duration.ofSeconds(30));
		}
	}
}
