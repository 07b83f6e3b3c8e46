package io.analytips.cli;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuildVersionTest {

	private static Properties properties(Map<String, String> values) {
		Properties properties = new Properties();
		properties.putAll(values);
		return properties;
	}

	private static final Properties BUILD = properties(Map.of("build.version", "0.1.0-SNAPSHOT", "build.time",
			"2026-11-29T12:00:00.874Z"));

	@Test
	void printsTheVersionTheCommitAndTheBuildTime() {
		assertThat(BuildVersion.line(BUILD, properties(Map.of("git.commit.id.abbrev", "2ad7e43", "git.dirty", "false"))))
			.isEqualTo("analytips 0.1.0-SNAPSHOT (commit 2ad7e43, built 2026-11-29T12:00:00Z)");
	}

	@Test
	void saysTheCommitIsUnknownWhenTheSourcesWereNoGitCheckout() {
		assertThat(BuildVersion.line(BUILD, new Properties()))
			.isEqualTo("analytips 0.1.0-SNAPSHOT (commit unknown, built 2026-11-29T12:00:00Z)");
	}

	@Test
	void marksABuildWithUncommittedChanges() {
		assertThat(BuildVersion.line(BUILD, properties(Map.of("git.commit.id.abbrev", "2ad7e43", "git.dirty", "true"))))
			.contains("(commit 2ad7e43-dirty,");
	}

	@Test
	void saysWhatItDoesNotKnow() {
		assertThat(BuildVersion.line(new Properties(), new Properties()))
			.isEqualTo("analytips (version unknown) (commit unknown)");
	}

	@Test
	void readsWhatTheBuildWroteIntoTheClasses() {
		assertThat(BuildVersion.ofThisBuild())
			.matches("analytips \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{7,}(-dirty)?|unknown), built \\S+Z\\)");
	}
}
