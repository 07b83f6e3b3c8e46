package io.analytips.football.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.analytips.common.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The daily quota's reserve: the last requests are kept, not burnt, and calls resume at 00:00 UTC. */
class QuotaTest {

	private final MutableClock clock = new MutableClock(); // 2026-11-23T12:00:00Z

	private final Quota quota = new Quota(clock, 5);

	private static RawResponse remaining(long requests) {
		return new RawResponse(200, Map.of("x-ratelimit-requests-limit", "100", "x-ratelimit-requests-remaining",
				Long.toString(requests), "X-RateLimit-Limit", "10", "X-RateLimit-Remaining", "9"),
				"{}".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void callsGoOnWhileMoreThanTheReserveIsLeft() {
		quota.record(remaining(6));
		assertThatNoException().isThrownBy(quota::check);
		assertThat(quota.status().dailyRemaining()).isEqualTo(6);
		assertThat(quota.status().exhaustedUntil()).isNull();
	}

	@Test
	void stopsCallsWhenOnlyTheReserveIsLeftUntilTheDailyReset() {
		quota.record(remaining(5));

		assertThat(quota.status().exhaustedUntil()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
		assertThatThrownBy(quota::check).isInstanceOfSatisfying(ApiFootballException.class,
				error -> assertThat(error.kind()).isEqualTo(ApiFootballException.Kind.QUOTA_EXHAUSTED));

		clock.advance(Duration.ofHours(11).plusMinutes(59));
		assertThatThrownBy(quota::check).isInstanceOf(ApiFootballException.class);
		clock.advance(Duration.ofMinutes(1));
		assertThatNoException().isThrownBy(quota::check);
		assertThat(quota.status().exhaustedUntil()).isNull();
	}

	@Test
	void anAnswerWithoutHeadersKeepsWhatWasKnown() {
		quota.record(remaining(40));
		quota.record(new RawResponse(200, Map.of(), "{}".getBytes(StandardCharsets.UTF_8)));
		assertThat(quota.status().dailyRemaining()).isEqualTo(40);
		assertThat(quota.status().dailyLimit()).isEqualTo(100);
	}
}
