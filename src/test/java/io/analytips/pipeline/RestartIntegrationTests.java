package io.analytips.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.analytips.store.DatabaseUrl;
import io.analytips.support.FakeBotApi;
import io.analytips.support.PipelineHarness;
import io.analytips.support.Replying;
import io.analytips.support.TestDatabase;
import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Crashes, restarts and redeliveries: nothing lost, nothing answered twice. */
class RestartIntegrationTests {

	/** Echoes "fast" at once and holds "slow" forever (until the process dies). */
	private static final class FastAndSlow extends Replying.Echo {

		@Override
		public Mono<Void> handle(io.analytips.pipeline.UpdateContext context) {
			return "slow".equals(context.text()) ? Mono.never() : super.handle(context);
		}
	}

	@Test
	void afterACrashProcessesUnfinishedUpdatesOnceAndNeverAnswersFinishedOnesAgain() {
		FakeBotApi telegram = FakeBotApi.start();
		DatabaseUrl database = TestDatabase.migrated();
		List<Long> fastIds = new ArrayList<>();
		try (PipelineHarness first = PipelineHarness.builder().telegram(telegram).database(database)
			.handlers(new FastAndSlow()).build()) {
			for (long user = 1; user <= 20; user++) {
				fastIds.add(telegram.enqueue(Updates.message(user, "fast")));
				telegram.enqueue(Updates.message(100 + user, "slow"));
			}
			first.start();
			await().atMost(Duration.ofSeconds(30)).until(() -> first.count("done", null) == 20
					&& first.pipeline.stats().inFlight() == 20);
			first.pipeline.kill(); // no drain, no confirmation: as if the process died
		}
		assertThat(telegram.messages()).hasSize(20);

		Replying.Echo echo = new Replying.Echo();
		try (PipelineHarness second = PipelineHarness.builder().telegram(telegram).database(database).handlers(echo)
			.build()) {
			second.start();
			await().atMost(Duration.ofSeconds(30)).until(() -> second.count("done", null) == 40);
			// Telegram redelivers finished updates whose confirmation was lost: they are not handled again.
			for (int i = 0; i < fastIds.size(); i++) {
				telegram.enqueue(Updates.message(i + 1, "fast").put("update_id", fastIds.get(i)));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> telegram.unconfirmed() == 0);
			second.stopAndWait(Duration.ofSeconds(30));

			assertThat(echo.handled).hasValue(20);
			assertThat(telegram.messages().stream().filter(m -> m.text().equals("echo: slow"))).hasSize(20);
			assertThat(telegram.messages().stream().filter(m -> m.text().equals("echo: fast"))).hasSize(20);
			assertThat(second.outcomes()).isEqualTo(Map.of("done", 40L));
		}
		finally {
			telegram.close();
		}
	}

	@Test
	void aGracefulStopDrainsWhatIsInFlightAndConfirmsTheOffset() {
		Replying.Echo slowEcho = new Replying.Echo() {
			@Override
			public Mono<Void> handle(io.analytips.pipeline.UpdateContext context) {
				return Mono.delay(Duration.ofMillis(300)).then(super.handle(context));
			}
		};
		try (PipelineHarness harness = PipelineHarness.builder().handlers(slowEcho).chatBurst(10).build()) {
			for (long user = 1; user <= 30; user++) {
				harness.telegram.enqueue(Updates.message(user, "hi"));
			}
			harness.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> harness.pipeline.stats().inFlight() > 0);
			harness.stopAndWait(Duration.ofSeconds(30));

			assertThat(harness.outcomes()).isEqualTo(Map.of("done", 30L));
			assertThat(harness.telegram.messages()).hasSize(30);
			assertThat(harness.telegram.confirmedOffset()).isEqualTo(31);
			assertThat(harness.pipeline.isRunning()).isFalse();
			assertThat(harness.meters.counter("analytips.outbound.unrecorded.sends").count())
				.as("every message of the drain recorded in the send journal").isZero();
		}
	}

	@Test
	void whenTheDrainDeadlinePassesUnfinishedUpdatesWaitForTheNextStart() {
		FakeBotApi telegram = FakeBotApi.start();
		DatabaseUrl database = TestDatabase.migrated();
		try (PipelineHarness first = PipelineHarness.builder().telegram(telegram).database(database)
			.handlers(new Replying.Gate()).drain(Duration.ofMillis(500)).build()) {
			for (long user = 1; user <= 10; user++) {
				telegram.enqueue(Updates.message(user, "held"));
			}
			first.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> first.pipeline.stats().inFlight() == 10);
			long before = System.nanoTime();
			first.stopAndWait(Duration.ofSeconds(10));
			assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
			assertThat(first.outcomes()).isEqualTo(Map.of("pending", 10L));
		}
		try (PipelineHarness second = PipelineHarness.builder().telegram(telegram).database(database)
			.handlers(new Replying.Echo()).build()) {
			second.start();
			await().atMost(Duration.ofSeconds(20)).until(() -> second.count("done", null) == 10);
			assertThat(telegram.messages()).hasSize(10);
		}
		finally {
			telegram.close();
		}
	}
}
