package io.analytips.cli;

import java.util.List;

import io.analytips.cli.CommandLine.Mode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommandLineTest {

	private static CommandLine parse(String... args) {
		return CommandLine.parse(List.of(args));
	}

	@Test
	void runsTheBotWithoutArguments() {
		assertThat(parse().mode()).isEqualTo(Mode.RUN);
	}

	@Test
	void passesSpringPropertiesAndSwitchesThroughToTheBot() {
		CommandLine command = parse("--server.port=9000", "--analytips.x=y", "--LOG_FORMAT=text", "--debug");
		assertThat(command.mode()).isEqualTo(Mode.RUN);
		assertThat(command.arguments()).containsExactly("--server.port=9000", "--analytips.x=y", "--LOG_FORMAT=text",
				"--debug");
	}

	@Test
	void runsTheDemoWithItsSpringProperties() {
		CommandLine command = parse("--demo", "--server.port=0");
		assertThat(command.mode()).isEqualTo(Mode.DEMO);
		assertThat(command.arguments()).containsExactly("--demo", "--server.port=0");
	}

	@Test
	void runsTheSimulatorOnTheGivenPortAndHost() {
		CommandLine command = parse("--simulator", "--port=8081", "--host=0.0.0.0");
		assertThat(command.mode()).isEqualTo(Mode.SIMULATOR);
		assertThat(command.arguments()).containsExactly("--simulator", "--port=8081", "--host=0.0.0.0");
	}

	@Test
	void givesTheBacktestTheWordsAfterItHelpIncluded() {
		CommandLine command = parse("backtest", "--league", "E0", "--help");
		assertThat(command.mode()).isEqualTo(Mode.BACKTEST);
		assertThat(command.arguments()).containsExactly("--league", "E0", "--help");
	}

	@Test
	void answersHelpAndVersionWhateverElseIsGiven() {
		assertThat(parse("--help").mode()).isEqualTo(Mode.HELP);
		assertThat(parse("-h").mode()).isEqualTo(Mode.HELP);
		assertThat(parse("--demo", "--help").mode()).isEqualTo(Mode.HELP);
		assertThat(parse("audit-verify", "--help").mode()).isEqualTo(Mode.HELP);
		assertThat(parse("--version").mode()).isEqualTo(Mode.VERSION);
		assertThat(parse("--version", "--hepl").mode()).isEqualTo(Mode.VERSION);
	}

	@Test
	void verifiesTheAuditTrailWithoutArguments() {
		assertThat(parse("audit-verify").mode()).isEqualTo(Mode.AUDIT_VERIFY);
		assertThatIllegalArgumentException().isThrownBy(() -> parse("audit-verify", "--full"))
			.withMessage("audit-verify takes no arguments, not --full");
	}

	@Test
	void refusesAnOptionWithoutAValueThatIsNoFlag() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--hepl")).withMessage("unknown option --hepl");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--demo", "--verbose"))
			.withMessage("unknown option --verbose");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("-x")).withMessage("unknown option -x");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--=x")).withMessage("unknown option --=x");
	}

	@Test
	void refusesAWordThatIsNoCommand() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("demo")).withMessage("unknown command demo");
	}

	@Test
	void saysWhereJvmOptionsGo() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("-Dserver.port=9000"))
			.withMessage("unknown option -Dserver.port=9000 (JVM options go before -jar)");
	}

	@Test
	void refusesTwoModesAtOnce() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--demo", "backtest"))
			.withMessage("backtest cannot be combined with other modes");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--simulator", "--demo"))
			.withMessage("--simulator takes only --port=N and --host=H, not --demo");
	}

	@Test
	void refusesASimulatorPortThatIsNoPortNumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--simulator", "--port=80a"))
			.withMessage("--port must be a port number from 0 to 65535, not 80a");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--simulator", "--port=70000"))
			.withMessageContaining("not 70000");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--simulator", "--port", "8081"))
			.withMessage("--simulator takes only --port=N and --host=H, not --port");
	}
}
