package io.analytips;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The deployment artefacts (docker/, deploy/systemd/, docs/) agree with each other and with the
 * application: what compose probes exists, every alert has a runbook section, every dashboard and
 * alert query names a metric the application exposes, and every stop timeout outlasts the drain.
 * promtool and systemd-analyze are run when installed; the parsing checks run everywhere.
 */
class DeploymentArtefactsTest {

	private static final Path ROOT = Path.of("").toAbsolutePath();

	/** The Prometheus metric families the application exposes (plus the scrape's own and the probe's). */
	private static final Set<String> METRIC_FAMILIES = Set.of(
			"analytips_updates_received_total", "analytips_updates_finished_total", "analytips_updates_handling_seconds",
			"analytips_bot_up",
			"analytips_queue_size", "analytips_queue_capacity", "analytips_queue_utilisation",
			"analytips_dispatcher_in_flight", "analytips_outbound_pending", "analytips_outbound_calls_total",
			"analytips_outbound_paused_chats", "analytips_football_quota_daily_remaining",
			"analytips_football_quota_daily_limit", "analytips_football_quota_minute_remaining",
			"analytips_football_quota_exhausted", "analytips_football_cache_requests_total",
			"analytips_football_bulkhead_available", "analytips_football_bulkhead_waiting",
			"resilience4j_circuitbreaker_state", "resilience4j_circuitbreaker_calls_seconds",
			"analytips_football_rate_limit_available", "r2dbc_pool_acquired_connections",
			"r2dbc_pool_idle_connections", "r2dbc_pool_pending_connections", "r2dbc_pool_max_allocated_size",
			"jvm_memory_used_bytes", "jvm_gc_pause_seconds", "process_cpu_usage", "up",
			"analytips_reply_latency_seconds", "analytips_user_actions_total", "analytips_telegram_calls_total",
			"analytips_telegram_retry_after_seconds_total", "analytips_football_calls_total",
			"analytips_football_retries_total", "analytips_conversation_transitions_total", "analytips_alerts_total",
			"analytips_follow_alerts_total",
			"analytips_picture_sent_total", "analytips_picture_failures_total", "analytips_picture_render_seconds",
			"analytips_inbox_backlog",
			// The blackbox exporter's readiness probe (docker/prometheus/blackbox.yml).
			"probe_success");

	/** The series of a histogram or timer family. */
	private static final Pattern SERIES_SUFFIX = Pattern.compile("_(bucket|count|sum|max)$");

