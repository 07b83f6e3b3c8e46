package io.analytips.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.analytips.deploy.Artefacts.METRIC_FAMILIES;
import static io.analytips.deploy.Artefacts.list;
import static io.analytips.deploy.Artefacts.map;
import static io.analytips.deploy.Artefacts.metricFamilies;
import static io.analytips.deploy.Artefacts.read;
import static io.analytips.deploy.Artefacts.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/** The Grafana dashboard: every panel placed, every query on the provisioned Prometheus and on metrics the bot exposes. */
class GrafanaTest {

	private final JsonNode dashboard = JsonMapper.builder().build()
		.readTree(read("docker/grafana/dashboards/analytips.json"));

	private final List<JsonNode> panels = panels(dashboard.path("panels"));

	private final List<JsonNode> graphs = panels.stream().filter(panel -> !panel.path("type").asString().equals("row")).toList();

	@Test
	void everyPanelHasAUniqueIdAndAPlace() {
		assertThat(panels).isNotEmpty();
		assertThat(panels).extracting(panel -> panel.path("id").asInt()).doesNotHaveDuplicates().doesNotContain(0);
		assertThat(panels).allSatisfy(panel -> assertThat(panel.path("gridPos").path("w").asInt())
			.as(panel.path("title").asString()).isBetween(1, 24));
	}

	@Test
	void everyGraphQueriesTheProvisionedPrometheusDatasource() {
		Map<String, Object> datasource = map(list(yaml("docker/grafana/provisioning/datasources/prometheus.yml")
			.get("datasources")).get(0));
		assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
		assertThat(graphs).allSatisfy(panel -> {
			String title = panel.path("title").asString();
			assertThat(panel.path("datasource").path("uid").asString()).as(title).isEqualTo(datasource.get("uid"));
			assertThat(panel.path("targets").size()).as(title).isPositive();
		});
	}

	@Test
	void everyQueryReferencesOnlyMetricsTheApplicationExposes() {
		assertThat(graphs).allSatisfy(panel -> {
			for (JsonNode target : panel.path("targets")) {
				String expr = target.path("expr").asString();
				assertThat(metricFamilies(expr)).as(panel.path("title").asString() + ": " + expr)
					.isNotEmpty().isSubsetOf(METRIC_FAMILIES);
			}
		});
	}

	@Test
	void showsUpdatesLatencyQueueTelegramApiFootballAndTheRuntime() {
		Set<String> shown = graphs.stream()
			.flatMap(panel -> panel.path("targets").values().stream())
			.flatMap(target -> metricFamilies(target.path("expr").asString()).stream())
			.collect(Collectors.toSet());
		assertThat(shown).contains("analytips_updates_received_total", "analytips_updates_finished_total",
				"analytips_reply_latency_seconds", "analytips_queue_size", "analytips_queue_capacity",
				"analytips_dispatcher_in_flight", "analytips_outbound_calls_total", "analytips_telegram_calls_total",
				"analytips_football_calls_total", "analytips_football_quota_daily_remaining",
				"analytips_football_quota_minute_remaining", "analytips_football_cache_requests_total",
				"resilience4j_circuitbreaker_state", "analytips_football_bulkhead_available",
				"r2dbc_pool_acquired_connections", "jvm_memory_used_bytes", "jvm_gc_pause_seconds");
		assertThat(graphs).anySatisfy(panel -> assertThat(panel.path("targets").toString())
			.contains("histogram_quantile(0.95").contains("analytips_reply_latency_seconds_bucket"));
	}

	@Test
	void isLoadedFromTheDirectoryComposeMounts() {
		Map<String, Object> provider = map(list(yaml("docker/grafana/provisioning/dashboards/analytips.yml")
			.get("providers")).get(0));
		assertThat(map(provider.get("options"))).containsEntry("path", "/etc/grafana/dashboards");
		assertThat(dashboard.path("uid").asString()).isEqualTo("analytips");
	}

	private static List<JsonNode> panels(JsonNode array) {
		List<JsonNode> all = new ArrayList<>();
		for (JsonNode panel : array) {
			all.add(panel);
			all.addAll(panels(panel.path("panels")));
		}
		return all;
	}
}
