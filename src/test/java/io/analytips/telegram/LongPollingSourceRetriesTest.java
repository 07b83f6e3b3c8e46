package io.analytips.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.telegram.model.GetUpdates;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** A poll or a store that failed is tried again, in virtual time, after a backoff or Telegram's retry_after. */
class LongPollingSourceRetriesTest extends PollingFixture {

	@Test
	void aPollThatFailsIsRetriedWithTheSameLimit() {
		polls(Mono.error(new TelegramException(502, "Bad Gateway", null, null)), Mono.just(List.of(update(1), update(2))));
		StepVerifier.withVirtualTime(() -> source().updates(), 2)
			.thenAwait(Duration.ofMinutes(1))
			.expectNextCount(2)
			.thenCancel()
			.verify();
		assertThat(polls).extracting(GetUpdates::limit).containsExactly(2, 2);
	}

	@Test
	void whenTheStoreFailsPollsAgainWithTheSameOffsetAfterABackoff() {
		AtomicInteger attempts = new AtomicInteger();
		store = batch -> attempts.getAndIncrement() == 0 ? Mono.error(new IllegalStateException("database down"))
				: Mono.just(batch);
		polls(Mono.just(List.of(update(5))), Mono.just(List.of(update(5))));
		LongPollingSource source = source();
		StepVerifier.withVirtualTime(source::updates)
			.expectSubscription()
			.then(() -> assertThat(source.status().state()).isEqualTo(SourceStatus.State.RETRYING))
			.expectNoEvent(Duration.ofMillis(800))
			.thenAwait(Duration.ofMillis(1300))
			.expectNextMatches(u -> u.updateId() == 5)
			.then(() -> assertThat(source.status().state()).isEqualTo(SourceStatus.State.RECEIVING))
			.thenCancel()
			.verify();
		assertThat(polls).extracting(GetUpdates::offset).containsExactly(null, null, 6L);
	}

	@Test
	void waitsExactlyRetryAfterOnA429() {
		polls(Mono.error(new TelegramException(429, "Too Many Requests", Duration.ofSeconds(5), null)),
				Mono.just(List.of(update(1))));
		StepVerifier.withVirtualTime(() -> source().updates())
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(4999))
			.then(() -> assertThat(polls).hasSize(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNextMatches(u -> u.updateId() == 1)
			.thenCancel()
			.verify();
	}

	@Test
	void backsOffOnAConflictInsteadOfEnding() {
		polls(Mono.error(new TelegramException(409, "Conflict", null, null)),
				Mono.error(new TelegramException(409, "Conflict", null, null)), Mono.just(List.of(update(1))));
		StepVerifier.withVirtualTime(() -> source().updates())
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(4)) // about 1 s, then about 2 s
			.expectNextMatches(u -> u.updateId() == 1)
			.thenCancel()
			.verify();
		assertThat(polls).hasSizeGreaterThanOrEqualTo(3);
	}
}
