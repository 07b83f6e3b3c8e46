package io.analytips.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.analytips.replica.Leadership;
import io.analytips.replica.Lease;
import io.analytips.replica.LeaseEndedException;
import io.analytips.replica.LeaseLapsedException;
import io.analytips.support.TestLeadership;
import io.analytips.telegram.model.AnswerCallbackQuery;
import io.analytips.telegram.model.Chat;
import io.analytips.telegram.model.EditMessageText;
import io.analytips.telegram.model.InlineKeyboardButton;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import io.analytips.telegram.model.Message;
import io.analytips.telegram.model.SendMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.scheduler.clock.SchedulerClock;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Flood control and retries in virtual time, against a scripted client. */
class OutboundSchedulerTest {

	private VirtualTimeScheduler time;

	private final TelegramClient client = mock(TelegramClient.class);

	/** Virtual milliseconds at which each chat's messages reached the client. */
	private final Map<Long, List<Long>> sentAt = new ConcurrentHashMap<>();

	private final List<String> texts = Collections.synchronizedList(new ArrayList<>());

	private final List<Long> blocked = new ArrayList<>();

	private final List<long[]> migrated = new ArrayList<>();

	/** Per chat: what the next calls answer (consumed in order); then success. */
	private final Map<Long, List<Function<SendMessage, Mono<Message>>>> script = new ConcurrentHashMap<>();

