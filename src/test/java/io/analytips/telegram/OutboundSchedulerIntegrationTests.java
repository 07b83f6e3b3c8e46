package io.analytips.telegram;

import java.time.Duration;
import java.util.List;

import io.analytips.support.FakeBotApi;
import io.analytips.support.TestClock;
import io.analytips.telegram.model.SendMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/** Flood control against the fake Bot API over real HTTP, in real time. */
class OutboundSchedulerIntegrationTests {

	private final FakeBotApi fake = FakeBotApi.start();

	private final TelegramClient client = new TelegramClient(TelegramTestSupport.properties(fake.url(), FakeBotApi.TOKEN));

	@AfterEach
	void close() {
		client.destroy();
		fake.close();
	}

	@Test
	void a429ForOneChatSilencesItForRetryAfterWhileOtherChatsKeepFlowing() {
		fake.when("sendMessage").forChat(1).times(1).retryAfter(3);
		OutboundScheduler scheduler = new OutboundScheduler(client,
				TelegramTestSupport.properties(fake.url(), FakeBotApi.TOKEN), TestClock.running(), OutboundListener.NONE);
		long start = System.nanoTime();

		Flux.merge(Flux.range(0, 2).concatMap(i -> scheduler.sendMessage(SendMessage.html(1, "limited " + i, null))),
				Flux.range(0, 3).flatMap(i -> scheduler.sendMessage(SendMessage.html(2, "free " + i, null))))
			.blockLast(Duration.ofSeconds(20));

		List<FakeBotApi.Call> limited = fake.messagesTo(1);
		List<FakeBotApi.Call> free = fake.messagesTo(2);
		assertThat(limited).hasSize(3); // the 429, then both messages
		assertThat(free).hasSize(3);
		assertThat(free).allSatisfy(call -> assertThat(millis(start, call)).isLessThan(1000));
		long throttledAt = millis(start, limited.get(0));
		assertThat(millis(start, limited.get(1)) - throttledAt).isGreaterThanOrEqualTo(3000);
		assertThat(limited.get(1).text()).isEqualTo("limited 0");
		assertThat(limited.get(2).text()).isEqualTo("limited 1");
	}

	private static long millis(long start, FakeBotApi.Call call) {
		return Duration.ofNanos(call.atNanos() - start).toMillis();
	}
}
