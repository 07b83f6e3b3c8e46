package io.analytips.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.telegram.model.AnswerInlineQuery;
import io.analytips.telegram.model.BotCommand;
import io.analytips.telegram.model.BotCommandScope;
import io.analytips.telegram.model.Chat;
import io.analytips.telegram.model.Message;
import io.analytips.telegram.model.SendMessage;
import io.analytips.telegram.model.SetMyCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.scheduler.clock.SchedulerClock;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Inline answers and command menus go out like callback answers: past the chats' pace, after every 429 pause. Virtual
 * time.
 */
class OutboundInlineAnswersTest {

	private VirtualTimeScheduler time;

	private final TelegramClient client = mock(TelegramClient.class);

	private final AtomicInteger attempts = new AtomicInteger();

	@BeforeEach
	void virtualTime() {
		time = VirtualTimeScheduler.getOrSet();
		when(client.sendMessage(any())).thenAnswer(invocation -> Mono.just(new Message(1, null, null,
				new Chat(invocation.<SendMessage>getArgument(0).chatId(), "private", null, null, null), 0, "ok", null, null)));
	}

	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
	}

	private OutboundScheduler scheduler() {
		TelegramProperties properties = new TelegramProperties("t", java.net.URI.create("http://unused"),
				TelegramProperties.Mode.POLLING, null, null, Duration.ofSeconds(1), 100, Duration.ofSeconds(5),
				Duration.ofSeconds(1), 30, 3, 20, 100, false, 1000);
		return new OutboundScheduler(client, properties, SchedulerClock.of(time), OutboundListener.NONE);
	}

	private static AnswerInlineQuery answer(String id) {
		return new AnswerInlineQuery(id, List.of(), 0, true, null, null);
	}

	@Test
	void answersInlineQueriesWithoutWaitingForTheChatsPace() {
		when(client.answerInlineQuery(any())).thenAnswer(invocation -> {
			attempts.incrementAndGet();
			return Mono.just(true);
		});
		OutboundScheduler scheduler = scheduler();

		StepVerifier.withVirtualTime(() -> Flux.range(0, 3)
			.flatMap(i -> scheduler.sendMessage(SendMessage.html(1, "m" + i, null)))
			.thenMany(Flux.range(0, 10).flatMap(i -> scheduler.answerInlineQuery(answer("q" + i)))), () -> time,
				Long.MAX_VALUE)
			.verifyComplete();

		assertThat(time.now(TimeUnit.MILLISECONDS)).isZero();
		assertThat(attempts).hasValue(10);
	}

	@Test
	void anAnswerLimitedBy429GoesAgainAfterTheWholePause() {
		when(client.answerInlineQuery(any())).thenAnswer(invocation -> attempts.incrementAndGet() == 1
				? Mono.error(new TelegramException(429, "Too Many Requests", Duration.ofSeconds(3), null))
				: Mono.just(true));
		OutboundScheduler scheduler = scheduler();

		StepVerifier.withVirtualTime(() -> scheduler.answerInlineQuery(answer("q")), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(2_999))
			.thenAwait(Duration.ofSeconds(1))
			.verifyComplete();

		assertThat(attempts).hasValue(2);
	}

	@Test
	void anExpiredQueryIsNotAnsweredAgain() {
		when(client.answerInlineQuery(any())).thenAnswer(invocation -> {
			attempts.incrementAndGet();
			return Mono.error(new TelegramException(400, "Bad Request: query is too old", null, null));
		});

		StepVerifier.withVirtualTime(() -> scheduler().answerInlineQuery(answer("old")), () -> time, Long.MAX_VALUE)
			.expectError(TelegramException.class)
			.verify(Duration.ofSeconds(5));

		assertThat(attempts).hasValue(1);
	}

	@Test
	void aMenuLimitedBy429GoesAgainAfterTheWholePause() {
		when(client.setMyCommands(any())).thenAnswer(invocation -> attempts.incrementAndGet() == 1
				? Mono.error(new TelegramException(429, "Too Many Requests", Duration.ofSeconds(2), null))
				: Mono.just(true));
		OutboundScheduler scheduler = scheduler();

		StepVerifier.withVirtualTime(() -> scheduler.setMyCommands(menu(1)), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(1_999))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(true)
			.verifyComplete();

		assertThat(attempts).hasValue(2);
	}

	@Test
	void aMenuTelegramAnswersWithNothingCompletesEmpty() {
		when(client.setMyCommands(any())).thenReturn(Mono.empty());
		StepVerifier.withVirtualTime(() -> scheduler().setMyCommands(menu(1)), () -> time, Long.MAX_VALUE)
			.verifyComplete();
	}

	@Test
	void aMenuTelegramRefusesFailsOnceWithItsError() {
		when(client.setMyCommands(any())).thenAnswer(invocation -> {
			attempts.incrementAndGet();
			return Mono.error(new TelegramException(400, "Bad Request: chat not found", null, null));
		});

		StepVerifier.withVirtualTime(() -> scheduler().setMyCommands(menu(2)), () -> time, Long.MAX_VALUE)
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(TelegramException.class)
				.hasMessageContaining("chat not found"))
			.verify(Duration.ofSeconds(5));

		assertThat(attempts).hasValue(1);
	}

	private static SetMyCommands menu(long chat) {
		return new SetMyCommands(List.of(new BotCommand("today", "Today's games")), null, BotCommandScope.chat(chat));
	}
}
