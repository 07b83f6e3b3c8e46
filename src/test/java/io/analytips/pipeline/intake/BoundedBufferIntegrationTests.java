package io.analytips.pipeline.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.analytips.pipeline.QueueStats;
import io.analytips.support.FakeBotApi;
import io.analytips.support.PipelineHarness;
import io.analytips.support.Replying;
import io.analytips.support.Updates;
import io.analytips.telegram.SourceStatus;
import io.analytips.telegram.WebhookSource;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The bounded buffer under a burst it cannot hold: polling leaves the rest at Telegram, a webhook refuses it. */
class BoundedBufferIntegrationTests {

	private static final int USERS = 300;

	private static final int BURST = 3000;

	@Test
	void pollingFetchesOnlyWhatTheBufferHasRoomForAndAnswersTheWholeBurst() {
		Replying.Gate gate = new Replying.Gate();
		try (PipelineHarness harness = PipelineHarness.builder().handlers(gate).globalRate(2000).chatBurst(10).build()) {
			List<Long> ids = new ArrayList<>();
			for (int i = 0; i < BURST; i++) {
				ids.add(harness.telegram.enqueue(Updates.message(10_000 + i % USERS, "/help")));
			}
			harness.start();

			// The handlers hold 256 and the buffer fills; then intake waits for room instead of fetching on.
			await().atMost(Duration.ofSeconds(60))
				.until(() -> gate.started.get() == 256 && harness.pipeline.stats().size() >= 1000 - UpdateBuffer.POLL);
			long fetched = ids.stream().filter(id -> harness.telegram.deliveriesOf(id) > 0).count();
			// what the dispatcher holds, the buffer, and at most one poll's worth on its way into it
			assertThat(fetched).isBetween(1256L - UpdateBuffer.POLL, 1256L + UpdateBuffer.POLL);
			QueueStats stats = harness.pipeline.stats();
			assertThat(stats.rejected()).isZero();
			assertThat(stats.inFlight()).isEqualTo(256);
			assertThat(stats.peak()).isLessThanOrEqualTo(1000);
			assertThat(harness.telegram.calls("getUpdates")).allMatch(poll -> poll.body().path("limit").asInt() <= 100);

			gate.release();
			await().atMost(Duration.ofSeconds(90)).until(() -> harness.count("done", null) == BURST);
			assertThat(harness.outcomes()).isEqualTo(Map.of("done", (long) BURST));
			assertThat(overloadNotices(harness)).isEmpty();
			assertThat(harness.pipeline.stats().rejected()).isZero();
			assertThat(harness.pipeline.stats().peak()).isLessThanOrEqualTo(1000);
		}
	}

	@Test
	void aWebhookHoldsAtMostItsCapacityAndRejectsTheRestWithOneOverloadNoticePerUser() {
		Replying.Gate gate = new Replying.Gate();
		try (PipelineHarness harness = PipelineHarness.builder().webhook().handlers(gate).globalRate(2000).chatBurst(10)
			.build()) {
			harness.start();
			// the webhook takes requests once it is registered
			await().atMost(Duration.ofSeconds(30))
				.until(() -> harness.webhook.status().state() == SourceStatus.State.RECEIVING);
			Flux.range(0, BURST)
				.concatMap(i -> harness.webhook.receive(Updates.message(10_000 + i % USERS, "/help")
					.put("update_id", 1 + i).toString().getBytes(StandardCharsets.UTF_8)))
				.doOnNext(reception -> assertThat(reception).isEqualTo(WebhookSource.Reception.ACCEPTED))
				.blockLast(Duration.ofSeconds(60));

			// Everything admitted: 256 held by the handlers, 1000 buffered, the rest rejected.
			await().atMost(Duration.ofSeconds(60)).until(() -> harness.pipeline.stats().rejected() == BURST - 1000 - 256);
			QueueStats stats = harness.pipeline.stats();
			assertThat(stats.size()).isEqualTo(1000);
			assertThat(stats.full()).isTrue();
			assertThat(stats.inFlight()).isEqualTo(256);
			assertThat(stats.peak()).isLessThanOrEqualTo(1000);
			assertThat(gate.started).hasValue(256);

			await().atMost(Duration.ofSeconds(30)).until(() -> overloadNotices(harness).size() == USERS);
			assertThat(overloadNotices(harness).values()).allMatch(count -> count == 1);

			gate.release();
			await().atMost(Duration.ofSeconds(60)).until(() -> harness.count(null, null) == 0
					&& harness.count("done", null) == 1256);
			assertThat(harness.outcomes()).isEqualTo(Map.of("done", 1256L, "rejected", 1744L));
			assertThat(harness.pipeline.stats().peak()).isLessThanOrEqualTo(1000);
		}
	}

	private static Map<Long, Long> overloadNotices(PipelineHarness harness) {
		return harness.telegram.messages().stream()
			.filter(call -> "OVERLOADED".equals(call.text()))
			.collect(Collectors.groupingBy(FakeBotApi.Call::chatId, Collectors.counting()));
	}
}
