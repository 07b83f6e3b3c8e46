package io.analytips.support;

import io.analytips.telegram.TelegramJson;
import tools.jackson.databind.node.ObjectNode;

/** Builders for Bot API update JSON, as Telegram sends it. */
public final class Updates {

	private Updates() {
	}

	/** A private-chat text message from a user (the chat id is the user id). */
	public static ObjectNode message(long userId, String text) {
		return message(userId, userId, "private", text, "pt-br");
	}

	/**
	 * A private-chat command as Telegram sends it: with its {@code bot_command} entity, which
	 * frameworks such as grammY match commands by (we read the text).
	 */
	public static ObjectNode command(long userId, String command) {
		ObjectNode update = message(userId, command);
		int length = command.indexOf(' ') < 0 ? command.length() : command.indexOf(' ');
		((ObjectNode) update.get("message")).putArray("entities")
			.addObject()
			.put("offset", 0)
			.put("length", length)
			.put("type", "bot_command");
		return update;
	}

	public static ObjectNode message(long userId, long chatId, String chatType, String text, String language) {
		ObjectNode update = TelegramJson.mapper().createObjectNode();
		ObjectNode message = update.putObject("message");
		message.put("message_id", 1);
		message.put("date", 1_700_000_000L);
		ObjectNode from = message.putObject("from");
		from.put("id", userId);
		from.put("is_bot", false);
		from.put("first_name", "User " + userId);
		if (language != null) {
			from.put("language_code", language);
		}
		ObjectNode chat = message.putObject("chat");
		chat.put("id", chatId);
		chat.put("type", chatType);
		if (text != null) {
			message.put("text", text);
		}
		return update;
	}

	/** A press on an inline button of a message the bot sent to the user. */
	public static ObjectNode callback(long userId, String data) {
		ObjectNode update = TelegramJson.mapper().createObjectNode();
		ObjectNode query = update.putObject("callback_query");
		query.put("id", "cb-" + userId + "-" + System.nanoTime());
		ObjectNode from = query.putObject("from");
		from.put("id", userId);
		from.put("is_bot", false);
		from.put("first_name", "User " + userId);
		query.put("chat_instance", "ci");
		query.put("data", data);
		ObjectNode message = query.putObject("message");
		message.put("message_id", 7);
		message.put("date", 1_700_000_000L);
		ObjectNode chat = message.putObject("chat");
		chat.put("id", userId);
		chat.put("type", "private");
		return update;
	}

	/** An inline query, {@code @bot query} typed by a user in some chat, in that user's language. */
	public static ObjectNode inlineQuery(long userId, String query, String language) {
		ObjectNode update = TelegramJson.mapper().createObjectNode();
		ObjectNode inline = update.putObject("inline_query");
		inline.put("id", "iq-" + userId + "-" + System.nanoTime());
		ObjectNode from = inline.putObject("from");
		from.put("id", userId);
		from.put("is_bot", false);
		from.put("first_name", "User " + userId);
		if (language != null) {
			from.put("language_code", language);
		}
		inline.put("query", query);
		inline.put("offset", "");
		inline.put("chat_type", "supergroup");
		return update;
	}
}
