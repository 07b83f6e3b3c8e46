package io.analytips.pipeline.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.analytips.common.MutableClock;
import io.analytips.pipeline.intake.UserRateLimiter.Decision;
import io.analytips.pipeline.intake.UserRateLimiter.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-user token bucket on a clock the test moves: ten at once, then one every six seconds. */
class UserRateLimiterTest {

	private final MutableClock clock = new MutableClock();

	private final UserRateLimiter limiter = new UserRateLimiter(10, Duration.ofSeconds(60), clock);

	private void spend(long user, int updates) {
		for (int i = 0; i < updates; i++) {
			assertThat(limiter.acquire(user).allowed()).as("update %d", i).isTrue();
		}
	}

	@Test
	void twentyFiveCommandsInTenSecondsGiveElevenHandledTwoNoticesAndTwelveSilent() {
		List<Verdict> verdicts = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			verdicts.add(limiter.acquire(42).verdict());
			clock.advance(Duration.ofMillis(400));
		}
		// Ten at once; the eleventh (4.0 s) is told 2 s, as the first token comes back at 6.0 s; the update at 6.0 s
		// is admitted, and the next is told again (6 s).
		assertThat(verdicts.subList(0, 10)).containsOnly(Verdict.ALLOWED);
		assertThat(verdicts.get(10)).isEqualTo(Verdict.LIMITED_NOTIFY);
		assertThat(verdicts.subList(11, 15)).containsOnly(Verdict.LIMITED_SILENT);
		assertThat(verdicts.get(15)).isEqualTo(Verdict.ALLOWED);
		assertThat(verdicts.get(16)).isEqualTo(Verdict.LIMITED_NOTIFY);
		assertThat(verdicts.subList(17, 25)).containsOnly(Verdict.LIMITED_SILENT);
	}

	@Test
	void aBurstOfTheLimitThenOneEveryWindowOverTheLimit() {
		spend(1, 10);
		assertThat(limiter.acquire(1).retryIn()).isEqualTo(Duration.ofSeconds(6));
		for (int i = 0; i < 5; i++) {
			clock.advance(Duration.ofSeconds(6));
			assertThat(limiter.acquire(1).allowed()).isTrue();
			assertThat(limiter.acquire(1).allowed()).isFalse();
		}
	}

	@Test
	void whoWaitsTheAnnouncedTimeIsAdmitted() {
		// A quick fan: a press every 700 ms. Whenever refused, waiting exactly what was said is enough.
		int refused = 0;
		for (int i = 0; i < 200; i++) {
			Decision decision = limiter.acquire(1);
			if (!decision.allowed()) {
				refused++;
				assertThat(decision.retryIn()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(6));
				assertThat(decision.retryIn().toNanos() % 1_000_000_000L).as("whole seconds").isZero();
				clock.advance(decision.retryIn());
				assertThat(limiter.acquire(1).allowed()).as("after waiting %s", decision.retryIn()).isTrue();
			}
			clock.advance(Duration.ofMillis(700));
		}
		assertThat(refused).isGreaterThan(10);
	}

	@Test
	void theWaitIsRoundedUpToAWholeSecond() {
		spend(1, 10);
		clock.advance(Duration.ofMillis(4_500)); // the next token comes at 6 s: 1.5 s from now
		assertThat(limiter.acquire(1).retryIn()).isEqualTo(Duration.ofSeconds(2));
		clock.advance(Duration.ofMillis(1_400));
		assertThat(limiter.acquire(1).retryIn()).isEqualTo(Duration.ofSeconds(1)); // 100 ms, never "0 s"
		clock.advance(Duration.ofMillis(100));
		assertThat(limiter.acquire(1).allowed()).isTrue();
	}

	@Test
	void aRefusalAfterTheAnnouncedWaitIsAnnouncedAgain() {
		spend(1, 10);
		Decision first = limiter.acquire(1);
		assertThat(first.verdict()).isEqualTo(Verdict.LIMITED_NOTIFY);
		assertThat(first.retryIn()).isEqualTo(Duration.ofSeconds(6));
		clock.advance(Duration.ofSeconds(3));
		assertThat(limiter.acquire(1).verdict()).as("inside the 6 s announced").isEqualTo(Verdict.LIMITED_SILENT);
		clock.advance(Duration.ofSeconds(3));
		assertThat(limiter.acquire(1).allowed()).as("after the 6 s announced").isTrue();
		Decision again = limiter.acquire(1);
		assertThat(again.verdict()).as("the wait they knew of is over: told again").isEqualTo(Verdict.LIMITED_NOTIFY);
		assertThat(again.retryIn()).isEqualTo(Duration.ofSeconds(6));
	}

	@Test
	void aUserWhoComesBackAfterTheWaitAndIsStillLimitedIsToldAgain() {
		UserRateLimiter slow = new UserRateLimiter(1, Duration.ofSeconds(3), clock);
		assertThat(slow.acquire(1).allowed()).isTrue();
		clock.advance(Duration.ofMillis(500));
		Decision told = slow.acquire(1);
		assertThat(told.verdict()).isEqualTo(Verdict.LIMITED_NOTIFY);
		assertThat(told.retryIn()).isEqualTo(Duration.ofSeconds(3)); // 2.5 s, rounded up
		clock.advance(Duration.ofMillis(2_600));
		assertThat(slow.acquire(1).allowed()).isTrue(); // a press that came in between took the token
		clock.advance(Duration.ofMillis(900));
		// 4 s after being told "3 s" and refused: the announced wait is over, so silence would be unexplained.
		Decision again = slow.acquire(1);
		assertThat(again.verdict()).isEqualTo(Verdict.LIMITED_NOTIFY);
		assertThat(again.retryIn()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void refusedAttemptsDoNotExtendTheLockout() {
		spend(1, 10);
		for (int i = 0; i < 50; i++) {
			assertThat(limiter.acquire(1).allowed()).isFalse();
		}
		clock.advance(Duration.ofSeconds(6));
		assertThat(limiter.acquire(1).allowed()).isTrue();
		clock.advance(Duration.ofSeconds(60));
		spend(1, 10);
	}

	@Test
	void aFloodGetsAtMostTwiceTheLimitInAnyWindowAndOneNoticePerAnnouncedWait() {
		List<Long> admitted = new ArrayList<>();
		int notices = 0;
		for (long at = 0; at < 600_000; at += 50) { // 20 a second for ten minutes
			Decision decision = limiter.acquire(1);
			if (decision.allowed()) {
				admitted.add(at);
			}
			else if (decision.verdict() == Verdict.LIMITED_NOTIFY) {
				notices++;
			}
			clock.advance(Duration.ofMillis(50));
		}
		assertThat(admitted).hasSize(10 + 99); // ten at once, then one every 6 s (at 6, 12, …, 594 s)
		for (int i = 0; i < admitted.size(); i++) {
			long from = admitted.get(i);
			assertThat(admitted.stream().filter(at -> at >= from && at < from + 60_000)).hasSizeLessThanOrEqualTo(20);
		}
		assertThat(notices).isLessThanOrEqualTo(admitted.size());
	}

	@Test
	void usersAreLimitedIndependentlyAndForgottenOnceTheirBucketIsFullAgain() {
		for (long user = 0; user < 1000; user++) {
			assertThat(limiter.acquire(user).allowed()).isTrue();
		}
		assertThat(limiter.trackedUsers()).isEqualTo(1000);
		clock.advance(Duration.ofSeconds(5)); // the token spent is not back yet
		assertThat(limiter.trackedUsers()).isEqualTo(1000);
		clock.advance(Duration.ofSeconds(8));
		assertThat(limiter.trackedUsers()).isZero();
	}

	@Test
	void aUserForgottenAndSeenAgainIsLimitedAsIfRemembered() {
		spend(1, 10);
		assertThat(limiter.acquire(1).verdict()).isEqualTo(Verdict.LIMITED_NOTIFY);
		clock.advance(Duration.ofSeconds(30));
		assertThat(limiter.trackedUsers()).as("half refilled: still remembered").isEqualTo(1);
		spend(1, 5);
		assertThat(limiter.acquire(1).allowed()).isFalse();
		clock.advance(Duration.ofMinutes(5));
		assertThat(limiter.trackedUsers()).isZero();
		spend(1, 10);
		assertThat(limiter.acquire(1).verdict()).isEqualTo(Verdict.LIMITED_NOTIFY);
	}

	@Test
	void refusesANonPositiveLimitOrWindow() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new UserRateLimiter(0, Duration.ofSeconds(60), clock));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new UserRateLimiter(10, Duration.ZERO, clock));
	}
}
