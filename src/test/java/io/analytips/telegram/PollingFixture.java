package io.analytips.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.support.TestClock;
import io.analytips.support.Updates;
import io.analytips.telegram.model.GetUpdates;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.publisher.Mono;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What the {@link LongPollingSource} tests share: a client whose {@code getUpdates} answers as {@link #polls
 * scripted} and records each poll, and a store that records each batch (or does what a test sets).
 */
abstract class PollingFixture {

	final TelegramClient client = mock(TelegramClient.class);

	final List<GetUpdates> polls = new ArrayList<>();

	final List<List<ReceivedUpdate>> stored = new ArrayList<>();

	UpdateStore store = batch -> {
		stored.add(batch);
		return Mono.just(batch);
	};

	@BeforeEach
	void removingTheWebhookSucceeds() {
		when(client.deleteWebhook(anyBoolean())).thenReturn(Mono.just(true));
	}

	LongPollingSource source() {
		return new LongPollingSource(client, batch -> store.storeNew(batch),
				TelegramTestSupport.properties("http://unused", "t"), TestClock.running());
	}

	/** Scripts getUpdates: each call gets the next answer; after the last, the poll never returns. */
	@SafeVarargs
	final void polls(Mono<List<ReceivedUpdate>>... answers) {
		AtomicInteger call = new AtomicInteger();
		when(client.getUpdates(any())).thenAnswer(invocation -> {
			polls.add(invocation.getArgument(0));
			int n = call.getAndIncrement();
			return n < answers.length ? answers[n] : Mono.never();
		});
	}

	static ReceivedUpdate update(long id) {
		return ReceivedUpdate.parse(id, Updates.message(1, "hi").put("update_id", id).toString());
	}
}