	private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
			"group_right", "and", "or", "unless", "bool", "offset");

	private static final Yaml YAML = new Yaml();

	@Nested
	class DockerCompose {

		private final Map<String, Object> compose = yaml("docker/compose.yaml");

		private final Map<String, Object> services = map(compose.get("services"));

		@Test
		void runsPostgresTheBotPrometheusAndGrafana() {
			assertThat(services).containsKeys("postgres", "analytips", "prometheus", "grafana");
		}

		@Test
		void keepsPostgresDataInANamedVolumeAndReportsItsHealthWithPgIsready() {
			Map<String, Object> postgres = map(services.get("postgres"));
			assertThat((String) postgres.get("image")).startsWith("postgres:17");
			String volume = list(postgres.get("volumes")).get(0).toString().split(":")[0];
			assertThat(map(compose.get("volumes"))).containsKey(volume);
			assertThat(map(postgres.get("healthcheck")).get("test").toString()).contains("pg_isready");
		}

		@Test
		void buildsTheBotFromTheDockerfileAndStartsItOnceTheDatabaseIsHealthy() {
			Map<String, Object> bot = map(services.get("analytips"));
			Map<String, Object> build = map(bot.get("build"));
			Path context = ROOT.resolve("docker").resolve((String) build.get("context")).normalize();
			assertThat(context).isEqualTo(ROOT);
			assertThat(context.resolve((String) build.get("dockerfile"))).isRegularFile();
			assertThat(map(map(bot.get("depends_on")).get("postgres"))).containsEntry("condition", "service_healthy");
			assertThat(map(bot.get("environment")))
				.containsEntry("DATABASE_URL", "postgres://analytips:analytips@postgres:5432/analytips");
			assertThat(list(bot.get("ports"))).anySatisfy(port -> assertThat(port.toString()).endsWith("8080:8080"));
		}

		@Test
		void readsTheSecretsFromAnOptionalEnvFileWhoseExampleIsCommitted() {
			Map<String, Object> envFile = map(list(map(services.get("analytips")).get("env_file")).get(0));
			assertThat(envFile).containsEntry("path", "./analytips.env").containsEntry("required", false);
			assertThat(ROOT.resolve("docker/analytips.env.example")).isRegularFile();
			assertThat(read(".gitignore")).contains("docker/analytips.env");
		}

		@Test
		void probesReadinessWithAToolTheRuntimeImageInstalls() {
			List<Object> test = list(map(map(services.get("analytips")).get("healthcheck")).get("test"));
			assertThat(test.get(0)).isEqualTo("CMD");
			assertThat(test).contains("http://localhost:8080/actuator/health/readiness");
			String dockerfile = read("docker/Dockerfile");
			String runtimeStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
			assertThat(runtimeStage).containsPattern("apt-get install[^\\n]*\\b" + test.get(1) + "\\b");
		}

		@Test
		void givesTheBotLongerToStopThanItsDrainTakes() {
			Map<String, Object> bot = map(services.get("analytips"));
			assertThat(bot.get("stop_signal")).isEqualTo("SIGTERM");
			Duration grace = composeDuration((String) bot.get("stop_grace_period"));
			assertThat(grace).isGreaterThanOrEqualTo(Duration.ofSeconds(30)).isGreaterThan(drainTimeout());
		}

		@Test
		void mountsTheMonitoringConfigurationThatExists() {
			assertThat(list(map(services.get("prometheus")).get("volumes")))
				.contains("./prometheus:/etc/prometheus:ro");
			assertThat(list(map(services.get("grafana")).get("volumes")))
				.contains("./grafana/provisioning:/etc/grafana/provisioning:ro", "./grafana/dashboards:/etc/grafana/dashboards:ro");
			assertThat(ROOT.resolve("docker/prometheus/prometheus.yml")).isRegularFile();
			assertThat(ROOT.resolve("docker/grafana/dashboards/analytips.json")).isRegularFile();
		}
	}

	/** The {@code replicas} profile: two webhook replicas on the compose PostgreSQL behind nginx. */
	@Nested
	class ComposeReplicas {

		private static final List<String> REPLICAS = List.of("analytips-a", "analytips-b");

		private final Map<String, Object> compose = yaml("docker/compose.yaml");

		private final Map<String, Object> services = map(compose.get("services"));

		private final String nginx = read("docker/nginx/replicas.conf");

		@Test
		void runsTwoBotReplicasOnlyInTheReplicasProfileAndTheSingleBotByDefault() {
			assertThat(services).containsKeys("analytips-a", "analytips-b", "nginx");
			for (String name : List.of("analytips-a", "analytips-b", "nginx")) {
				assertThat(list(map(services.get(name)).get("profiles"))).as(name).containsExactly("replicas");
			}
			assertThat(map(services.get("analytips"))).doesNotContainKey("profiles");
			assertThat(map(services.get("nginx")).get("image")).isEqualTo("nginx:1.27-alpine");
			assertThat(list(map(services.get("nginx")).get("ports"))).containsExactly("8080:8080");
		}

		@Test
		void buildsTheSameImageWithTheSameSecretsAndSharesTheBotsDatabase() {
			Map<String, Object> single = map(services.get("analytips"));
			Object databaseUrl = map(single.get("environment")).get("DATABASE_URL");
			assertThat(REPLICAS).allSatisfy(name -> {
				Map<String, Object> replica = map(services.get(name));
				assertThat(replica.get("build")).as(name).isEqualTo(single.get("build"));
				assertThat(replica.get("image")).as(name).isEqualTo(single.get("image"));
				assertThat(replica.get("env_file")).as(name).isEqualTo(single.get("env_file"));
				assertThat(map(replica.get("environment"))).as(name).containsEntry("DATABASE_URL", databaseUrl)
					.containsEntry("TELEGRAM_MODE", "webhook");
				assertThat(map(map(replica.get("depends_on")).get("postgres"))).as(name)
					.containsEntry("condition", "service_healthy");
			});
		}

		@Test
		void namesEachReplicaAndGivesEachASendJournalVolumeOfItsOwn() {
			Set<Object> ids = new HashSet<>();
			Set<String> volumes = new HashSet<>();
			for (String name : REPLICAS) {
				Map<String, Object> replica = map(services.get(name));
				ids.add(map(replica.get("environment")).get("REPLICA_ID"));
				String mount = list(replica.get("volumes")).stream().map(Object::toString)
					.filter(volume -> volume.endsWith(":/app/data")).findFirst()
					.orElseThrow(() -> new AssertionError(name + " mounts nothing on /app/data"));
				volumes.add(mount.split(":")[0]);
			}
			assertThat(ids).doesNotContainNull().hasSize(REPLICAS.size());
			assertThat(volumes).hasSize(REPLICAS.size()).doesNotContain("analytips-data");
			assertThat(map(compose.get("volumes"))).containsKeys(volumes.toArray(String[]::new));
		}

		@Test
		void checksReadinessAndStopsLikeTheSingleBotLongerThanItsDrainTakes() {
			Map<String, Object> single = map(services.get("analytips"));
			assertThat(REPLICAS).allSatisfy(name -> {
				Map<String, Object> replica = map(services.get(name));
				assertThat(replica.get("healthcheck")).as(name).isEqualTo(single.get("healthcheck"));
				assertThat(replica.get("stop_signal")).as(name).isEqualTo("SIGTERM");
				Duration grace = composeDuration((String) replica.get("stop_grace_period"));
				assertThat(grace).as(name).isGreaterThanOrEqualTo(Duration.ofSeconds(30)).isGreaterThan(drainTimeout());
			});
		}

		@Test
		void nginxMountsItsConfigurationWhichBalancesOverBothReplicas() {
			assertThat(list(map(services.get("nginx")).get("volumes")))
				.contains("./nginx/replicas.conf:/etc/nginx/conf.d/default.conf:ro");
			assertThat(ROOT.resolve("docker/nginx/replicas.conf")).isRegularFile();
			String upstream = block(nginx, "upstream");
			assertThat(REPLICAS).allSatisfy(name -> assertThat(upstream).containsPattern("(?m)^\\s*server " + name + ":8080\\b"));
			assertThat(map(services.get("nginx")).get("depends_on").toString()).contains(REPLICAS);
			assertThat(nginx).containsPattern("(?m)^\\s*listen 8080;");
		}

		@Test
		void nginxRetriesAWebhookPostOnTheOtherReplicaWhenOneIsDownOrDraining() {
			String webhook = block(nginx, "location = /telegram/webhook");
			Matcher retry = Pattern.compile("(?m)^\\s*proxy_next_upstream ([^;]*);").matcher(webhook);
			assertThat(retry.find()).as("proxy_next_upstream in the webhook location").isTrue();
			assertThat(retry.group(1).split("\\s+")).contains("error", "timeout", "http_502", "http_503", "non_idempotent");
			assertThat(webhook).containsPattern("proxy_next_upstream_tries 2;").contains("proxy_pass http://");
			assertThat(nginx).contains("proxy_set_header X-Telegram-Bot-Api-Secret-Token $http_x_telegram_bot_api_secret_token;")
				.containsPattern("proxy_set_header X-Forwarded-For \\$\\w+;")
				.contains("location / {");
			// A location's own proxy_set_header would drop the server's, the secret among them.
			assertThat(webhook).doesNotContain("proxy_set_header");
		}

		/** The text between the braces of the first block whose line starts with {@code opening} (comments aside). */
		private static String block(String config, String opening) {
			Matcher start = Pattern.compile("(?m)^\\s*" + Pattern.quote(opening) + "(?=[\\s{])[^{;#\\n]*\\{").matcher(config);
			assertThat(start.find()).as("a block " + opening).isTrue();
			int depth = 1;
			for (int i = start.end(); i < config.length(); i++) {
				if (config.charAt(i) == '{') {
					depth++;
				}
				else if (config.charAt(i) == '}' && --depth == 0) {
					return config.substring(start.end(), i);
				}
			}
			throw new AssertionError("unclosed block " + opening);
		}
	}

	@Nested
	class Prometheus {

		private final Map<String, Object> config = yaml("docker/prometheus/prometheus.yml");

		private final List<Map<String, Object>> rules = list(yaml("docker/prometheus/alerts.yml").get("groups")).stream()
			.flatMap(group -> list(map(group).get("rules")).stream())
			.map(DeploymentArtefactsTest::map)
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
				.map(DeploymentArtefactsTest::map)
				.filter(job -> name.equals(job.get("job_name")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no scrape job " + name));
		}

		private String expr(String alert) {
			return rules.stream().filter(rule -> alert.equals(rule.get("alert"))).map(rule -> (String) rule.get("expr"))
				.findFirst().orElseThrow();
		}
	}

	@Nested
	class Grafana {

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

	@Nested
	class Systemd {

		private final Path unit = ROOT.resolve("deploy/systemd/analytips.service");

		private final Map<String, Map<String, List<String>>> sections = unitFile(read("deploy/systemd/analytips.service"));

		@Test
		void runsTheJarAsItsOwnUserWithTheEnvironmentFileAndRestartsAlways() {
			Map<String, List<String>> service = sections.get("Service");
			assertThat(service.get("Type")).containsExactly("simple");
			assertThat(service.get("ExecStart").get(0)).startsWith("/usr/bin/java ").endsWith("-jar /opt/analytips/analytips.jar");
			assertThat(service.get("EnvironmentFile")).containsExactly("/etc/analytips/analytips.env");
			assertThat(service.get("Restart")).containsExactly("always");
			assertThat(service.get("RestartSec")).containsExactly("5");
			assertThat(service.get("User")).containsExactly("analytips");
			assertThat(service).doesNotContainKey("RestartPreventExitStatus");
			assertThat(ROOT.resolve("deploy/systemd/analytips.env.example")).isRegularFile();
			assertThat(sections.get("Install").get("WantedBy")).containsExactly("multi-user.target");
		}

		@Test
		void stopsWithSigtermAndWaitsLongerThanTheDrain() {
			Map<String, List<String>> service = sections.get("Service");
			assertThat(service.get("KillSignal")).containsExactly("SIGTERM");
			assertThat(Duration.ofSeconds(Long.parseLong(service.get("TimeoutStopSec").get(0)))).isGreaterThan(drainTimeout());
		}

		@Test
		void isSandboxedWithTheEmbeddedDatabaseInItsWritableWorkingDirectory() {
			Map<String, List<String>> service = sections.get("Service");
			assertThat(service.get("NoNewPrivileges")).containsExactly("yes");
			assertThat(service.get("ProtectSystem")).containsExactly("strict");
			assertThat(service.get("ReadWritePaths")).containsExactly("/var/lib/analytips");
			assertThat(service.get("WorkingDirectory")).containsExactly("/var/lib/analytips");
			assertThat(service).doesNotContainKey("MemoryDenyWriteExecute");
		}

		@Test
		void passesSystemdAnalyzeVerify(@TempDir Path scratch) throws Exception {
			String analyze = executable("systemd-analyze");
			assumeTrue(analyze != null, "systemd-analyze is not installed");
			// verify also checks that ExecStart's binary exists: point it at this JVM where /usr/bin/java is missing.
			String text = read("deploy/systemd/analytips.service");
			if (!Files.isExecutable(Path.of("/usr/bin/java"))) {
				text = text.replace("ExecStart=/usr/bin/java ", "ExecStart=" + Path.of(System.getProperty("java.home"), "bin", "java") + " ");
			}
			Path copy = Files.writeString(scratch.resolve("analytips.service"), text);
			Ran ran = run(scratch, scratch, analyze, "verify", "--man=no", copy.toString());
			// Unknown keys and unparsable values are only warnings (exit 0): any line about the unit fails.
			assertThat(ran.output().lines().filter(line -> line.contains("analytips.service"))).as(ran.output()).isEmpty();
			assertThat(ran.exit()).as(ran.output()).isZero();
			assertThat(unit).isRegularFile();
		}
	}

	/**
	 * deploy/jvm.options is the one place the JVM's options live: the Procfile, the Dockerfile and the systemd unit
	 * all read it, add none of their own, and ship a memory limit for its heap share to be a share of.
	 */
	@Nested
	class JvmOptions {

		private static final String FILE = "deploy/jvm.options";

		private final List<String> options = read(FILE).lines().map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

		@Test
		void holdsOneCommentedOptionALineWithTheCollectorAHeapShareAndExitOnOutOfMemory() {
			assertThat(options).allSatisfy(option -> assertThat(option).matches("-\\S+"))
				.contains("-XX:+UseSerialGC", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError")
				.anySatisfy(option -> assertThat(option).startsWith("-XX:MaxDirectMemorySize="))
				.anySatisfy(option -> assertThat(option).startsWith("-XX:ReservedCodeCacheSize="));
			// A fixed heap or RAM size would replace the container's or unit's limit.
			assertThat(options).noneMatch(option -> option.startsWith("-Xmx") || option.startsWith("-XX:MaxRAM=")
					|| option.startsWith("-XX:MaxHeapSize"));
			// Each option, or group of options, right under the comment that says why.
			List<String> lines = read(FILE).lines().map(String::strip).toList();
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).startsWith("-")) {
					assertThat(i).as("the comment saying why " + lines.get(i)).isPositive();
					assertThat(lines.get(i - 1)).as("the comment saying why " + lines.get(i)).matches("[#-].*");
				}
			}
		}

		@Test
		void isReadByThisJdkAsAnArgumentFileGivingHalfOfTheLimitToTheSerialHeap(@TempDir Path scratch) throws Exception {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			Ran ran = run(scratch, ROOT, java, "@" + FILE, "-XX:MaxRAM=512m", "-XX:+PrintFlagsFinal", "-version");
			assertThat(ran.exit()).as(ran.output()).isZero();
			assertThat(ran.output()).containsPattern("\\bUseSerialGC\\s+= true")
				.containsPattern("\\bMaxHeapSize\\s+= " + 256L * 1024 * 1024 + "\\b")
				.containsPattern("\\bExitOnOutOfMemoryError\\s+= true");
		}

		@Test
		void theProcfileRunsJavaWithItAndTwoMallocArenas() {
			String web = read("Procfile").lines().filter(line -> line.startsWith("web:")).findFirst().orElseThrow();
			assertThat(web).contains(" MALLOC_ARENA_MAX=2 ").contains(" java @" + FILE + " $JAVA_OPTS -jar ");
			assertThat(web).doesNotContain("-XX:").doesNotContain("-Xm");
		}

		@Test
		void theImageCopiesItAndItsEntrypointRunsJavaWithItAndTwoMallocArenas() {
			String dockerfile = read("docker/Dockerfile");
			String runtimeStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
			Matcher copy = Pattern.compile("(?m)^COPY " + Pattern.quote(FILE) + " (\\S+)$").matcher(runtimeStage);
			assertThat(copy.find()).as("COPY " + FILE + " in the runtime stage").isTrue();
			Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]$").matcher(runtimeStage);
			assertThat(entrypoint.find()).isTrue();
			assertThat(entrypoint.group(1)).isEqualTo("\"java\", \"@" + copy.group(1) + "\", \"-jar\", \"/app/analytips.jar\"");
			assertThat(runtimeStage).containsPattern("(?m)^\\s*MALLOC_ARENA_MAX=2$");
		}

		@Test
		void theUnitRunsJavaWithTheCopyItsInstructionsInstallAndTwoMallocArenasUnderAMemoryLimit() {
			String text = read("deploy/systemd/analytips.service");
			Map<String, List<String>> service = unitFile(text).get("Service");
			Matcher install = Pattern.compile("(?m)^#\\s+install -D -m 0644 " + Pattern.quote(FILE) + " (\\S+)$")
				.matcher(text);
			assertThat(install.find()).as("the install line for " + FILE).isTrue();
			assertThat(service.get("ExecStart"))
				.containsExactly("/usr/bin/java @" + install.group(1) + " $JAVA_OPTS -jar /opt/analytips/analytips.jar");
			assertThat(service.get("Environment")).contains("MALLOC_ARENA_MAX=2").noneMatch(line -> line.contains("-XX:"));
			assertThat(service.get("MemoryMax")).singleElement().asString().matches("\\d+M");
		}

		@Test
		void composeLimitsEveryBotsMemory() {
			Map<String, Object> services = map(yaml("docker/compose.yaml").get("services"));
			assertThat(List.of("analytips", "analytips-a", "analytips-b"))
				.allSatisfy(name -> assertThat(map(services.get(name))).as(name).containsEntry("mem_limit", "512m"));
		}
	}

	@Nested
	class Documentation {

		@Test
		void theOperationsGuideCoversStartStopUpgradeBackupHealthMetricsLogsAndAlerts() {
			assertThat(headingAnchors(read("docs/operations.md"))).contains("running-it", "stopping", "upgrading",
					"backup-and-restore", "health", "metrics", "logs", "admin-commands-in-telegram", "alerts");
			assertThat(read("docs/operations.md")).contains("pg_dump", "pg_restore", "postmaster.pid", "LOG_FORMAT");
		}

		@Test
		void theConfigurationReferenceListsEveryVariableAndPropertyWithItsDefault() {
			String configuration = read("docs/configuration.md");
			String applicationYml = read("src/main/resources/application.yml");
			Set<String> variables = new TreeSet<>(Set.of("ADMIN_API_TOKEN", "DEMO_LANGUAGE", "SERVER_PORT", "LOG_FORMAT"));
			Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}").matcher(applicationYml);
			Map<String, String> defaults = new LinkedHashMap<>();
			while (placeholder.find()) {
				variables.add(placeholder.group(1));
				defaults.put(placeholder.group(1), placeholder.group(2));
			}
			assertThat(variables).allSatisfy(variable -> assertThat(configuration).contains("`" + variable + "`"));
			defaults.forEach((variable, value) -> {
				if (!value.isEmpty()) {
					assertThat(row(configuration, variable)).as(variable).contains("`" + value + "`");
				}
			});
			assertThat(properties("analytips", map(YAML.<Map<String, Object>>load(applicationYml).get("analytips"))))
				.allSatisfy(property -> assertThat(configuration).contains("`" + property + "`"));
		}

		private static String row(String markdown, String variable) {
			return markdown.lines().filter(line -> line.startsWith("| `" + variable + "`")).findFirst().orElse("");
		}

		private static List<String> properties(String prefix, Map<String, Object> tree) {
			List<String> names = new ArrayList<>();
			tree.forEach((key, value) -> {
				if (value instanceof Map<?, ?> child) {
					names.addAll(properties(prefix + "." + key, map(child)));
				}
				else {
					names.add(prefix + "." + key);
				}
			});
			return names;
		}
	}

	/** The metric families a PromQL expression reads: selectors' names, without labels, functions or keywords. */
	static Set<String> metricFamilies(String expr) {
		String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
		Set<String> families = new HashSet<>();
		Matcher identifier = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(bare);
		while (identifier.find()) {
			String name = identifier.group(1);
			if (identifier.group(2) == null && !PROMQL_WORDS.contains(name)) {
				String family = SERIES_SUFFIX.matcher(name).replaceFirst("");
				families.add(METRIC_FAMILIES.contains(family) ? family : name);
			}
		}
		return families;
	}

	/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
	static Set<String> headingAnchors(String markdown) {
		return markdown.lines()
			.filter(line -> line.startsWith("#"))
			.map(line -> line.replaceFirst("^#+\\s*", "").strip().toLowerCase().replaceAll("[^\\p{L}\\p{N} _-]", "")
				.replace(' ', '-'))
			.collect(Collectors.toSet());
	}

	/** A unit file's sections and keys; fails on anything that is neither a comment, a section nor key=value. */
	static Map<String, Map<String, List<String>>> unitFile(String text) {
		Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
		Map<String, List<String>> current = null;
		for (String line : text.lines().map(String::strip).toList()) {
			if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
				continue;
			}
			if (line.matches("\\[[A-Za-z]+]")) {
				current = sections.computeIfAbsent(line.substring(1, line.length() - 1), name -> new LinkedHashMap<>());
				continue;
			}
			assertThat(current).as("a key before any section: " + line).isNotNull();
			assertThat(line).as("not key=value").matches("[A-Za-z][A-Za-z0-9]*=.*");
			int equals = line.indexOf('=');
			current.computeIfAbsent(line.substring(0, equals), key -> new ArrayList<>()).add(line.substring(equals + 1));
		}
		assertThat(sections).containsKeys("Unit", "Service", "Install");
		return sections;
	}

	/** SHUTDOWN_DRAIN_TIMEOUT's default, from application.yml: the deadline every stop timeout must outlast. */
	static Duration drainTimeout() {
		Map<String, Object> bot = map(map(yaml("src/main/resources/application.yml").get("analytips")).get("bot"));
		Matcher placeholder = Pattern.compile("\\$\\{SHUTDOWN_DRAIN_TIMEOUT:(\\d+)s}").matcher((String) bot.get("shutdown-drain-timeout"));
		assertThat(placeholder.matches()).isTrue();
		return Duration.ofSeconds(Long.parseLong(placeholder.group(1)));
	}

	/** Compose durations: {@code 30s}, {@code 1m30s}, {@code 1h}. */
	static Duration composeDuration(String value) {
		Matcher part = Pattern.compile("(\\d+)(h|ms|m|s)").matcher(value);
		Duration total = Duration.ZERO;
		int end = 0;
		while (part.find() && part.start() == end) {
			long amount = Long.parseLong(part.group(1));
			total = total.plus(switch (part.group(2)) {
				case "h" -> Duration.ofHours(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "ms" -> Duration.ofMillis(amount);
				default -> Duration.ofSeconds(amount);
			});
			end = part.end();
		}
		assertThat(end).as("a duration: " + value).isEqualTo(value.length()).isPositive();
		return total;
	}

	record Ran(int exit, String output) {
	}

	/** Runs a tool to completion (a minute at most), its output captured through a file. */
	static Ran run(Path scratch, Path directory, String... command) throws IOException, InterruptedException {
		Path output = Files.createTempFile(scratch, "out", ".txt");
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
			.redirectOutput(output.toFile()).start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(String.join(" ", command) + " did not finish within a minute");
		}
		return new Ran(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
	}

	/** The path of a program on PATH, or null. */
	static String executable(String name) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		return null;
	}

	static String read(String path) {
		try {
			return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new AssertionError("cannot read " + path, ex);
		}
	}

	static Map<String, Object> yaml(String path) {
		return YAML.load(read(path));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<Object>) value;
	}
}
