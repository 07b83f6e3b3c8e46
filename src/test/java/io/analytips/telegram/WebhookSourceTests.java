package io.analytips.telegram;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.analytips.support.TestClock;
import io.analytips.support.Updates;
import io.analytips.telegram.WebhookSource.Reception;
import io.analytips.telegram.model.SetWebhook;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The webhook source on its own, with a scripted client and an in-memory store. */
class WebhookSourceTests {

	private final TelegramClient client = mock(TelegramClient.class);

	private final Set<Long> stored = ConcurrentHashMap.newKeySet();

	private volatile boolean storeFails;

	private final UpdateStore store = batch -> storeFails ? Mono.error(new IllegalStateException("database down"))
			: Mono.just(batch.stream().filter(update -> stored.add(update.updateId())).toList());

	private final WebhookSource source = new WebhookSource(client, store, properties(), TestClock.running());

	private static TelegramProperties properties() {
		return new TelegramProperties("t", java.net.URI.create("http://unused"), TelegramProperties.Mode.WEBHOOK,
				java.net.URI.create("https://x/telegram/webhook"), "secret", Duration.ofSeconds(1), 100,
				Duration.ofSeconds(5), Duration.ofSeconds(1), 30, 3, 20, 100, false, 1000);
	}

	private static byte[] body(long id) {
		return Updates.message(1, "/help").put("update_id", id).toString().getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void checksTheSecretInConstantTime() {
		assertThat(source.authorized("secret")).isTrue();
		assertThat(source.authorized("secreT")).isFalse();
		assertThat(source.authorized("")).isFalse();
		assertThat(source.authorized(null)).isFalse();
	}

	@Test
	void isUnavailableUntilIntakeOpens() {
		StepVerifier.create(source.receive(body(1))).expectNext(Reception.UNAVAILABLE).verifyComplete();
		assertThat(stored).isEmpty();
	}

	@Test
	void aReplicaStoresAndAnnouncesEachNewUpdateWhetherItLeadsOrNotAndEmitsNothing() {
		java.util.concurrent.atomic.AtomicInteger announced = new java.util.concurrent.atomic.AtomicInteger();
		UpdateStore shared = new UpdateStore() {
			@Override
			public Mono<List<ReceivedUpdate>> storeNew(List<ReceivedUpdate> batch) {
				return store.storeNew(batch);
			}

			@Override
			public Mono<Void> announceStored() {
				return Mono.fromRunnable(announced::incrementAndGet);
			}
		};
		WebhookSource replica = new WebhookSource(client, shared, properties(), TestClock.running(), true);
		assertThat(replica.handsOver()).isTrue();
		// intake never opened here (a standby): the request is still stored, announced and answered 200
		StepVerifier.create(replica.receive(body(1))).expectNext(Reception.ACCEPTED).verifyComplete();
		StepVerifier.create(replica.receive(body(1))).expectNext(Reception.DUPLICATE).verifyComplete();
		StepVerifier.create(replica.receive("[]".getBytes())).expectNext(Reception.MALFORMED).verifyComplete();
		storeFails = true;
		StepVerifier.create(replica.receive(body(2))).expectNext(Reception.UNAVAILABLE).verifyComplete();
		assertThat(stored).containsExactly(1L);
		assertThat(announced).hasValue(1);
		assertThat(replica.status().lastError()).contains("database down");

		storeFails = false;
		when(client.setWebhook(any())).thenReturn(Mono.just(true));
		StepVerifier.create(replica.updates())
			.then(() -> StepVerifier.create(replica.receive(body(3))).expectNext(Reception.ACCEPTED).verifyComplete())
			.expectNoEvent(Duration.ofMillis(50)) // the leader reads the store; this source emits nothing
			.thenCancel()
			.verify();
		assertThat(stored).containsExactlyInAnyOrder(1L, 3L);
		assertThat(announced).hasValue(2);
	}

	@Test
	void aLoneBotDoesNotHandOver() {
		assertThat(source.handsOver()).isFalse();
	}

	@Test
	void registersTheWebhookThenEmitsEachNewUpdateOnce() {
		when(client.setWebhook(any())).thenReturn(Mono.just(true));
		StepVerifier.create(source.updates())
			.then(() -> StepVerifier.create(source.receive(body(1))).expectNext(Reception.ACCEPTED).verifyComplete())
			.expectNextMatches(update -> update.updateId() == 1)
			.then(() -> StepVerifier.create(source.receive(body(1))).expectNext(Reception.DUPLICATE).verifyComplete())
			.then(() -> StepVerifier.create(source.receive("{oops".getBytes())).expectNext(Reception.MALFORMED).verifyComplete())
			.then(() -> {
				storeFails = true;
				StepVerifier.create(source.receive(body(2))).expectNext(Reception.UNAVAILABLE).verifyComplete();
			})
			.expectNoEvent(Duration.ofMillis(50))
			.thenCancel()
			.verify();
		ArgumentCaptor<SetWebhook> registration = ArgumentCaptor.forClass(SetWebhook.class);
		verify(client).setWebhook(registration.capture());
		assertThat(registration.getValue().secretToken()).isEqualTo("secret");
		assertThat(registration.getValue().allowedUpdates()).isEqualTo(List.of("message", "callback_query", "my_chat_member",
				"inline_query"));
		StepVerifier.create(source.receive(body(3))).expectNext(Reception.UNAVAILABLE).verifyComplete();
		StepVerifier.create(source.confirmReceived()).verifyComplete();
	}

	@Test
	void aFullQueueAnswers503WithoutStoringSoTelegramDeliversAgainLater() {
		when(client.setWebhook(any())).thenReturn(Mono.just(true));
		WebhookSource small = new WebhookSource(client, store, new TelegramProperties("t",
				java.net.URI.create("http://unused"), TelegramProperties.Mode.WEBHOOK,
				java.net.URI.create("https://x/telegram/webhook"), "secret", Duration.ofSeconds(1), 100,
				Duration.ofSeconds(5), Duration.ofSeconds(1), 30, 3, 20, 100, false, 1000), TestClock.running(), 2);
		StepVerifier.create(small.updates(), 0) // the pipeline takes nothing for now
			.then(() -> {
				StepVerifier.create(small.receive(body(1))).expectNext(Reception.ACCEPTED).verifyComplete();
				StepVerifier.create(small.receive(body(2))).expectNext(Reception.ACCEPTED).verifyComplete();
				StepVerifier.create(small.receive(body(3))).expectNext(Reception.UNAVAILABLE).verifyComplete();
				assertThat(stored).containsExactlyInAnyOrder(1L, 2L);
				// while full, even a redelivery is answered 503: its place is taken before the store says it is known
				StepVerifier.create(small.receive(body(1))).expectNext(Reception.UNAVAILABLE).verifyComplete();
			})
			.thenRequest(1)
			.expectNextMatches(update -> update.updateId() == 1)
			.then(() -> StepVerifier.create(small.receive(body(3))).expectNext(Reception.ACCEPTED).verifyComplete())
			.thenRequest(2)
			.expectNextMatches(update -> update.updateId() == 2)
			.expectNextMatches(update -> update.updateId() == 3)
			.then(() -> {
				// with room again, a redelivery is known and takes no place: two new ones still fit
				StepVerifier.create(small.receive(body(2))).expectNext(Reception.DUPLICATE).verifyComplete();
				StepVerifier.create(small.receive(body(4))).expectNext(Reception.ACCEPTED).verifyComplete();
				StepVerifier.create(small.receive(body(5))).expectNext(Reception.ACCEPTED).verifyComplete();
			})
			.thenRequest(2)
			.expectNextMatches(update -> update.updateId() == 4)
			.expectNextMatches(update -> update.updateId() == 5)
			.thenCancel()
			.verify();
	}

	@Test
	void endsWithAnErrorWhenTheTokenIsRejected() {
		when(client.setWebhook(any())).thenReturn(Mono.error(new TelegramException(401, "Unauthorized", null, null)));
		StepVerifier.create(source.updates()).expectError(TelegramException.class).verify();
		assertThat(source.status().state()).isEqualTo(SourceStatus.State.FAILED);
	}
}
