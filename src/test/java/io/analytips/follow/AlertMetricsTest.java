package io.analytips.follow;

import io.analytips.store.Alert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The followers' alerts are counted beside the operators' alerts, each under its own name and tags. */
class AlertMetricsTest {

	@Test
	void countsEachKindAndOutcomeBesideTheOperatorsAlertsInOneScrape() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		Counter.builder("analytips.alerts").tag("kind", "QueueAlmostFull").tag("state", "raised").register(registry)
			.increment();
		AlertMetrics metrics = new AlertMetrics(registry);

		metrics.scheduled(Alert.Kind.BEFORE, 3);
		metrics.outcome(Alert.Kind.BEFORE, "sent");
		metrics.cancelled(Alert.Kind.BEFORE, 0);

		String scrape = registry.scrape();
		assertThat(scrape).contains("analytips_follow_alerts_total{kind=\"before\",outcome=\"scheduled\"} 3.0",
				"analytips_follow_alerts_total{kind=\"before\",outcome=\"sent\"} 1.0",
				"analytips_alerts_total{kind=\"QueueAlmostFull\",state=\"raised\"} 1.0")
			.doesNotContain("outcome=\"cancelled\"");
	}
}
