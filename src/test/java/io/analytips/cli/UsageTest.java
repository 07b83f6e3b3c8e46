package io.analytips.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsageTest {

	@Test
	void printsEveryModeInTheUsage() {
		assertThat(Usage.text()).contains("(none)", "--demo", "--simulator [--port=N] [--host=H]",
				"backtest --league E0|BRA --from YEAR --to YEAR", "--market-weight 0..1", "backtest --help", "audit-verify",
				"--version", "--help, -h");
	}

	@Test
	void namesTheMainEnvironmentVariablesAndWhereTheOthersAre() {
		assertThat(Usage.text()).contains("TELEGRAM_BOT_TOKEN", "API_FOOTBALL_KEY", "DATABASE_URL", "TELEGRAM_MODE",
				"SERVER_PORT", "LOG_FORMAT", "DEMO_LANGUAGE", "docs/configuration.md");
	}

	@Test
	void fitsATerminal() {
		assertThat(Usage.text().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
		assertThat(Usage.text()).endsWith("\n");
	}

	@Test
	void wrapsALongCommandOnlyBeforeAnOption() {
		String wrapped = Usage.wrap("backtest --league E0 [--out DIR] [--xi PER_DAY] [--window DAYS]", 30, "    ");
		assertThat(wrapped).isEqualTo("""
				backtest --league E0
				    [--out DIR] [--xi PER_DAY]
				    [--window DAYS]""");
	}
}
