package io.analytips;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.analytips.backtest.BacktestMain;
import io.analytips.cli.AuditVerifyMain;
import io.analytips.cli.BuildVersion;
import io.analytips.cli.CommandLine;
import io.analytips.cli.PreflightReport;
import io.analytips.cli.SettingSources;
import io.analytips.cli.SettingsBinding;
import io.analytips.cli.SettingsPreflight;
import io.analytips.cli.SimulatorMain;
import io.analytips.cli.Usage;
import io.analytips.common.ClockProperties;
import io.analytips.common.Clocks;
import io.analytips.ops.ShutdownSignals;
import io.analytips.ops.startup.StartupFailureReporter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Analytips: a Telegram bot that analyses football matches. {@code main} reads the command line first
 * ({@link CommandLine}; {@code --help} lists every mode, {@code --version} the build, a wrong argument exits
 * 2), then checks that the settings the bot cannot start without are given ({@link SettingsPreflight}:
 * within a second) and that every setting's value binds as Spring will bind it ({@link SettingsBinding}),
 * exiting 1 with one line per problem before Spring or the embedded database start; then installs the signal
 * handlers (SIGTERM drains and exits 0) and starts Spring; a start that fails there exits 1 after the failure
 * was reported in one line that names the setting to fix.
 * {@code --demo} runs offline against the API-Football simulator (in the terminal, or on Telegram when a
 * token is set); {@code --simulator [--port=N]} serves only the simulator; {@code audit-verify} checks the
 * audit trail; {@code backtest --league E0 --from 2019 --to 2024} runs the walk-forward backtest of the
 * model on the bundled seasons (none of these three starts a Spring context).
 */
@SpringBootApplication
@EnableConfigurationProperties(ClockProperties.class)
public class AnalytipsApplication {

	public static void main(String[] args) {
		CommandLine command;
		try {
			command = CommandLine.parse(List.of(args));
		}
		catch (IllegalArgumentException wrong) {
			System.err.println("analytips: " + wrong.getMessage() + "; see --help");
			System.exit(2);
			return;
		}
		switch (command.mode()) {
			case HELP -> System.out.print(Usage.text());
			case VERSION -> System.out.println(BuildVersion.ofThisBuild());
			case AUDIT_VERIFY -> System.exit(AuditVerifyMain.run(System.getenv("DATABASE_URL"), Path.of("data", "postgres"),
					System.out, System.err));
			case BACKTEST -> System.exit(BacktestMain.run(command.arguments(), System.out, System.err));
			case SIMULATOR -> SimulatorMain.run(command.arguments());
			case RUN, DEMO -> runBot(command.mode(), args);
		}
	}

	private static void runBot(CommandLine.Mode mode, String[] args) {
		SettingSources given = SettingSources.ofThisProcess(List.of(args));
		// With a token the demo serves Telegram; without one, the terminal.
		boolean terminalDemo = mode == CommandLine.Mode.DEMO && !SettingsPreflight.hasToken(given);
		List<String> profiles = mode != CommandLine.Mode.DEMO ? List.of()
				: terminalDemo ? List.of("demo", "console") : List.of("demo");
		List<String> problems = SettingsPreflight.problems(mode, given, Path.of("").toAbsolutePath());
		if (problems.isEmpty()) {
			// What libraries log before logging is configured (Hibernate Validator's version, at INFO) would come
			// before the problems, in another format: held back, as Spring Boot does until it configures logging,
			// and let through again after, so that what Spring reports before it configures logging is seen.
			LoggingSystem logging = LoggingSystem.get(AnalytipsApplication.class.getClassLoader());
			logging.beforeInitialize();
			try {
				problems = SettingsBinding.problems(mode, given, profiles);
			}
			catch (RuntimeException unreadable) {
				// A configuration file that cannot be read (or an import that is missing): Spring reads the same
				// files next and reports that in its own words, as it did before this check existed.
				problems = List.of();
			}
			finally {
				logging.cleanUp();
			}
		}
		boolean json = PreflightReport.json(given, System.console() != null, terminalDemo);
		if (!problems.isEmpty()) {
			PreflightReport.print(problems, json, Clocks.system().instant(), System.out, System.err);
			System.exit(1);
		}
		ShutdownSignals signals = ShutdownSignals.install();
		SpringApplication application = new SpringApplication(AnalytipsApplication.class);
		application.setAdditionalProfiles(profiles.toArray(String[]::new));
		try {
			signals.attach(application.run(args));
		}
		catch (Throwable startFailed) {
			// Reported in the log (StartupFailureReporter or Spring Boot's failure analysis); the terminal demo's
			// log is a file, so its reader is told here too.
			if (terminalDemo) {
				String line = StartupFailureReporter.describe(startFailed);
				PreflightReport.print(List.of(line != null ? line : "the demo could not start: " + rootMessage(startFailed)
						+ " (details in data/demo/analytips-demo.log)"), json, Clocks.system().instant(), System.out,
						System.err);
			}
			System.exit(1);
		}
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() != null ? root.getMessage() : root.getClass().getName();
	}

	/**
	 * The time source: the machine's clock, or one started on a given date (the demo's {@code DEMO_DATE}, tests),
	 * possibly running faster (the demo's {@code DEMO_SPEED}).
	 */
	@Bean
	Clock clock(ClockProperties properties) {
		return properties.clock();
	}
}
