package io.analytips.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.analytips.deploy.Artefacts.ROOT;
import static io.analytips.deploy.Artefacts.composeDuration;
import static io.analytips.deploy.Artefacts.drainTimeout;
import static io.analytips.deploy.Artefacts.list;
import static io.analytips.deploy.Artefacts.map;
import static io.analytips.deploy.Artefacts.read;
import static io.analytips.deploy.Artefacts.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code docker/compose.yaml}: PostgreSQL, the bot, Prometheus and Grafana; probed, kept and stopped as the bot needs. */
class DockerComposeTest {

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
