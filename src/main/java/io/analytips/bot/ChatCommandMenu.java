package io.analytips.bot;

import java.util.Locale;

import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.model.BotCommandScope;
import io.analytips.telegram.model.SetMyCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A private chat's command menu in the language its user chose ({@code setMyCommands}, scope {@code chat}). The menus
 * published at start follow the client's language, so a Portuguese client whose user chose English would keep the
 * Portuguese commands. Groups keep the groups' menu: the language is each member's own.
 */
final class ChatCommandMenu {

	private static final Logger log = LoggerFactory.getLogger(ChatCommandMenu.class);

	private final Messages messages;

	ChatCommandMenu(Messages messages) {
		this.messages = messages;
	}

	/**
	 * Sets the menu of the update's chat in {@code language}. Completes once Telegram has it, at once outside a private
	 * chat; never errors: a menu left in the old language is not worth failing a choice that was saved.
	 */
	Mono<Void> follow(UpdateContext context, Locale language) {
		Long chat = context.chatId();
		if (chat == null || context.chat() == null || !"private".equals(context.chat().type())) {
			return Mono.empty();
		}
		boolean english = Locale.ENGLISH.getLanguage().equals(language.getLanguage());
		SetMyCommands menu = new SetMyCommands(
				BotCommandsRegistrar.menu(messages, english ? BotCommandsRegistrar.ENGLISH_COMMANDS : BotCommandsRegistrar.COMMANDS,
						english ? Locale.ENGLISH : UpdateContext.DEFAULT_LOCALE),
				null, BotCommandScope.chat(chat));
		return context.outbound()
			.setMyCommands(menu)
			.then()
			.onErrorResume(error -> {
				log.warn("The command menu of chat {} stays in its old language: {}", chat, error.toString());
				return Mono.empty();
			});
	}
}
