package io.analytips.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.analytips.deploy.Artefacts.METRIC_FAMILIES;
import static io.analytips.deploy.Artefacts.ROOT;
import static io.analytips.deploy.Artefacts.executable;
import static io.analytips.deploy.Artefacts.headingAnchors;
import static io.analytips.deploy.Artefacts.list;
import static io.analytips.deploy.Artefacts.map;
import static io.analytips.deploy.Artefacts.metricFamilies;
import static io.analytips.deploy.Artefacts.read;
import static io.analytips.deploy.Artefacts.run;
import static io.analytips.deploy.Artefacts.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Prometheus: the scrape, the readiness probe and the alert rules, each rule with its runbook section and real metrics. */
class PrometheusTest {

	private final Map<String, Object> config = yaml("docker/prometheus/prometheus.yml");

	private final List<Map<String, Object>> rules = list(yaml("docker/prometheus/alerts.yml").get("groups")).stream()
		.flatMap(group -> list(map(group).get("rules")).stream())
		.map(Artefacts::map)
		.toList();

	@Test
	void scrapesTheBotEveryFifteenSecondsAndLoadsTheAlertRules() {
		assertThat(list(config.get("rule_files"))).containsExactly("alerts.yml");
		Map<String, Object> job = scrapeJob("analytips");
		assertThat(job).containsEntry("metrics_path", "/actuator/prometheus").containsEntry("scrape_interval", "15s");
		assertThat(list(map(list(job.get("static_configs")).get(0)).get("targets"))).containsExactly("analytips:8080");
	}

	@Test
	void probesTheSameReadinessEndpointAsTheContainerHealthCheck() {
		Map<String, Object> job = scrapeJob("analytips-readiness");
		assertThat(list(map(list(job.get("static_configs")).get(0)).get("targets")))
			.containsExactly("http://analytips:8080/actuator/health/readiness");
		assertThat(yaml("docker/compose.yaml").get("services").toString()).contains("blackbox");
	}

	@Test
	void alertsOnEveryObjectiveAndEveryComponentEpisode() {
		assertThat(rules).extracting(rule -> rule.get("alert"))
			.contains("AnalytipsDown", "AnalytipsNotReady", "AnalytipsReplyLatencyHigh", "AnalytipsErrorRateHigh",
					"ApiFootballBreakerOpen", "AnalytipsQueueAlmostFull", "ApiFootballQuotaLow", "TelegramUnauthorized");
		assertThat(expr("AnalytipsReplyLatencyHigh")).contains("analytips_reply_latency_seconds_bucket{le=\"0.1\"}")
			.contains("0.95");
		assertThat(expr("AnalytipsErrorRateHigh")).contains("outcome=\"failed\"").contains("0.001");
		assertThat(expr("AnalytipsDown")).contains("up{job=\"analytips\"}");
	}

	@Test
	void everyRuleHasADurationASeverityASummaryAndARunbookSectionThatExists() {
		Set<String> anchors = headingAnchors(read("docs/operations.md"));
		assertThat(rules).isNotEmpty().allSatisfy(rule -> {
			String name = (String) rule.get("alert");
			assertThat(rule).as(name).containsKeys("expr", "for");
			assertThat(map(rule.get("labels")).get("severity")).as(name).isIn("critical", "warning");
			Map<String, Object> annotations = map(rule.get("annotations"));
			assertThat(annotations).as(name).containsKeys("summary", "description");
			String runbook = (String) annotations.get("runbook_url");
			assertThat(runbook).as(name).startsWith("docs/operations.md#");
			assertThat(anchors).as(name).contains(runbook.substring(runbook.indexOf('#') + 1));
		});
	}

	@Test
	void everyRuleQueriesOnlyMetricsTheApplicationExposes() {
		assertThat(rules).allSatisfy(rule -> assertThat(metricFamilies((String) rule.get("expr")))
			.as((String) rule.get("alert")).isNotEmpty().isSubsetOf(METRIC_FAMILIES));
	}

	@Test
	void promtoolAcceptsTheConfigurationAndTheRuleUnitTestsPass(@TempDir Path scratch) throws Exception {
		assumeTrue(executable("promtool") != null, "promtool is not installed (apt-get install prometheus)");
		Path dir = ROOT.resolve("docker/prometheus");
		assertThat(run(scratch, dir, "promtool", "check", "config", "prometheus.yml")).satisfies(ran -> assertThat(ran.exit()).as(ran.output()).isZero());
		assertThat(run(scratch, dir, "promtool", "test", "rules", "alerts.test.yml")).satisfies(ran -> assertThat(ran.exit()).as(ran.output()).isZero());
	}

	private Map<String, Object> scrapeJob(String name) {
		return list(config.get("scrape_configs")).stream()
			.map(Artefacts::map)
			.filter(job -> name.equals(job.get("job_name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no scrape job " + name));
	}

	private String expr(String alert) {
		return rules.stream().filter(rule -> alert.equals(rule.get("alert"))).map(rule -> (String) rule.get("expr"))
			.findFirst().orElseThrow();
	}
}
