package io.analytips.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.analytips.replica.Leadership;
import io.analytips.telegram.model.Chat;
import io.analytips.telegram.model.Message;
import io.analytips.telegram.model.SendMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.scheduler.clock.SchedulerClock;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What the {@link OutboundScheduler} tests share: virtual time, and a scripted {@link TelegramClient} that records
 * when each chat's messages reached it and their texts, and answers each chat's next calls as {@link #answer
 * scripted} (then with success); the schedulers built over it record the chats blocked and migrated.
 */
abstract class OutboundFixture {

	VirtualTimeScheduler time;

	final TelegramClient client = mock(TelegramClient.class);

	/** Virtual milliseconds at which each chat's messages reached the client. */
	final Map<Long, List<Long>> sentAt = new ConcurrentHashMap<>();

	final List<String> texts = Collections.synchronizedList(new ArrayList<>());

	final List<Long> blocked = new ArrayList<>();

	final List<long[]> migrated = new ArrayList<>();

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

	OutboundScheduler scheduler(int globalRate, int capacity) {
		return scheduler(globalRate, capacity, Leadership.SOLE);
	}

	OutboundScheduler scheduler(int globalRate, int capacity, Leadership leadership) {
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

	static Message sent(long chatId) {
		return new Message(1, null, null, new Chat(chatId, "private", null, null, null), 0, "ok", null, null);
	}

	/** Scripts the answer to {@code chatId}'s next call not yet scripted. */
	void answer(long chatId, Function<SendMessage, Mono<Message>> first) {
		script.computeIfAbsent(chatId, id -> Collections.synchronizedList(new ArrayList<>())).add(first);
	}

	/** {@code count} messages to {@code chatId} ("m0", "m1"…), all sent at once. */
	static Flux<Message> send(OutboundScheduler scheduler, long chatId, int count) {
		return Flux.range(0, count).flatMap(i -> scheduler.sendMessage(SendMessage.html(chatId, "m" + i, null)));
	}
}
