package io.analytips.telegram;

import java.net.URI;
import java.time.Duration;

import io.analytips.common.MutableClock;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** What flood control remembers about chats, and for how long: memory stays bounded by the chats active lately. */
class FloodControlTest {

	private final MutableClock clock = new MutableClock();

	private final FloodControl flood = new FloodControl(new TelegramProperties("t", URI.create("http://unused"),
			TelegramProperties.Mode.POLLING, null, null, Duration.ofSeconds(1), 100, Duration.ofSeconds(5),
			Duration.ofSeconds(1), 30, 3, 20, 100), clock);

	@Test
	void forgetsAChatIdleForTenMinutes() {
		StepVerifier.create(flood.awaitTurn(1L, true)).verifyComplete();
		StepVerifier.create(flood.awaitTurn(-100L, true)).verifyComplete();
		assertThat(flood.trackedChats()).isEqualTo(2);

		clock.advance(Duration.ofMinutes(9));
		StepVerifier.create(flood.awaitTurn(1L, true)).verifyComplete();
		clock.advance(Duration.ofMinutes(2));

		assertThat(flood.trackedChats()).isEqualTo(1); // the group was idle for 11 minutes, chat 1 for 2
		clock.advance(Duration.ofMinutes(10));
		assertThat(flood.trackedChats()).isZero();
	}

	@Test
	void aMessageCancelledBeforeItsTurnGivesItsPlaceBack() {
		for (int i = 0; i < 3; i++) { // the chat's burst
			StepVerifier.create(flood.awaitTurn(1L, true)).verifyComplete();
		}
		StepVerifier.withVirtualTime(() -> flood.awaitTurn(1L, true)) // waits a second for its turn...
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(500))
			.thenCancel() // ...and is cancelled
			.verify();
		// the next one waits for one place, not two
		StepVerifier.withVirtualTime(() -> flood.awaitTurn(1L, true))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(999))
			.thenAwait(Duration.ofMillis(1))
			.verifyComplete();
	}

	@Test
	void aPauseEndsWhenItsRetryAfterHasPassed() {
		flood.pause(1L, Duration.ofSeconds(30));
		assertThat(flood.pausedChats()).isEqualTo(1);
		assertThat(flood.globalPaused()).isFalse();

		clock.advance(Duration.ofSeconds(30));
		assertThat(flood.pausedChats()).isZero();
	}

	@Test
	void threeChatsLimitedWithinASecondPauseEverythingUntilTheLastRetryAfter() {
		flood.pause(1L, Duration.ofSeconds(5));
		flood.pause(2L, Duration.ofSeconds(5));
		assertThat(flood.globalPaused()).isFalse();
		flood.pause(3L, Duration.ofSeconds(7));
		assertThat(flood.globalPaused()).isTrue();

		clock.advance(Duration.ofSeconds(7));
		assertThat(flood.globalPaused()).isFalse();
	}
}
