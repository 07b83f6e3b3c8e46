package io.analytips.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import io.analytips.support.FakeBotApi;
import io.analytips.support.PipelineHarness;
import io.analytips.support.Replying;
import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The bounded buffer under a burst it cannot hold. */
class BoundedBufferIntegrationTests {

	@Test
	void holdsAtMostItsCapacityAndRejectsTheRestWithOneOverloadNoticePerUser() {
		Replying.Gate gate = new Replying.Gate();
		try (PipelineHarness harness = PipelineHarness.builder().handlers(gate).globalRate(2000).chatBurst(10).build()) {
			int users = 300;
			for (int i = 0; i < 3000; i++) {
				harness.telegram.enqueue(Updates.message(10_000 + i % users, "/help"));
			}
			harness.start();

			// Everything admitted: 256 held by the handlers, 1000 buffered, the rest rejected.
			await().atMost(Duration.ofSeconds(60)).until(() -> harness.pipeline.stats().rejected() == 3000 - 1000 - 256);
			QueueStats stats = harness.pipeline.stats();
			assertThat(stats.size()).isEqualTo(1000);
			assertThat(stats.full()).isTrue();
			assertThat(stats.inFlight()).isEqualTo(256);
			assertThat(stats.peak()).isLessThanOrEqualTo(1000);
			assertThat(gate.started).hasValue(256);

			await().atMost(Duration.ofSeconds(30)).until(() -> overloadNotices(harness).size() == users);
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
