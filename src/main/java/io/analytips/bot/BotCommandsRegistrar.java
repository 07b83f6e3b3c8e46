package io.analytips.bot;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.analytips.host.BotListener;
import io.analytips.host.HostedBot;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.BotApi;
import io.analytips.telegram.model.BotCommand;
import io.analytips.telegram.model.BotCommandScope;
import io.analytips.telegram.model.SetMyCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;


/**
 * Publishes each bot's command menu ({@code setMyCommands}) as it starts, in Portuguese and English, each with the
 * commands' names in that language; the menu of users whose client language the bot does not speak (the default
 * list) is in the bot's own language. Groups get their own menu ({@code all_group_chats}): the commands that work
 * there. In the background, with retries: a menu that fails to update is not worth
 * delaying intake for.
 */
final class BotCommandsRegistrar implements BotListener {

	private static final Logger log = LoggerFactory.getLogger(BotCommandsRegistrar.class);

	/** The menu in Portuguese: each language's users see the commands in their own words (both work for everyone). */
	static final List<String> COMMANDS = List.of("start", "hoje", "proximos", "tabela", "seguir",
			"meus_times", "historico", "idioma", "fuso", "sobre", "ajuda",
			"cancelar");

	/** The same commands, in English. */
	static final List<String> ENGLISH_COMMANDS = List.of("start", "today", "next", "table", "follow",
			"my_teams", "record", "language", "timezone", "about",
			"help", "cancel");

	/**
	 * The menu of groups ({@code all_group_chats}): what works there, read by everyone in the chat. Not the search's
	 * {@code /cancelar} (a name typed in a group is not read), nor the language and time zone (each member's own,
	 * better chosen in private).
	 */
	static final List<String> GROUP_COMMANDS = List.of("start", "hoje", "proximos", "tabela", "seguir", "meus_times",
			"historico", "sobre", "ajuda");

	/** The same, in English. */
	static final List<String> ENGLISH_GROUP_COMMANDS = List.of("start", "today", "next", "table", "follow", "my_teams",
			"record", "about", "help");

	private final Messages messages;

	/** Each bot's registration under way, by username. */
	private final Map<String, Disposable> registrations = new ConcurrentHashMap<>();

	BotCommandsRegistrar(Messages messages) {
		this.messages = messages;
	}

	@Override
	public void started(HostedBot bot) {
		BotApi client = bot.api();
		boolean english = Locale.ENGLISH.equals(bot.profile().language());
		Mono<Boolean> defaults = english ? register(client, null, ENGLISH_COMMANDS, Locale.ENGLISH, null)
				: register(client, null, COMMANDS, UpdateContext.DEFAULT_LOCALE, null);
		Mono<Boolean> other = english ? register(client, "pt", COMMANDS, UpdateContext.DEFAULT_LOCALE, null)
				: register(client, "en", ENGLISH_COMMANDS, Locale.ENGLISH, null);
		BotCommandScope groups = BotCommandScope.ALL_GROUP_CHATS;
		Mono<Boolean> groupDefaults = english ? register(client, null, ENGLISH_GROUP_COMMANDS, Locale.ENGLISH, groups)
				: register(client, null, GROUP_COMMANDS, UpdateContext.DEFAULT_LOCALE, groups);
		Mono<Boolean> groupOther = english ? register(client, "pt", GROUP_COMMANDS, UpdateContext.DEFAULT_LOCALE, groups)
				: register(client, "en", ENGLISH_GROUP_COMMANDS, Locale.ENGLISH, groups);
		Disposable previous = registrations.put(bot.username(), Mono.when(defaults, other, groupDefaults, groupOther)
			.subscribe(null, error -> log.warn("Could not publish the command menu of {}: {}", bot.profile(), error.toString()),
					() -> log.info("Command menu of {} published", bot.profile())));
		if (previous != null) {
			previous.dispose();
		}
	}

	@Override
	public void stopped(HostedBot bot) {
		Disposable registration = registrations.remove(bot.username());
		if (registration != null) {
			registration.dispose();
		}
	}

	/** The commands {@code names}, each described in {@code locale}. */
	static List<BotCommand> menu(Messages messages, List<String> names, Locale locale) {
		return names.stream().map(command -> new BotCommand(command, messages.get(locale, "command." + command))).toList();
	}

	private Mono<Boolean> register(BotApi client, String languageCode, List<String> names, Locale locale,
			BotCommandScope scope) {
		return client.setMyCommands(new SetMyCommands(menu(messages, names, locale), languageCode, scope))
			// 1, 2, 4 s with at most 10% jitter, like every other backoff of ours (Reactor's default is 50%)
			.retryWhen(Retry.backoff(3, Duration.ofSeconds(1))
				.jitter(0.1)
				.filter(error -> !(error instanceof IllegalArgumentException)));
	}
}
