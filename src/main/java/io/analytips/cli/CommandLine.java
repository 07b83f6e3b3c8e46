package io.analytips.cli;

import java.util.List;
import java.util.Set;

/**
 * What {@code java -jar analytips.jar …} is asked to do: the mode, and the arguments that mode reads.
 * Parsing only looks at the words, so it is instant and starts nothing.
 *
 * <p>Running the bot (with or without {@code --demo}) passes every {@code --name=value} through to Spring,
 * which reads it as a property ({@code --server.port=9000}, {@code --analytips.bot.rate-limit=20}). A
 * {@code --word} without a value that is not a known flag is a typo ({@code --hepl}): Spring would
 * silently read it as an empty property and start the bot, so it is refused instead.
 *
 * @param mode what to run
 * @param arguments what the mode reads: the words after {@code backtest}; all of them otherwise
 */
public record CommandLine(Mode mode, List<String> arguments) {

	/** The modes of {@link Usage}. */
	public enum Mode {
		/** No mode word: the bot. */
		RUN,
		/** {@code --demo}: the bot against the bundled simulator, in the terminal or on Telegram. */
		DEMO,
		/** {@code --simulator [--port=N] [--host=H]}: the API-Football simulator alone. */
		SIMULATOR,
		/** {@code backtest …}: the model's walk-forward backtest. */
		BACKTEST,
		/** {@code audit-verify}: checks the audit trail. */
		AUDIT_VERIFY,
		/** {@code --help}, {@code -h}. */
		HELP,
		/** {@code --version}. */
		VERSION
	}

	/** Spring Boot's own switches without a value: {@code --debug} prints the auto-configuration report. */
	private static final Set<String> SPRING_SWITCHES = Set.of("--debug", "--trace");

	public CommandLine {
		arguments = List.copyOf(arguments);
	}

	/**
	 * Reads the arguments of {@code main}.
	 *
	 * @throws IllegalArgumentException with a one-line reason (no trailing period) when an argument is unknown
	 *         or a value is wrong; the caller adds where to look for help
	 */
	public static CommandLine parse(List<String> args) {
		String first = args.isEmpty() ? "" : args.get(0);
		if (first.equals("backtest")) {
			// The backtest has options of its own, its --help among them.
			return new CommandLine(Mode.BACKTEST, args.subList(1, args.size()));
		}
		if (args.contains("--help") || args.contains("-h")) {
			return new CommandLine(Mode.HELP, args);
		}
		if (args.contains("--version")) {
			return new CommandLine(Mode.VERSION, args);
		}
		if (first.equals("audit-verify")) {
			if (args.size() > 1) {
				throw new IllegalArgumentException("audit-verify takes no arguments, not " + args.get(1));
			}
			return new CommandLine(Mode.AUDIT_VERIFY, args);
		}
		if (args.contains("--simulator")) {
			args.forEach(CommandLine::checkSimulatorArgument);
			return new CommandLine(Mode.SIMULATOR, args);
		}
		args.forEach(CommandLine::checkBotArgument);
		return new CommandLine(args.contains("--demo") ? Mode.DEMO : Mode.RUN, args);
	}

	private static void checkSimulatorArgument(String arg) {
		if (arg.equals("--simulator") || arg.startsWith("--host=")) {
			return;
		}
		if (arg.startsWith("--port=")) {
			String port = arg.substring("--port=".length());
			if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65_535) {
				throw new IllegalArgumentException("--port must be a port number from 0 to 65535, not " + port);
			}
			return;
		}
		throw new IllegalArgumentException("--simulator takes only --port=N and --host=H, not " + arg);
	}

	private static void checkBotArgument(String arg) {
		if (arg.equals("--demo") || SPRING_SWITCHES.contains(arg) || (arg.startsWith("--") && arg.indexOf('=') > 2)) {
			return;
		}
		if (arg.equals("--simulator") || arg.equals("audit-verify") || arg.equals("backtest")) {
			throw new IllegalArgumentException(arg + " cannot be combined with other modes");
		}
		if (arg.startsWith("-D") || arg.startsWith("-X")) {
			throw new IllegalArgumentException("unknown option " + arg + " (JVM options go before -jar)");
		}
		if (arg.startsWith("-")) {
			throw new IllegalArgumentException("unknown option " + arg);
		}
		throw new IllegalArgumentException("unknown command " + arg);
	}
}
