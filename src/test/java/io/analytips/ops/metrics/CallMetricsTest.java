package io.analytips.ops.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallMetricsTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final CallMetrics metrics = new CallMetrics(registry);

	@Test
	void countsTelegramCallsByMethodAndStatusAndTheSecondsTelegramImposed() {
		metrics.ended("sendMessage", "200", null);
		metrics.ended("sendMessage", "429", Duration.ofSeconds(7));
		metrics.ended("sendMessage", "429", Duration.ofSeconds(3));
		assertThat(registry.get("analytips.telegram.calls").tag("method", "sendMessage").tag("status", "429").counter().count())
			.isEqualTo(2);
		assertThat(registry.get("analytips.telegram.calls").tag("status", "200").counter().count()).isEqualTo(1);
		assertThat(registry.get("analytips.telegram.retry.after").counter().count()).isEqualTo(10);
	}

	@Test
	void countsApiFootballCallsByEndpointAndOutcomeAndTheirRetries() {
		metrics.ended("/fixtures", "ok");
		metrics.ended("/fixtures", "breaker_open");
		metrics.retried("/odds");
		metrics.retried("/odds");
		assertThat(registry.get("analytips.football.calls").tag("endpoint", "/fixtures").tag("outcome", "ok").counter().count())
			.isEqualTo(1);
		assertThat(registry.get("analytips.football.calls").tag("outcome", "breaker_open").counter().count()).isEqualTo(1);
		assertThat(registry.get("analytips.football.retries").tag("endpoint", "/odds").counter().count()).isEqualTo(2);
	}
}
