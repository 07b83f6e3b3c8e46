package io.analytips.deploy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static io.analytips.deploy.Artefacts.ROOT;
import static io.analytips.deploy.Artefacts.composeDuration;
import static io.analytips.deploy.Artefacts.drainTimeout;
import static io.analytips.deploy.Artefacts.list;
import static io.analytips.deploy.Artefacts.map;
import static io.analytips.deploy.Artefacts.read;
import static io.analytips.deploy.Artefacts.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code replicas} profile: two webhook replicas on the compose PostgreSQL behind nginx. */
class ComposeReplicasTest {

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
