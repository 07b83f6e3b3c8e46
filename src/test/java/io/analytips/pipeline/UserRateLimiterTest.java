package io.analytips.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.analytips.common.MutableClock;
import io.analytips.pipeline.UserRateLimiter.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserRateLimiterTest {

	private final MutableClock clock = new MutableClock();

	private final UserRateLimiter limiter = new UserRateLimiter(10, Duration.ofSeconds(60), clock);

	@Test
	void twentyFiveCommandsInTenSecondsGiveTenHandledOneNoticeAndFourteenSilent() {
		List<Verdict> verdicts = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			verdicts.add(limiter.acquire(42).verdict());
			clock.advance(Duration.ofMillis(400));
		}
		assertThat(verdicts.stream().filter(v -> v == Verdict.ALLOWED)).hasSize(10);
		assertThat(verdicts.stream().filter(v -> v == Verdict.LIMITED_NOTIFY)).hasSize(1);
		assertThat(verdicts.stream().filter(v -> v == Verdict.LIMITED_SILENT)).hasSize(14);
		assertThat(verdicts.get(10)).isEqualTo(Verdict.LIMITED_NOTIFY);
	}

	@Test
	void theWindowSlides() {
		for (int i = 0; i < 10; i++) {
			assertThat(limiter.acquire(1).allowed()).isTrue();
			clock.advance(Duration.ofSeconds(5)); // accepted at 0, 5, ..., 45 s
		}
		assertThat(limiter.acquire(1).retryIn()).isEqualTo(Duration.ofSeconds(10)); // at 50 s; the first expires at 60 s
		clock.advance(Duration.ofSeconds(10));
		assertThat(limiter.acquire(1).allowed()).isTrue(); // at 60 s: the one from 0 s has left the window
		assertThat(limiter.acquire(1).allowed()).isFalse();
	}

	@Test
	void refusedAttemptsDoNotExtendTheLockout() {
		for (int i = 0; i < 10; i++) {
			limiter.acquire(1);
		}
		for (int i = 0; i < 50; i++) {
			assertThat(limiter.acquire(1).allowed()).isFalse();
		}
		clock.advance(Duration.ofSeconds(60));
		assertThat(limiter.acquire(1).allowed()).isTrue();
	}

	@Test
	void noticesAgainInTheNextWindow() {
		for (int i = 0; i < 10; i++) {
			limiter.acquire(1);
		}
		assertThat(limiter.acquire(1).verdict()).isEqualTo(Verdict.LIMITED_NOTIFY);
		clock.advance(Duration.ofSeconds(30));
		assertThat(limiter.acquire(1).verdict()).isEqualTo(Verdict.LIMITED_SILENT);
		clock.advance(Duration.ofSeconds(31));
		for (int i = 0; i < 10; i++) {
			limiter.acquire(1);
		}
		assertThat(limiter.acquire(1).verdict()).isEqualTo(Verdict.LIMITED_NOTIFY);
	}

	@Test
	void usersAreLimitedIndependentlyAndForgottenWhenIdle() {
		for (long user = 0; user < 1000; user++) {
			assertThat(limiter.acquire(user).allowed()).isTrue();
		}
		assertThat(limiter.trackedUsers()).isEqualTo(1000);
		clock.advance(Duration.ofSeconds(61));
		assertThat(limiter.trackedUsers()).isZero();
	}
}
