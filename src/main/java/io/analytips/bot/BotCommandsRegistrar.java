package io.analytips.bot;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.analytips.pipeline.UpdateContext;
import io.analytips.pipeline.UpdatePipeline;
import io.analytips.telegram.BotApi;
import io.analytips.telegram.model.BotCommand;
import io.analytips.telegram.model.SetMyCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;

/**
 * Publishes the command menu ({@code setMyCommands}) at start, in Portuguese (the default list)
 * and English, each with the commands' names in that language. In the background, with retries: a menu that fails to update is not worth
 * delaying intake for.
 */
final class BotCommandsRegistrar implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BotCommandsRegistrar.class);

	/** The menu in Portuguese: each language's users see the commands in their own words (both work for everyone). */
	static final List<String> COMMANDS = List.of("start", "proximos", "tabela", "idioma", "fuso", "sobre", "ajuda",
			"cancelar");

	/** The same commands, in English. */
	static final List<String> ENGLISH_COMMANDS = List.of("start", "next", "table", "language", "timezone", "about",
			"help", "cancel");

	private final BotApi client;

	private final Messages messages;

	private volatile Disposable registration;

	private volatile boolean running;

	BotCommandsRegistrar(BotApi client, Messages messages) {
		this.client = client;
		this.messages = messages;
	}

	@Override
	public void start() {
		running = true;
		registration = Mono.when(register(null, COMMANDS, UpdateContext.DEFAULT_LOCALE),
				register("en", ENGLISH_COMMANDS, Locale.ENGLISH))
			.subscribe(null, error -> log.warn("Could not publish the command menu: {}", error.toString()),
					() -> log.info("Command menu published"));
	}

	private Mono<Boolean> register(String languageCode, List<String> names, Locale locale) {
		List<BotCommand> commands = names.stream()
			.map(command -> new BotCommand(command, messages.get(locale, "command." + command)))
			.toList();
		return client.setMyCommands(new SetMyCommands(commands, languageCode))
			// 1, 2, 4 s with at most 10% jitter, like every other backoff of ours (Reactor's default is 50%)
			.retryWhen(Retry.backoff(3, Duration.ofSeconds(1))
				.jitter(0.1)
				.filter(error -> !(error instanceof IllegalArgumentException)));
	}

	@Override
	public void stop() {
		running = false;
		Disposable current = registration;
		if (current != null) {
			current.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return UpdatePipeline.PHASE - 1;
	}
}
