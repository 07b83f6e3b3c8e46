package io.analytips;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.analytips.backtest.BacktestMain;
import io.analytips.common.ClockProperties;
import io.analytips.ops.ShutdownSignals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Analytips: a Telegram bot that analyses football matches. {@code main} installs the signal
 * handlers (SIGTERM drains and exits 0) and exits 1 when start-up fails, after the failure was
 * reported in one line that names the setting to fix. {@code --demo} runs offline against the
 * API-Football simulator (in the terminal, or on Telegram when a token is set);
 * {@code --simulator [--port=N]} serves only the simulator; {@code audit-verify} checks the audit trail;
 * {@code backtest --league E0 --from 2019 --to 2024} runs the walk-forward backtest of the model on the
 * bundled seasons (neither starts a Spring context).
 */
@SpringBootApplication
@EnableConfigurationProperties(ClockProperties.class)
public class AnalytipsApplication {

	public static void main(String[] args) {
		List<String> arguments = List.of(args);
		if (!arguments.isEmpty() && arguments.get(0).equals("audit-verify")) {
			System.exit(AuditVerifyMain.run(System.getenv("DATABASE_URL"), Path.of("data", "postgres"), System.out,
					System.err));
		}
		if (!arguments.isEmpty() && arguments.get(0).equals("backtest")) {
			System.exit(BacktestMain.run(arguments.subList(1, arguments.size()), System.out, System.err));
		}
		if (arguments.contains("--simulator")) {
			SimulatorMain.run(arguments);
			return;
		}
		ShutdownSignals signals = ShutdownSignals.install();
		SpringApplication application = new SpringApplication(AnalytipsApplication.class);
		if (arguments.contains("--demo")) {
			String token = System.getenv("TELEGRAM_BOT_TOKEN");
			// With a token the demo serves Telegram; without one, the terminal.
			application.setAdditionalProfiles(token == null || token.isBlank() ? new String[] { "demo", "console" }
					: new String[] { "demo" });
		}
		try {
			signals.attach(application.run(args));
		}
		catch (Throwable startFailed) {
			// Already reported (StartupFailureReporter or Spring Boot's failure analysis).
			System.exit(1);
		}
	}

	/** The time source: the machine's clock, or one started on a given date (the demo's {@code DEMO_DATE}, tests). */
	@Bean
	Clock clock(ClockProperties properties) {
		return properties.clock();
	}
}