	@BeforeEach
	void virtualTime() {
		time = VirtualTimeScheduler.getOrSet();
		when(client.sendMessage(any())).thenAnswer(invocation -> {
			SendMessage message = invocation.getArgument(0);
			sentAt.computeIfAbsent(message.chatId(), id -> Collections.synchronizedList(new ArrayList<>()))
				.add(time.now(java.util.concurrent.TimeUnit.MILLISECONDS));
			texts.add(message.text() + (message.replyMarkup() != null ? " [keyboard]" : ""));
			List<Function<SendMessage, Mono<Message>>> next = script.get(message.chatId());
			if (next != null && !next.isEmpty()) {
				return next.remove(0).apply(message);
			}
			return Mono.just(sent(message.chatId()));
		});
	}

	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
	}

	private OutboundScheduler scheduler(int globalRate, int capacity) {
		return scheduler(globalRate, capacity, Leadership.SOLE);
	}

	private OutboundScheduler scheduler(int globalRate, int capacity, Leadership leadership) {
		TelegramProperties properties = new TelegramProperties("t", java.net.URI.create("http://unused"),
				TelegramProperties.Mode.POLLING, null, null, Duration.ofSeconds(1), 100, Duration.ofSeconds(5),
				Duration.ofSeconds(1), globalRate, 3, 20, capacity, false, 1000);
		return new OutboundScheduler(client, properties, SchedulerClock.of(time), new OutboundListener() {
			@Override
			public void chatBlocked(long chatId) {
				blocked.add(chatId);
			}

			@Override
			public void chatMigrated(long fromChatId, long toChatId) {
				migrated.add(new long[] { fromChatId, toChatId });
			}
		}, leadership);
	}

	private static Message sent(long chatId) {
		return new Message(1, null, null, new Chat(chatId, "private", null, null, null), 0, "ok", null, null);
	}

	private void answer(long chatId, Function<SendMessage, Mono<Message>> first) {
		script.computeIfAbsent(chatId, id -> Collections.synchronizedList(new ArrayList<>())).add(first);
	}

	private static Flux<Message> send(OutboundScheduler scheduler, long chatId, int count) {
		return Flux.range(0, count).flatMap(i -> scheduler.sendMessage(SendMessage.html(chatId, "m" + i, null)));
	}

	@Test
	void theWireIsClearedOnceTheCallsSentAreAnswered() {
		OutboundScheduler scheduler = scheduler(30, 100);
		StepVerifier.create(scheduler.wireCleared()).verifyComplete(); // nothing sent: cleared at once
		answer(1, message -> Mono.delay(Duration.ofSeconds(5), time).thenReturn(sent(1)));
		answer(2, message -> Mono.delay(Duration.ofSeconds(2), time).thenReturn(sent(2)));
		StepVerifier.withVirtualTime(() -> Mono.when(send(scheduler, 1, 1), send(scheduler, 2, 1))
			.and(Mono.delay(Duration.ofMillis(1), time).then(Mono.defer(() -> {
				assertThat(scheduler.onTheWire()).isEqualTo(2);
				return scheduler.wireCleared().doOnSuccess(cleared -> assertThat(time.now(
						java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(5000L));
			}))), () -> time, Long.MAX_VALUE)
			.thenAwait(Duration.ofSeconds(5))
			.verifyComplete();
		assertThat(scheduler.onTheWire()).isZero();
	}

	@Test
	void aFailedCallLeavesTheWireToo() {
		OutboundScheduler scheduler = scheduler(30, 100);
		answer(1, message -> Mono.error(new TelegramException(400, "Bad Request: chat not found", null, null)));
		StepVerifier.withVirtualTime(() -> send(scheduler, 1, 1), () -> time, Long.MAX_VALUE)
			.expectError()
			.verify();
		StepVerifier.create(scheduler.wireCleared()).verifyComplete();
	}

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
	void holdsMessagesWhileTheLeaseHasLapsedAndSendsThemInOrderOnceItIsRenewed() {
		TestLeadership lead = new TestLeadership();
		lead.grant();
		lead.lapse(true);
		OutboundScheduler scheduler = scheduler(30, 100, lead);

		StepVerifier.withVirtualTime(() -> send(scheduler, 1, 2), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(10))
			.then(() -> lead.lapse(false))
			.thenAwait(Duration.ofMillis(100))
			.expectNextCount(2)
			.verifyComplete();
		assertThat(texts).containsExactly("m0", "m1");
		assertThat(sentAt.get(1L)).allMatch(at -> at >= 10_000);
	}

	@Test
	void aReplicaThatDoesNotLeadSendsNothing() {
		TestLeadership standby = new TestLeadership();
		OutboundScheduler scheduler = scheduler(30, 100, standby);

		StepVerifier.withVirtualTime(() -> send(scheduler, 1, 1), () -> time, Long.MAX_VALUE)
			.expectError(LeaseEndedException.class)
			.verify();
		assertThat(texts).isEmpty();
	}

	@Test
	void aMessageOfALostTermNeverGoesEvenWhenTheReplicaLeadsAgain() {
		TestLeadership lead = new TestLeadership();
		lead.grant();
		Lease first = lead.lease();
		lead.lapse(true);
		OutboundScheduler scheduler = scheduler(30, 100, lead);

		StepVerifier.withVirtualTime(() -> send(scheduler, 1, 1).contextWrite(context -> context.put(Lease.KEY, first)),
				() -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(5))
			.then(lead::lose)
			.then(lead::grant) // a new term: the message of the old one still must not go
			.thenAwait(Duration.ofSeconds(1))
			.expectError(LeaseEndedException.class)
			.verify();
		assertThat(texts).isEmpty();
	}

	@Test
	void aMessageWhoseLeaseLapsedAtTheWireWaitsAndGoesOnceItIsRenewed() {
		TestLeadership lead = new TestLeadership();
		lead.grant();
		AtomicInteger attempts = new AtomicInteger();
		// the client finds the lease lapsed as the request would be written, once
		answer(1, message -> {
			attempts.incrementAndGet();
			lead.lapse(true);
			return Mono.error(new LeaseLapsedException());
		});
		OutboundScheduler scheduler = scheduler(30, 100, lead);

		StepVerifier.withVirtualTime(() -> send(scheduler, 1, 1), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(5))
			.then(() -> lead.lapse(false))
			.thenAwait(Duration.ofMillis(100))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(attempts).hasValue(1);
		assertThat(texts).containsExactly("m0", "m0");
		assertThat(scheduler.stats().failed()).isZero();
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
	void splitsALongTextAndPutsTheKeyboardOnTheLastPart() {
		OutboundScheduler scheduler = scheduler(30, 100);
		InlineKeyboardMarkup keyboard = InlineKeyboardMarkup.of(List.of(List.of(InlineKeyboardButton.callback("b", "b"))));
		String text = ("line " + "x".repeat(90) + "\n").repeat(100);
		StepVerifier.withVirtualTime(() -> scheduler.sendMessage(SendMessage.html(1, text, keyboard)), () -> time,
				Long.MAX_VALUE)
			.thenAwait(Duration.ofSeconds(5))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(texts).hasSize(3).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096 + 11));
		assertThat(texts.get(2)).endsWith("[keyboard]");
		assertThat(texts.get(0)).doesNotContain("[keyboard]");
	}

	@Test
	void neverInterleavesTheMessagesOfOneChat() {
		OutboundScheduler scheduler = scheduler(1000, 100);
		String longText = "a".repeat(5000);
		StepVerifier.withVirtualTime(() -> Flux.merge(scheduler.sendMessage(SendMessage.html(1, longText, null)),
				scheduler.sendMessage(SendMessage.html(1, "after", null))), () -> time, Long.MAX_VALUE)
			.thenAwait(Duration.ofSeconds(5))
			.expectNextCount(2)
			.verifyComplete();
		assertThat(texts).hasSize(3);
		assertThat(texts.get(2)).isEqualTo("after");
	}

	@Test
	void reportsABlockedUserAndDoesNotRetry() {
		answer(5, message -> Mono.error(new TelegramException(403, "Forbidden: bot was blocked by the user", null, null)));
		OutboundScheduler scheduler = scheduler(30, 100);
		StepVerifier.withVirtualTime(() -> send(scheduler, 5, 1), () -> time, Long.MAX_VALUE)
			.expectErrorMatches(e -> ((TelegramException) e).kind() == TelegramException.Kind.FORBIDDEN)
			.verify();
		assertThat(blocked).containsExactly(5L);
		assertThat(sentAt.get(5L)).hasSize(1);
	}

	@Test
	void neverRetriesABadRequest() {
		answer(5, message -> Mono.error(new TelegramException(400, "Bad Request: can't parse entities", null, null)));
		OutboundScheduler scheduler = scheduler(30, 100);
		StepVerifier.withVirtualTime(() -> send(scheduler, 5, 1), () -> time, Long.MAX_VALUE)
			.expectErrorMatches(e -> ((TelegramException) e).kind() == TelegramException.Kind.BAD_REQUEST)
			.verify();
		assertThat(sentAt.get(5L)).hasSize(1);
		assertThat(scheduler.stats().failed()).isEqualTo(1);
	}

	@Test
	void resendsToTheSupergroupAGroupMigratedTo() {
		answer(-5, message -> Mono.error(new TelegramException(400, "Bad Request: group chat was upgraded", null, -1005L)));
		OutboundScheduler scheduler = scheduler(30, 100);
		StepVerifier.withVirtualTime(() -> send(scheduler, -5, 1), () -> time, Long.MAX_VALUE)
			.expectNextCount(1)
			.verifyComplete();
		assertThat(sentAt.get(-1005L)).hasSize(1);
		assertThat(migrated).hasSize(1);
		assertThat(migrated.get(0)).containsExactly(-5L, -1005L);
	}

	@Test
	void retriesServerErrorsWithBackoff() {
		answer(5, message -> Mono.error(new TelegramException(502, "Bad Gateway", null, null)));
		answer(5, message -> Mono.error(TelegramException.io(TelegramException.Kind.NETWORK, "refused", null)));
		OutboundScheduler scheduler = scheduler(30, 100);
		StepVerifier.withVirtualTime(() -> send(scheduler, 5, 1), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(2999))
			.thenAwait(Duration.ofMillis(400)) // 1 s, then 2 s, each with up to 10% jitter
			.expectNextCount(1)
			.verifyComplete();
		assertThat(sentAt.get(5L)).hasSize(3);
	}

	@Test
	void doesNotResendAMessageThatMayHaveArrived() {
		answer(5, message -> Mono.error(TelegramException.io(TelegramException.Kind.TIMEOUT, "no answer", null)));
		OutboundScheduler scheduler = scheduler(30, 100);
		StepVerifier.withVirtualTime(() -> send(scheduler, 5, 1), () -> time, Long.MAX_VALUE)
			.expectErrorMatches(e -> ((TelegramException) e).kind() == TelegramException.Kind.TIMEOUT)
			.verify();
		assertThat(sentAt.get(5L)).hasSize(1);
	}

	@Test
	void retriesAnIdempotentEditAfterATimeoutAndTreatsNotModifiedAsDone() {
		AtomicInteger edits = new AtomicInteger();
		when(client.editMessageText(any())).thenAnswer(invocation -> switch (edits.getAndIncrement()) {
			case 0 -> Mono.error(TelegramException.io(TelegramException.Kind.TIMEOUT, "no answer", null));
			default -> Mono.error(new TelegramException(400, "Bad Request: message is not modified", null, null));
		});
		OutboundScheduler scheduler = scheduler(30, 100);
		StepVerifier.withVirtualTime(() -> scheduler.editMessageText(EditMessageText.html(5, 9, "x", null)), () -> time,
				Long.MAX_VALUE)
			.thenAwait(Duration.ofSeconds(2))
			.verifyComplete();
		assertThat(edits).hasValue(2);
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
