package io.analytips.telegram;

import java.time.Duration;
import java.util.List;

import io.analytips.telegram.model.AnswerCallbackQuery;
import io.analytips.telegram.model.SendMessage;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

/** Flood control in virtual time: a chat's and a group's pace, the global rate, 429s, and what is never paced. */
class OutboundSchedulerPacingTest extends OutboundFixture {

	@Test
	void letsABurstThroughThenPacesAChatAtOnePerSecond() {
		OutboundScheduler scheduler = scheduler(30, 100);
		StepVerifier.withVirtualTime(() -> send(scheduler, 1, 5), () -> time, Long.MAX_VALUE)
			.expectNextCount(3)
			.expectNoEvent(Duration.ofMillis(999))
			.thenAwait(Duration.ofMillis(1))
			.expectNextCount(1)
			.thenAwait(Duration.ofSeconds(1))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(sentAt.get(1L)).containsExactly(0L, 0L, 0L, 1000L, 2000L);
		assertThat(texts).containsExactly("m0", "m1", "m2", "m3", "m4");
	}

	@Test
	void pacesAGroupAtTwentyMessagesAMinute() {
		OutboundScheduler scheduler = scheduler(30, 100);
		StepVerifier.withVirtualTime(() -> send(scheduler, -100, 10), () -> time, Long.MAX_VALUE)
			.thenAwait(Duration.ofMinutes(1))
			.expectNextCount(10)
			.verifyComplete();

		List<Long> at = sentAt.get(-100L);
		// The burst of three at once, then one every three seconds: twenty a minute, not a private chat's sixty.
		assertThat(at.subList(0, 3)).containsOnly(0L);
		for (int i = 3; i < at.size(); i++) {
			assertThat(at.get(i) - at.get(i - 1)).as("gap before message %d", i).isEqualTo(3000);
		}
	}

	@Test
	void a429PausesOnlyTheLimitedChatForTheWholeRetryAfter() {
		answer(1, message -> Mono.error(new TelegramException(429, "Too Many Requests", Duration.ofSeconds(3), null)));
		OutboundScheduler scheduler = scheduler(30, 100);
		StepVerifier.withVirtualTime(() -> Flux.merge(send(scheduler, 1, 2), send(scheduler, 2, 2)), () -> time,
				Long.MAX_VALUE)
			.expectNextCount(2) // chat 2 flows at once
			.expectNoEvent(Duration.ofMillis(2999))
			.thenAwait(Duration.ofMillis(1))
			.expectNextCount(2)
			.verifyComplete();
		assertThat(sentAt.get(2L)).containsExactly(0L, 0L);
		assertThat(sentAt.get(1L)).containsExactly(0L, 3000L, 3000L);
		assertThat(scheduler.stats().throttled()).isEqualTo(1);
	}

	@Test
	void manyChatsLimitedAtOnceLookGlobalAndPauseEverything() {
		for (long chat = 1; chat <= 3; chat++) {
			answer(chat, message -> Mono.error(new TelegramException(429, "Too Many Requests", Duration.ofSeconds(2), null)));
		}
		OutboundScheduler scheduler = scheduler(30, 100);
		StepVerifier.withVirtualTime(() -> Flux.merge(send(scheduler, 1, 1), send(scheduler, 2, 1),
				send(scheduler, 3, 1), Mono.delay(Duration.ofMillis(10)).thenMany(send(scheduler, 4, 1))), () -> time,
				Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(1999))
			.then(() -> assertThat(scheduler.stats().globalPaused()).isTrue())
			.thenAwait(Duration.ofMillis(1))
			.expectNextCount(4)
			.verifyComplete();
		assertThat(sentAt.get(4L)).containsExactly(2000L);
	}

	@Test
	void holdsToTheGlobalRate() {
		OutboundScheduler scheduler = scheduler(30, 100);
		StepVerifier.withVirtualTime(() -> Flux.range(100, 40).flatMap(chat -> send(scheduler, chat, 1)), () -> time,
				Long.MAX_VALUE)
			.expectNextCount(30)
			.expectNoEvent(Duration.ofMillis(33))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextCount(10)
			.verifyComplete();
	}

	@Test
	void answersCallbacksWithoutWaitingForTheChatsPace() {
		when(client.answerCallbackQuery(any())).thenReturn(Mono.just(true));
		OutboundScheduler scheduler = scheduler(30, 100);
		StepVerifier.withVirtualTime(() -> send(scheduler, 1, 3)
			.thenMany(Flux.range(0, 10).flatMap(i -> scheduler.answerCallbackQuery(new AnswerCallbackQuery("q" + i, null, null)))),
				() -> time, Long.MAX_VALUE)
			.verifyComplete();
		assertThat(time.now(java.util.concurrent.TimeUnit.MILLISECONDS)).isZero();
	}

	@Test
	void refusesCallsBeyondItsCapacity() {
		answer(1, message -> Mono.never());
		OutboundScheduler scheduler = scheduler(30, 2);
		scheduler.sendMessage(SendMessage.html(1, "stuck", null)).subscribe();
		scheduler.sendMessage(SendMessage.html(1, "waiting", null)).subscribe();
		StepVerifier.create(scheduler.sendMessage(SendMessage.html(2, "refused", null)))
			.expectError(OutboundOverflowException.class)
			.verify();
		assertThat(scheduler.stats().pending()).isEqualTo(2);
		assertThat(scheduler.stats().refused()).isEqualTo(1);
	}
}
