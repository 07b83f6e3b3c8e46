package io.analytips.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.analytips.deploy.Artefacts.ROOT;
import static io.analytips.deploy.Artefacts.Ran;
import static io.analytips.deploy.Artefacts.drainTimeout;
import static io.analytips.deploy.Artefacts.executable;
import static io.analytips.deploy.Artefacts.read;
import static io.analytips.deploy.Artefacts.run;
import static io.analytips.deploy.Artefacts.unitFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The systemd unit: its user, environment, restarts, sandbox, and a stop that outlasts the drain. */
class SystemdTest {

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
