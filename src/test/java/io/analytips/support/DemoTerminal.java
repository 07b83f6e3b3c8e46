package io.analytips.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The offline demo ({@code java -jar target/analytips.jar --demo}) driven as a script drives it: its input is
 * not a terminal, so it prints a prompt ({@code › }) once the screen before it is complete and echoes each
 * line it reads (the console's {@code ConsoleReader}). {@link #type} sends a line and returns the screen it
 * brought, as printed (what the bot sent, with its numbered buttons); {@link #press} finds a button by its label
 * in the last screen and types its number. Labels come from the message bundles, so a reworded button is still
 * found.
 */
public final class DemoTerminal implements AutoCloseable {

	/** The prompt at the start of a line: the demo waits for the next line. */
	private static final String PROMPT = "\n› ";

	private static final Pattern BUTTON = Pattern.compile("\\[(\\d+)\\] (.+?)(?=   \\[\\d+\\] |$)", Pattern.MULTILINE);

	/**
	 * What one typed line brought (for the first, {@code typed} is empty and the screen is the banner).
	 *
	 * @param pressed the label of the button the line pressed; null for a line typed as a message
	 */
	public record Screen(String typed, String pressed, String text) {

		/** The labels of the screen's buttons, in order (the number to type is the index plus one). */
		public List<String> buttons() {
			List<String> labels = new ArrayList<>();
			Matcher matcher = BUTTON.matcher(text);
			while (matcher.find()) {
				labels.add(matcher.group(2).strip());
			}
			return labels;
		}

		/** The text before the buttons. */
		public String message() {
			int keyboard = text.indexOf("[1] ");
			return keyboard < 0 ? text : text.substring(0, keyboard);
		}
	}

	private final JarProcess process;

	private final Properties messages;

	private final List<Screen> screens = new ArrayList<>();

	private int seen;

	private DemoTerminal(JarProcess process, Properties messages) {
		this.process = process;
		this.messages = messages;
	}

	/**
	 * Starts the demo in {@code folder} on {@code date} in {@code language} ({@code pt-br} or {@code en}), with the
	 * per-user rate limits out of the way (they count seconds; the walks compared must not depend on how fast a
	 * machine is), and waits for its banner.
	 */
	public static DemoTerminal start(Path folder, String date, String language) {
		Map<String, String> environment = new HashMap<>(Map.of("DEMO_DATE", date, "DEMO_LANGUAGE", language,
				"BOT_RATE_LIMIT", "1000", "BOT_NAVIGATION_RATE_LIMIT", "1000"));
		return attach(JarProcess.start(environment, folder, List.of("--demo")), language);
	}

	/**
	 * Drives a demo already launched in {@code language} (by a launcher other than {@code java -jar}, say) and waits
	 * for its banner, checking the output every 50 ms: {@link JarProcess#sinceLaunch()} right after is the time to
	 * its first prompt, 50 ms late at most.
	 */
	public static DemoTerminal attach(JarProcess process, String language) {
		DemoTerminal terminal = new DemoTerminal(process, messages(language));
		try {
			terminal.screens.add(new Screen("", null, terminal.nextScreen()));
			return terminal;
		}
		catch (RuntimeException | Error ex) {
			terminal.close(); // nobody else holds it yet
			throw ex;
		}
	}

	private static Properties messages(String language) {
		String bundle = language.startsWith("en") ? "/i18n/messages_en.properties" : "/i18n/messages.properties";
		Properties properties = new Properties();
		try (InputStream in = DemoTerminal.class.getResourceAsStream(bundle)) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	/** A message of the demo's language (a button's label, a prompt's text) by its key. */
	public String text(String key) {
		String text = messages.getProperty(key);
		if (text == null) {
			throw new IllegalArgumentException("no message " + key);
		}
		return text.replace("''", "'");
	}

	/** Types a line (a message) and returns the screen it brought. */
	public Screen type(String line) {
		return type(line, null);
	}

	private Screen type(String line, String pressed) {
		process.type(line);
		Screen screen = new Screen(line, pressed, nextScreen());
		screens.add(screen);
		return screen;
	}

	/** Presses the last screen's first button whose label contains {@code label}. */
	public Screen press(String label) {
		List<String> labels = last().buttons();
		for (int i = 0; i < labels.size(); i++) {
			if (labels.get(i).contains(label)) {
				return type(String.valueOf(i + 1), labels.get(i));
			}
		}
		throw new AssertionError("no button '" + label + "' in " + labels + " of\n" + last().text());
	}

	/** Presses the button with the label of message {@code key}. */
	public Screen pressKey(String key) {
		return press(text(key));
	}

	public Screen last() {
		return screens.get(screens.size() - 1);
	}

	/** Every screen so far, the banner first. */
	public List<Screen> screens() {
		return List.copyOf(screens);
	}

	/** Quits and waits for the exit; returns its code. */
	public int quit() throws InterruptedException {
		process.type("/sair");
		return process.waitForExit(Duration.ofSeconds(60));
	}

	/** What was printed between the last prompt and the next one: the answer to the line typed after it. */
	private String nextScreen() {
		try {
			return awaitScreen();
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("no prompt (› ) within 90 s: the demo does not say its screen is complete; last output:\n"
					+ process.tail(30), ex);
		}
	}

	private String awaitScreen() {
		String[] screen = new String[1];
		Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
			String text = process.text();
			int prompt = text.indexOf(PROMPT, seen);
			if (prompt < 0) {
				if (!process.isAlive()) {
					throw new AssertionError("the demo exited; last output:\n" + process.tail(40));
				}
				return false;
			}
			// the answer begins after the line echoed behind the previous prompt (the banner at the very start)
			int from = seen == 0 ? 0 : text.indexOf('\n', seen) + 1;
			screen[0] = from <= 0 || from > prompt ? "" : text.substring(from, prompt).strip();
			seen = prompt + 1;
			return true;
		});
		return screen[0];
	}

	@Override
	public void close() {
		process.close();
	}
}
