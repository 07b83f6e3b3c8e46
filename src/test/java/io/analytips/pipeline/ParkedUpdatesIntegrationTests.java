package io.analytips.pipeline;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.analytips.pipeline.inbox.AnswerLosingRepository;
import io.analytips.support.PipelineHarness;
import io.analytips.support.Replying;
import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On PostgreSQL, through long polling: an insert that commits while its answer is lost leaves a
 * row its retry does not hand over ("already there"); the bot finds it parked and answers it once,
 * without a restart. {@code BOT_PARKED_AFTER} at its 10 s minimum keeps the test short; the
 * virtual-time {@link ParkedUpdatesTest} runs production's 2 minutes.
 */
class ParkedUpdatesIntegrationTests {

	private static final Duration PARKED_AFTER = Duration.ofSeconds(10);

	@Test
	void anUpdateWhoseInsertAnswerWasLostIsAnsweredOnceWithoutARestart() {
		Replying.Echo echo = new Replying.Echo();
		AtomicReference<AnswerLosingRepository> repository = new AtomicReference<>();
		try (PipelineHarness harness = PipelineHarness.builder().handlers(echo).parkedAfter(PARKED_AFTER)
			.inboxRepository(db -> {
				repository.set(new AnswerLosingRepository(db));
				return repository.get();
			})
			.build()) {
			repository.get().loseNext(1);
			long lost = harness.telegram.enqueue(Updates.message(1, "lost"));
			harness.start();
			long started = System.nanoTime();

			// Telegram was told it was received; the row is there; nobody was given it.
			await().atMost(Duration.ofSeconds(20)).until(() -> harness.telegram.confirmedOffset() > lost);
			assertThat(harness.count(null, null)).isOne();
			assertThat(harness.telegram.messagesTo(1)).isEmpty();

			long next = harness.telegram.enqueue(Updates.message(2, "meanwhile"));
			await().atMost(Duration.ofSeconds(20)).until(() -> harness.telegram.messagesTo(2).size() == 1);

			await().atMost(PARKED_AFTER.multipliedBy(3)).until(() -> harness.telegram.messagesTo(1).size() == 1);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(PARKED_AFTER);
			assertThat(harness.telegram.messagesTo(1).get(0).text()).isEqualTo("echo: lost");
			await().atMost(Duration.ofSeconds(10)).until(() -> harness.count("done", null) == 2);

			// A round later (PARKED_AFTER / 4) and more: still answered once, nothing held.
			await().during(PARKED_AFTER.dividedBy(2)).atMost(PARKED_AFTER).until(() -> harness.telegram.messagesTo(1).size() == 1);
			assertThat(echo.handled).hasValue(2);
			assertThat(harness.pipeline.held()).isZero();
			assertThat(next).isGreaterThan(lost);
		}
	}
}
