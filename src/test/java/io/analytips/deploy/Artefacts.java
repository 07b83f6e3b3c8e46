package io.analytips.deploy;

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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the deployment artefacts' tests share (one test per artefact in this folder, each checking that the
 * artefact agrees with the others and with the application). The deployment artefacts (docker/, deploy/systemd/, docs/) agree with each other and with the
 * application: what compose probes exists, every alert has a runbook section, every dashboard and
 * alert query names a metric the application exposes, and every stop timeout outlasts the drain.
 * promtool and systemd-analyze are run when installed; the parsing checks run everywhere.
 */
final class Artefacts {

	private Artefacts() {
	}

	static final Path ROOT = Path.of("").toAbsolutePath();

	/** The Prometheus metric families the application exposes (plus the scrape's own and the probe's). */
	static final Set<String> METRIC_FAMILIES = Set.of(
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
	static final Pattern SERIES_SUFFIX = Pattern.compile("_(bucket|count|sum|max)$");

	static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
			"group_right", "and", "or", "unless", "bool", "offset");

	static final Yaml YAML = new Yaml();








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
