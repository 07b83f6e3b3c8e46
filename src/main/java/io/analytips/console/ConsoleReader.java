package io.analytips.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's input, read on a thread of its own (never a Reactor thread: reading blocks, and so does waiting
 * for an answer). Each line goes to the bot only once the bot has answered the line before: {@code send} gives the
 * answer to wait for, which completes when the pipeline says the update is over
 * ({@link io.analytips.pipeline.UpdateListener}), by when its replies are printed. So a number presses a button of
 * the screen it was typed for, also when a script pipes lines in faster than the bot answers; and the first line
 * waits for the bot to be ready, since reading starts once the pipeline runs. An answer that does not come within
 * {@code answerWait} is given up on and the next line is read: a lost answer never hangs the demo. A person at a
 * terminal types after the screen anyway and sees no difference; for a script (input that is not a terminal) each
 * line read is printed after a prompt, {@code › 1}, so the transcript shows what was typed, and the prompt tells
 * whoever drives the demo that the screen before it is complete.
 */
final class ConsoleReader implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(ConsoleReader.class);

	/** Typed lines that end the demo instead of going to the bot. */
	static final Set<String> QUIT = Set.of("/quit", "/sair", "/exit");

	/** What a script's transcript shows before each line read. */
	static final String PROMPT = "› ";

	private final InputStream in;

	private final Function<String, CompletableFuture<Void>> send;

	private final Duration answerWait;

	private final boolean echo;

	private final Consumer<String> write;

	private final Runnable onEnd;

	/**
	 * @param send sends a line to the bot; completes once the bot has answered it (at once for a line that is nothing)
	 * @param echo whether to print the prompt and each line read (the input is not a terminal)
	 * @param write prints text as it is (in order with the bot's screens)
	 * @param onEnd run once the input ends or the user quits
	 */
	ConsoleReader(InputStream in, Function<String, CompletableFuture<Void>> send, Duration answerWait, boolean echo,
			Consumer<String> write, Runnable onEnd) {
		this.in = in;
		this.send = send;
		this.answerWait = answerWait;
		this.echo = echo;
		this.write = write;
		this.onEnd = onEnd;
	}

	@Override
	public void run() {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			prompt();
			String line;
			while ((line = lines.readLine()) != null) {
				if (echo) {
					write.accept(line + System.lineSeparator());
				}
				if (QUIT.contains(line.strip().toLowerCase(Locale.ROOT))) {
					break;
				}
				awaitAnswer(send.apply(line));
				prompt();
			}
			if (echo && line == null) {
				write.accept(System.lineSeparator()); // the input ended after a prompt
			}
		}
		catch (IOException ex) {
			write.accept("(input closed: " + ex.getMessage() + ")" + System.lineSeparator());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		onEnd.run();
	}

	private void prompt() {
		if (echo) {
			write.accept(PROMPT);
		}
	}

	private void awaitAnswer(CompletableFuture<Void> answer) throws InterruptedException {
		try {
			answer.get(answerWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			answer.cancel(false);
			log.warn("No answer within {} s; reading the next line", answerWait.toSeconds());
		}
		catch (ExecutionException ex) {
			log.warn("The line could not be sent: {}", ex.getCause().toString());
		}
	}

	/** A factory of daemon threads named {@code name}: the console's threads never hold the demo up at its end. */
	static ThreadFactory daemon(String name) {
		return runnable -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}
}
