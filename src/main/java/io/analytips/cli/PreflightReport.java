package io.analytips.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * Prints the problems {@link SettingsPreflight} and {@link SettingsBinding} found, before the logging system
 * exists, in the format the application's own log lines would have had, so that whatever reads the logs reads
 * these too: for a person at a terminal (or {@code LOG_FORMAT=text}), and in the terminal demo, whose log goes
 * to a file, plain lines on standard error; otherwise one JSON object per line on standard output, in the
 * Logstash shape of the other lines, at level ERROR.
 */
public final class PreflightReport {

	/** The logger the in-Spring start-up failures are reported under (StartupFailureReporter). */
	static final String LOGGER = "io.analytips.startup";

	private PreflightReport() {
	}

	/**
	 * Whether the lines are JSON, by the rule of {@code LogFormatPostProcessor}: {@code LOG_FORMAT} when given,
	 * else JSON unless on a terminal.
	 */
	static boolean json(SettingSources given, boolean onTerminal) {
		return given.value("LOG_FORMAT").map(format -> format.equalsIgnoreCase("json")).orElse(!onTerminal);
	}

	/**
	 * As {@link #json(SettingSources, boolean)}, but the terminal demo ({@code terminalDemo}) is read by a person
	 * whatever its input and output are (often piped: {@code printf … | java -jar analytips.jar --demo}), and
	 * its standard output is the conversation: plain lines unless {@code LOG_FORMAT=json} is given.
	 */
	public static boolean json(SettingSources given, boolean onTerminal, boolean terminalDemo) {
		return terminalDemo ? given.value("LOG_FORMAT").map(format -> format.equalsIgnoreCase("json")).orElse(false)
				: json(given, onTerminal);
	}

	public static void print(List<String> problems, boolean json, Instant now, PrintStream out, PrintStream err) {
		if (json) {
			problems.forEach(problem -> out.println(jsonLine(problem, now)));
			out.flush();
			return;
		}
		problems.forEach(err::println);
		if (problems.stream().anyMatch(problem -> problem.contains(" is not set: "))) {
			// A first start without settings; a wrong value's line says itself what a good one looks like.
			err.println("(java -jar analytips.jar --help lists every mode and setting)");
		}
		err.flush();
	}

	/**
	 * One line as Spring Boot's Logstash structured logging writes it. Written by hand rather than with
	 * jackson-core: the first class loaded from one of the jar's hundred nested libraries costs 0.4 to 0.8 s
	 * (the launcher opens them one by one), a third of the time this report has, for what is seven fields
	 * of which one needs escaping. The test reads the lines back with Jackson.
	 */
	static String jsonLine(String message, Instant now) {
		return "{\"@timestamp\":\"" + now + "\",\"@version\":\"1\",\"message\":\"" + escape(message)
				+ "\",\"logger_name\":\"" + LOGGER + "\",\"thread_name\":\"" + escape(Thread.currentThread().getName())
				+ "\",\"level\":\"ERROR\",\"level_value\":40000}";
	}

	/** A JSON string's content (RFC 8259 §7): quote, backslash and control characters escaped. */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> escaped.append("\\\"");
				case '\\' -> escaped.append("\\\\");
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				case '\t' -> escaped.append("\\t");
				default -> {
					if (c < 0x20) {
						escaped.append(String.format("\\u%04x", (int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}
}
