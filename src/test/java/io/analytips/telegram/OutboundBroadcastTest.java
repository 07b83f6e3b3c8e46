package io.analytips.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.analytips.telegram.model.Chat;
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

/** Broadcasts (alerts to followers) in virtual time, against a scripted client: they take only what replies leave. */
class OutboundBroadcastTest {

	private static final int FOLLOWERS = 10_000;

	private VirtualTimeScheduler time;

	private final TelegramClient client = mock(TelegramClient.class);

	/** Virtual milliseconds at which each chat's messages reached the client. */
	private final Map<Long, List<Long>> sentAt = new ConcurrentHashMap<>();

	/** Each chat's messages as the client got them. */
	private final Map<Long, List<SendMessage>> sent = new ConcurrentHashMap<>();

	private final AtomicInteger calls = new AtomicInteger();

	private final List<Long> blocked = Collections.synchronizedList(new ArrayList<>());

	private final List<TelegramException> unauthorized = Collections.synchronizedList(new ArrayList<>());

	/** Per chat: what the next calls answer (consumed in order); then success. */
	private final Map<Long, List<Function<SendMessage, Mono<Message>>>> script = new ConcurrentHashMap<>();

	@BeforeEach
	void virtualTime() {
		time = VirtualTimeScheduler.getOrSet();
		when(client.sendMessage(any())).thenAnswer(invocation -> {
			SendMessage message = invocation.getArgument(0);
			calls.incrementAndGet();
			sentAt.computeIfAbsent(message.chatId(), id -> Collections.synchronizedList(new ArrayList<>())).add(now());
			sent.computeIfAbsent(message.chatId(), id -> Collections.synchronizedList(new ArrayList<>())).add(message);
			List<Function<SendMessage, Mono<Message>>> next = script.get(message.chatId());
			if (next != null && !next.isEmpty()) {
				return next.remove(0).apply(message);
			}
			return Mono.just(delivered(message.chatId()));
		});
	}

	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
	}

	private long now() {
		return time.now(TimeUnit.MILLISECONDS);
	}

	private OutboundScheduler scheduler(int capacity, boolean paid) {
		TelegramProperties properties = new TelegramProperties("t", java.net.URI.create("http://unused"),
				TelegramProperties.Mode.POLLING, null, null, Duration.ofSeconds(1), 100, Duration.ofSeconds(5),
				Duration.ofSeconds(1), 30, 3, 20, capacity, paid, 1000);
		return new OutboundScheduler(client, properties, SchedulerClock.of(time), new OutboundListener() {
			@Override
			public void chatBlocked(long chatId) {
				blocked.add(chatId);
			}

			@Override
			public void unauthorized(TelegramException error) {
				unauthorized.add(error);
			}
		});
	}

	private static Message delivered(long chatId) {
		return new Message(1, null, null, new Chat(chatId, "private", null, null, null), 0, "ok", null, null);
	}

	private void answer(long chatId, Function<SendMessage, Mono<Message>> first) {
		script.computeIfAbsent(chatId, id -> Collections.synchronizedList(new ArrayList<>())).add(first);
	}

	/** The alert to followers {@code 1..count}, all at once. */
	private static Flux<Message> alert(OutboundScheduler scheduler, int count) {
		return Flux.range(1, count).flatMap(chat -> scheduler.broadcast(SendMessage.html(chat, "kick-off", null)), count);
	}

	private long lastSent() {
		return sentAt.values().stream().flatMap(List::stream).mapToLong(Long::longValue).max().orElseThrow();
	}

	private static String json(SendMessage message) {
		return TelegramJson.mapper().writeValueAsString(message);
	}

	@Test
	void tenThousandBroadcastsTakeTenThousandOverTheGlobalRateAndEachArrivesOnce() {
		OutboundScheduler scheduler = scheduler(FOLLOWERS, false);
		StepVerifier.withVirtualTime(() -> alert(scheduler, FOLLOWERS), () -> time, Long.MAX_VALUE)
			.thenAwait(Duration.ofSeconds(400))
			.expectNextCount(FOLLOWERS)
			.verifyComplete();
		assertThat(calls).hasValue(FOLLOWERS);
		assertThat(sentAt).hasSize(FOLLOWERS).allSatisfy((chat, at) -> assertThat(at).hasSize(1));
		// 30 at once (the bucket's burst), then one every 1/30 s: (10 000 - 30) / 30 = 332.3 s
		assertThat(lastSent()).isBetween(332_300L, 332_400L);
		assertThat(scheduler.stats().sent()).isEqualTo(FOLLOWERS);
		assertThat(sent.get(1L).get(0).allowPaidBroadcast()).isNull();
	}

	@Test
	void aReplyWhileTenThousandBroadcastsWaitGoesAfterAtMostOneTokensRefill() {
		OutboundScheduler scheduler = scheduler(FOLLOWERS, false);
		Map<Long, Long> waited = new ConcurrentHashMap<>();
		// ten replies to other users, about 7 s apart from 10 s into the broadcast, at different moments of a token's refill
		Flux<Message> replies = Flux.range(0, 10).flatMap(i -> Mono.delay(Duration.ofMillis(10_001 + 7_303L * i))
			.then(Mono.defer(() -> {
				long chat = 1_000_000L + i;
				long submitted = now();
				return scheduler.sendMessage(SendMessage.html(chat, "reply", null))
					.doOnNext(message -> waited.put(chat, sentAt.get(chat).get(0) - submitted));
			})));
		StepVerifier.withVirtualTime(() -> Flux.merge(alert(scheduler, FOLLOWERS), replies), () -> time, Long.MAX_VALUE)
			.thenAwait(Duration.ofSeconds(400))
			.expectNextCount(FOLLOWERS + 10)
			.verifyComplete();
		assertThat(waited).hasSize(10);
		// one token's refill at 30/s is 33.3 ms; a broadcast never holds a reply back longer
		assertThat(waited.values()).allSatisfy(wait -> assertThat(wait).isBetween(0L, 34L));
		assertThat(lastSent()).isBetween(332_600L, 332_800L); // the broadcast made room for the ten
		assertThat(calls).hasValue(FOLLOWERS + 10);
	}

	@Test
	void aBlockedFollowerIsReportedAndTheRestOfTheBroadcastGoesOn() {
		answer(50, message -> Mono.error(new TelegramException(403, "Forbidden: bot was blocked by the user", null, null)));
		OutboundScheduler scheduler = scheduler(FOLLOWERS, false);
		StepVerifier.withVirtualTime(() -> Flux.range(1, 100)
			.flatMap(chat -> scheduler.broadcast(SendMessage.html(chat, "full time", null))
				.map(message -> "sent")
				.onErrorResume(TelegramException.class, ex -> Mono.just(ex.kind().name()))), () -> time, Long.MAX_VALUE)
			.thenAwait(Duration.ofSeconds(5))
			.recordWith(ArrayList::new)
			.expectNextCount(100)
			.consumeRecordedWith(outcomes -> {
				assertThat(outcomes).filteredOn("sent"::equals).hasSize(99);
				assertThat(outcomes).filteredOn("FORBIDDEN"::equals).hasSize(1);
			})
			.verifyComplete();
		assertThat(blocked).containsExactly(50L);
		assertThat(sentAt.get(50L)).hasSize(1); // never retried
		assertThat(calls).hasValue(100);
		assertThat(scheduler.stats().failed()).isEqualTo(1);
	}

	@Test
	void aBroadcastToABlockedChatErrorsWithForbidden() {
		answer(7, message -> Mono.error(new TelegramException(403, "Forbidden: bot was blocked by the user", null, null)));
		OutboundScheduler scheduler = scheduler(100, false);
		StepVerifier.withVirtualTime(() -> scheduler.broadcast(SendMessage.html(7, "kick-off", null)), () -> time,
				Long.MAX_VALUE)
			.expectErrorMatches(e -> e instanceof TelegramException t && t.kind() == TelegramException.Kind.FORBIDDEN)
			.verify();
		assertThat(blocked).containsExactly(7L);
	}

	@Test
	void aRevokedTokenIsReportedAndTheBroadcastErrors() {
		answer(7, message -> Mono.error(new TelegramException(401, "Unauthorized", null, null)));
		OutboundScheduler scheduler = scheduler(100, false);
		StepVerifier.withVirtualTime(() -> scheduler.broadcast(SendMessage.html(7, "kick-off", null)), () -> time,
				Long.MAX_VALUE)
			.expectErrorMatches(e -> e instanceof TelegramException t && t.kind() == TelegramException.Kind.UNAUTHORIZED)
			.verify();
		assertThat(unauthorized).hasSize(1);
	}

	@Test
	void paidBroadcastsSayItInTheJsonAndGoAtTheirOwnRate() {
		OutboundScheduler scheduler = scheduler(FOLLOWERS, true);
		StepVerifier.withVirtualTime(() -> alert(scheduler, FOLLOWERS), () -> time, Long.MAX_VALUE)
			.thenAwait(Duration.ofSeconds(20))
			.expectNextCount(FOLLOWERS)
			.verifyComplete();
		assertThat(calls).hasValue(FOLLOWERS);
		assertThat(sentAt).hasSize(FOLLOWERS);
		// 1 000 at once, then one a millisecond: (10 000 - 1 000) / 1 000 = 9 s
		assertThat(lastSent()).isEqualTo(9_000L);
		assertThat(json(sent.get(1L).get(0))).contains("\"allow_paid_broadcast\":true");
	}

	@Test
	void repliesNeverSayPaidBroadcast() {
		OutboundScheduler scheduler = scheduler(100, true);
		StepVerifier.withVirtualTime(() -> scheduler.sendMessage(SendMessage.html(1, "reply", null)), () -> time,
				Long.MAX_VALUE)
			.expectNextCount(1)
			.verifyComplete();
		assertThat(json(sent.get(1L).get(0))).doesNotContain("allow_paid_broadcast");
	}

	@Test
	void aBroadcastWaitsWhileEverySendIsPausedByA429() {
		for (long chat = 1; chat <= 3; chat++) {
			answer(chat, message -> Mono.error(new TelegramException(429, "Too Many Requests", Duration.ofSeconds(2), null)));
		}
		OutboundScheduler scheduler = scheduler(100, false);
		StepVerifier.withVirtualTime(() -> Flux.merge(alert(scheduler, 3),
				Mono.delay(Duration.ofMillis(10)).then(scheduler.broadcast(SendMessage.html(4, "kick-off", null)))),
				() -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(1999))
			.then(() -> assertThat(scheduler.stats().globalPaused()).isTrue())
			.thenAwait(Duration.ofMillis(1))
			.expectNextCount(4)
			.verifyComplete();
		assertThat(sentAt.get(4L)).containsExactly(2000L);
		assertThat(sentAt.get(1L)).containsExactly(0L, 2000L);
	}

	@Test
	void broadcastsAreBoundedApartSoRepliesAreNotRefusedBecauseOfThem() {
		answer(1, message -> Mono.never());
		answer(2, message -> Mono.never());
		OutboundScheduler scheduler = scheduler(2, false);
		scheduler.broadcast(SendMessage.html(1, "stuck", null)).subscribe();
		scheduler.broadcast(SendMessage.html(2, "stuck", null)).subscribe();
		StepVerifier.create(scheduler.broadcast(SendMessage.html(3, "refused", null)))
			.expectError(OutboundOverflowException.class)
			.verify();
		StepVerifier.withVirtualTime(() -> scheduler.sendMessage(SendMessage.html(4, "reply", null)), () -> time,
				Long.MAX_VALUE)
			.expectNextCount(1)
			.verifyComplete();
		assertThat(scheduler.stats().refused()).isEqualTo(1);
		assertThat(scheduler.stats().pending()).isZero();
	}

	@Test
	void aBroadcastKeepsItsPlaceInItsChatsOrderAndIsSplitLikeAnyMessage() {
		OutboundScheduler scheduler = scheduler(100, false);
		StepVerifier.withVirtualTime(() -> Flux.merge(scheduler.broadcast(SendMessage.html(1, "a".repeat(5000), null)),
				scheduler.sendMessage(SendMessage.html(1, "after", null))), () -> time, Long.MAX_VALUE)
			.thenAwait(Duration.ofSeconds(5))
			.expectNextCount(2)
			.verifyComplete();
		assertThat(sent.get(1L)).extracting(SendMessage::text).hasSize(3).last().isEqualTo("after");
	}
}
