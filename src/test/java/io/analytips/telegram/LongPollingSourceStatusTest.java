package io.analytips.telegram;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.when;

/**
 * What the source's status says: receiving once its first poll goes, not while its webhook stays, failed once its
 * token is refused.
 */
class LongPollingSourceStatusTest extends PollingFixture {

	@Test
	void aQuietBotIsReceivingAsSoonAsItsFirstPollGoesNotWhenItIsAnswered() {
		polls(); // Telegram has nothing: the first long poll is answered only at its timeout
		LongPollingSource source = source();
		assertThat(source.status().state()).isEqualTo(SourceStatus.State.IDLE);
		StepVerifier.create(source.updates())
			.then(() -> assertThat(polls).hasSize(1))
			.then(() -> assertThat(source.status().isHealthy()).as("ready while the first poll waits").isTrue())
			.then(() -> assertThat(source.status().lastSuccess()).as("nothing received yet").isNull())
			.thenCancel()
			.verify();
		assertThat(source.status().state()).isEqualTo(SourceStatus.State.IDLE);
	}

	@Test
	void aBotWhoseWebhookCannotBeRemovedIsNotReceiving() {
		when(client.deleteWebhook(anyBoolean())).thenReturn(Mono.error(new TelegramException(502, "Bad Gateway", null, null)));
		LongPollingSource source = source();
		StepVerifier.withVirtualTime(source::updates)
			.thenAwait(Duration.ofSeconds(1))
			.then(() -> assertThat(source.status().state()).isEqualTo(SourceStatus.State.RETRYING))
			.thenCancel()
			.verify();
	}

	@Test
	void endsWithAnErrorWhenTheTokenIsRejected() {
		polls(Mono.error(new TelegramException(401, "Unauthorized", null, null)));
		LongPollingSource source = source();
		StepVerifier.create(source.updates())
			.expectErrorMatches(e -> e instanceof TelegramException t && t.isFatal())
			.verify();
		assertThat(source.status().state()).isEqualTo(SourceStatus.State.FAILED);
	}
}
