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

	private final WebhookSource source = new WebhookSource(client, store, new TelegramProperties("t",
			java.net.URI.create("http://unused"), TelegramProperties.Mode.WEBHOOK, java.net.URI.create("https://x/telegram/webhook"),
			"secret", Duration.ofSeconds(1), 100, Duration.ofSeconds(5), Duration.ofSeconds(1), 30, 3, 20, 100),
			TestClock.running());

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
		assertThat(registration.getValue().allowedUpdates()).isEqualTo(List.of("message", "callback_query", "my_chat_member"));
		StepVerifier.create(source.receive(body(3))).expectNext(Reception.UNAVAILABLE).verifyComplete();
		StepVerifier.create(source.confirmReceived()).verifyComplete();
	}

	@Test
	void endsWithAnErrorWhenTheTokenIsRejected() {
		when(client.setWebhook(any())).thenReturn(Mono.error(new TelegramException(401, "Unauthorized", null, null)));
		StepVerifier.create(source.updates()).expectError(TelegramException.class).verify();
		assertThat(source.status().state()).isEqualTo(SourceStatus.State.FAILED);
	}
}
