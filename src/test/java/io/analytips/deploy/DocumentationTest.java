package io.analytips.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static io.analytips.deploy.Artefacts.YAML;
import static io.analytips.deploy.Artefacts.headingAnchors;
import static io.analytips.deploy.Artefacts.map;
import static io.analytips.deploy.Artefacts.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/operations.md} and {@code docs/configuration.md} cover what operators look for, every setting included.
 */
class DocumentationTest {

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
