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
			Duration.ofSeconds(1), 30, 3, 20, 100, false, 1000), clock);

	@Test
	void forgetsAChatOnceItsBucketIsFullAgainSoMemoryFollowsTheChatsActiveInTheLastSeconds() {
		StepVerifier.create(flood.awaitTurn(1L, true)).verifyComplete();
		StepVerifier.create(flood.awaitTurn(-100L, true)).verifyComplete();
		assertThat(flood.trackedChats()).isEqualTo(2);

		clock.advance(Duration.ofSeconds(3)); // a private chat refills at 1/s: one taken, one more counted, a second spare
		assertThat(flood.trackedChats()).isEqualTo(1);
		clock.advance(Duration.ofSeconds(4)); // a group's bucket is full again, but its send stays in its minute
		assertThat(flood.trackedChats()).isEqualTo(1);
		clock.advance(Duration.ofSeconds(55)); // the minute after its send (and a second) is over
		assertThat(flood.trackedChats()).isZero();
	}

	@Test
	void theTwentyFirstMessageToASupergroupWithinAMinuteWaitsUntilTheFirstIsAMinuteOld() {
		long supergroup = -1001234567890L;
		twentyInAMinute(supergroup);
		clock.advance(Duration.ofSeconds(1)); // 58 s after the first: the bucket has tokens, the minute has none
		StepVerifier.withVirtualTime(() -> flood.awaitTurn(supergroup, true))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(1999))
			.thenAwait(Duration.ofMillis(1))
			.verifyComplete();
	}

	@Test
	void aGroupsBurstCountsInItsMinute() {
		long group = -42L;
		for (int i = 0; i < 3; i++) { // the burst, at once
			StepVerifier.create(flood.awaitTurn(group, true)).verifyComplete();
		}
		clock.advance(Duration.ofSeconds(3));
		for (int i = 0; i < 17; i++) { // then one every 3 s: 20 sent by 51 s
			StepVerifier.create(flood.awaitTurn(group, true)).verifyComplete();
			clock.advance(Duration.ofSeconds(3));
		}
		// 54 s: the bucket would let a 21st go, the minute since the burst would not for another 6 s
		StepVerifier.withVirtualTime(() -> flood.awaitTurn(group, true))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(5999))
			.thenAwait(Duration.ofMillis(1))
			.verifyComplete();
	}

	@Test
	void aPrivateChatHasNoMinuteLimit() {
		for (int i = 0; i < 30; i++) { // one a second, 30 in 30 s
			StepVerifier.create(flood.awaitTurn(7L, true)).verifyComplete();
			clock.advance(Duration.ofSeconds(1));
		}
	}

	@Test
	void aGroupMessageCancelledBeforeItsTurnGivesItsPlaceInTheMinuteBack() {
		long group = -42L;
		twentyInAMinute(group);
		clock.advance(Duration.ofSeconds(1));
		// at 58 s a 21st waits for 60 s, is cancelled, and gives its place back
		StepVerifier.withVirtualTime(() -> flood.awaitTurn(group, true))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(500))
			.thenCancel()
			.verify();
		clock.advance(Duration.ofSeconds(2));
		// at 60 s the first has left the minute: the next goes at once (kept, the cancelled one would hold it to 63 s)
		StepVerifier.create(flood.awaitTurn(group, true)).verifyComplete();
	}

	/** Twenty messages to {@code group}, one every 3 s from 0 to 57 s (the group's bucket never makes them wait). */
	private void twentyInAMinute(long group) {
		for (int i = 0; i < 20; i++) {
			if (i > 0) {
				clock.advance(Duration.ofSeconds(3));
			}
			StepVerifier.create(flood.awaitTurn(group, true)).verifyComplete();
		}
	}

	@Test
	void aChatForgottenAndSeenAgainIsHeldToItsPaceAsIfRemembered() {
		for (int i = 0; i < 3; i++) { // the chat's burst
			StepVerifier.create(flood.awaitTurn(1L, true)).verifyComplete();
		}
		clock.advance(Duration.ofSeconds(2)); // two tokens back: still remembered, one short of its burst
		assertThat(flood.trackedChats()).isEqualTo(1);
		for (int i = 0; i < 2; i++) {
			StepVerifier.create(flood.awaitTurn(1L, true)).verifyComplete();
		}
		StepVerifier.withVirtualTime(() -> flood.awaitTurn(1L, true)) // the burst is spent again: waits its second
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(999))
			.thenAwait(Duration.ofMillis(1))
			.verifyComplete();
	}

	@Test
	void aPausedChatIsRememberedUntilItsPauseEnds() {
		flood.pause(1L, Duration.ofMinutes(5));
		clock.advance(Duration.ofMinutes(4));
		assertThat(flood.trackedChats()).isEqualTo(1);
		assertThat(flood.pausedChats()).isEqualTo(1);
		clock.advance(Duration.ofMinutes(1).plusSeconds(1));
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
	void aBroadcastCancelledWhileWaitingForAFreeGlobalTokenGivesItsChatsPlaceBack() {
		for (int i = 0; i < 2; i++) { // two of chat 1's burst of three
			StepVerifier.create(flood.awaitTurn(1L, true)).verifyComplete();
		}
		for (long chat = 2; chat <= 29; chat++) { // the rest of the global 30
			StepVerifier.create(flood.awaitTurn(chat, true)).verifyComplete();
		}
		StepVerifier.withVirtualTime(() -> flood.awaitBroadcastTurn(1L)) // takes chat 1's last place, no global token free
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(500))
			.thenCancel()
			.verify();
		clock.advance(Duration.ofMillis(34)); // one global token back; none of chat 1's (it refills at 1/s)
		// at once: had the cancelled broadcast kept chat 1's place, this would wait most of a second (in virtual time)
		StepVerifier.withVirtualTime(() -> flood.awaitTurn(1L, true)).expectSubscription().expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void aBroadcastTakesOnlyAGlobalTokenThatIsFreeNow() {
		for (long chat = 1; chat <= 30; chat++) { // the global burst
			StepVerifier.create(flood.awaitTurn(chat, true)).verifyComplete();
		}
		clock.advance(Duration.ofMillis(34)); // one token refilled...
		StepVerifier.create(flood.awaitTurn(31L, true)).verifyComplete(); // ...and a message takes it
		StepVerifier.withVirtualTime(() -> flood.awaitBroadcastTurn(32L)) // so the broadcast waits for the next
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(500))
			.then(() -> clock.advance(Duration.ofMillis(33)))
			.thenAwait(Duration.ofMillis(40))
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
