package io.analytips.telegram;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.telegram.model.EditMessageText;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

/** Which failures are retried, and how, and which are reported instead, in virtual time against a scripted client. */
class OutboundSchedulerRetriesTest extends OutboundFixture {

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
}
