package io.analytips.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.analytips.deploy.Artefacts.ROOT;
import static io.analytips.deploy.Artefacts.Ran;
import static io.analytips.deploy.Artefacts.map;
import static io.analytips.deploy.Artefacts.read;
import static io.analytips.deploy.Artefacts.run;
import static io.analytips.deploy.Artefacts.unitFile;
import static io.analytips.deploy.Artefacts.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/jvm.options is the one place the JVM's options live: the Procfile, the Dockerfile and the systemd unit
 * all read it, add none of their own, and ship a memory limit for its heap share to be a share of.
 */
class JvmOptionsTest {

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
	void givesHalfOfTheLimitToTheSerialHeapAndAQuarterOfThatToItsYoungGeneration(@TempDir Path scratch) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Ran ran = run(scratch, ROOT, java, "@" + FILE, "-XX:MaxRAM=512m", "-XX:+PrintFlagsFinal", "-version");
		assertThat(ran.exit()).as(ran.output()).isZero();
		assertThat(ran.output()).containsPattern("\\bUseSerialGC\\s+= true")
			.containsPattern("\\bMaxHeapSize\\s+= " + 256L * 1024 * 1024 + "\\b")
			// the ratios alone kept the young generation near 30 MB, which bursts collected 8 to 11 times a second
			.containsPattern("\\bNewSize\\s+= " + 64L * 1024 * 1024 + "\\b")
			.containsPattern("\\bMaxNewSize\\s+= " + 64L * 1024 * 1024 + "\\b")
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
