package io.analytips.ops.startup;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ApplicationContextException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StartupFailureReporterTest {

	@Test
	void reportsAFailedCheckAsItsOwnLine() {
		Throwable failure = new ApplicationContextException("Failed to start bean 'startupSequence'",
				new StartupValidationException(List.of("TELEGRAM_BOT_TOKEN is invalid: Telegram answered 401 Unauthorized")));
		assertThat(StartupFailureReporter.describe(failure))
			.isEqualTo("TELEGRAM_BOT_TOKEN is invalid: Telegram answered 401 Unauthorized");
		assertThat(new StartupFailureReporter().reportException(failure)).isTrue();
	}

	@Test
	void namesTheEnvironmentVariableOfAValueThatDoesNotBind() {
		Binder binder = new Binder(new MapConfigurationPropertySource(java.util.Map.of("analytips.bot.rate-limit", "ten")));
		BindException failure = catchThrowableOfType(BindException.class,
				() -> binder.bind("analytips.bot.rate-limit", Bindable.of(Integer.class)));
		assertThat(StartupFailureReporter.describe(failure)).startsWith("BOT_RATE_LIMIT is invalid:");
	}

	@Test
	void namesLogUpdatesWhenItIsNeitherTrueNorFalse() {
		Binder binder = new Binder(new MapConfigurationPropertySource(java.util.Map.of("analytips.bot.log-updates", "sometimes")));
		BindException failure = catchThrowableOfType(BindException.class,
				() -> binder.bind("analytips.bot.log-updates", Bindable.of(Boolean.class)));
		assertThat(StartupFailureReporter.describe(failure)).startsWith("LOG_UPDATES is invalid:");
	}

	@Test
	void reportsASettingThatDoesNotBindByItsVariableAndWhatAGoodValueIs() {
		Binder binder = new Binder(new MapConfigurationPropertySource(java.util.Map.of("analytips.clock.start", "2026-13-45")));
		BindException failure = catchThrowableOfType(BindException.class,
				() -> binder.bind("analytips.clock", Bindable.of(io.analytips.common.ClockProperties.class)));
		assertThat(StartupFailureReporter.describe(new IllegalStateException("context failed", failure)))
			.isEqualTo("DEMO_DATE must be a date like 2026-07-10 (was 2026-13-45)");
	}

	@Test
	void namesServerPortWhenItsPortIsTaken() {
		Throwable failure = new ApplicationContextException("Failed to start bean 'webServerStartStop'",
				new org.springframework.boot.web.server.PortInUseException(8080));
		assertThat(StartupFailureReporter.describe(failure)).isEqualTo(
				"SERVER_PORT is invalid: port 8080 is already in use by another process (set another, or 0 for any free one)");
	}

	@Test
	void saysWhichProcessHasTheEmbeddedDatabasesFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory)
			throws Exception {
		io.analytips.store.DatabaseServer first = io.analytips.store.DatabaseServer.embedded(directory, false);
		try {
			Throwable failure = new IllegalStateException("context failed",
					catchThrowable(() -> io.analytips.store.DatabaseServer.embedded(directory, false)));
			assertThat(StartupFailureReporter.describe(failure)).startsWith("Another Analytips process (pid ")
				.contains("is using the embedded database in " + directory.toAbsolutePath().normalize())
				.endsWith("(ANALYTIPS_DATABASE_EMBEDDEDDIRECTORY) or a database of its own (DATABASE_URL)");
		}
		finally {
			first.destroy();
		}
	}

	@Test
	void leavesOtherFailuresToSpringBoot() {
		assertThat(StartupFailureReporter.describe(new IllegalStateException("something else"))).isNull();
		assertThat(new StartupFailureReporter().reportException(new IllegalStateException("x"))).isFalse();
	}
}
