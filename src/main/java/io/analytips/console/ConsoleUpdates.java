package io.analytips.console;

import java.time.Clock;

import io.analytips.telegram.TelegramJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The updates Telegram would send for what the demo's one user does: a message typed, a button pressed, or an
 * inline query ({@code @ team}). Always the same private chat, whose id is the user's.
 */
final class ConsoleUpdates {

	private final long userId;

	private final String userName;

	private final String language;

	private final Clock clock;

	ConsoleUpdates(long userId, String userName, String language, Clock clock) {
		this.userId = userId;
		this.userName = userName;
		this.language = language;
		this.clock = clock;
	}

	/** A text message. */
	ObjectNode message(long updateId, long messageId, String text) {
		ObjectNode update = TelegramJson.mapper().createObjectNode();
		update.put("update_id", updateId);
		ObjectNode message = update.putObject("message");
		message.put("message_id", messageId);
		message.put("date", clock.instant().getEpochSecond());
		from(message.putObject("from"));
		chat(message.putObject("chat"));
		message.put("text", text);
		return update;
	}

	/** A press of the button with {@code data} under the bot's message {@code messageId}. */
	ObjectNode press(long updateId, long messageId, String data) {
		ObjectNode update = TelegramJson.mapper().createObjectNode();
		update.put("update_id", updateId);
		ObjectNode query = update.putObject("callback_query");
		query.put("id", "console-" + updateId);
		from(query.putObject("from"));
		query.put("chat_instance", "console");
		query.put("data", data);
		ObjectNode message = query.putObject("message");
		message.put("message_id", messageId);
		message.put("date", clock.instant().getEpochSecond());
		chat(message.putObject("chat"));
		return update;
	}

	/** An inline query, {@code @bot query} typed in some other chat. */
	ObjectNode inline(long updateId, String query) {
		ObjectNode update = TelegramJson.mapper().createObjectNode();
		update.put("update_id", updateId);
		ObjectNode inline = update.putObject("inline_query");
		inline.put("id", "console-inline-" + updateId);
		from(inline.putObject("from"));
		inline.put("query", query);
		inline.put("offset", "");
		inline.put("chat_type", "sender");
		return update;
	}

	private void from(ObjectNode from) {
		from.put("id", userId);
		from.put("is_bot", false);
		from.put("first_name", userName);
		from.put("language_code", language);
	}

	private void chat(ObjectNode chat) {
		chat.put("id", userId);
		chat.put("type", "private");
	}
}
