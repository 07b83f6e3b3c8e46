package io.analytips;

import java.time.Clock;

import io.analytips.ops.ShutdownSignals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Analytips: a Telegram bot that analyses football matches. {@code main} installs the signal
 * handlers (SIGTERM drains and exits 0) and exits 1 when start-up fails, after the failure was
 * reported in one line that names the setting to fix.
 */
@SpringBootApplication
public class AnalytipsApplication {

	public static void main(String[] args) {
		ShutdownSignals signals = ShutdownSignals.install();
		try {
			signals.attach(SpringApplication.run(AnalytipsApplication.class, args));
		}
		catch (Throwable startFailed) {
			// Already reported (StartupFailureReporter or Spring Boot's failure analysis).
			System.exit(1);
		}
	}

	/** The time source; tests substitute a virtual one. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
