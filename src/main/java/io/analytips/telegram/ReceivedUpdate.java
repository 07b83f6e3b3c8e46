package io.analytips.telegram;

import java.util.Objects;

import io.analytips.telegram.model.Update;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One update as received: its id, the raw JSON (kept verbatim for the inbox), and either the
 * parsed {@link Update} or the reason it could not be used. A malformed update never makes its
 * batch unreadable; it is stored, confirmed and finished as {@code invalid}.
 *
 * @param updateId Telegram's id, used for dedup and for the polling offset
 * @param update the parsed update, or null when {@code problem} is set
 * @param json the update's JSON text
 * @param problem why the update is unusable, or null
 */
public record ReceivedUpdate(long updateId, Update update, String json, String problem) {

	public ReceivedUpdate {
		Objects.requireNonNull(json, "json");
		if ((update == null) == (problem == null)) {
			throw new IllegalArgumentException("exactly one of update and problem must be set");
		}
	}

	/** Whether the update can be handled. */
	public boolean isValid() {
		return problem == null;
	}

	/**
	 * Reads one element of a {@code getUpdates} result or a webhook body.
	 * @return null when the element has no numeric {@code update_id} (it cannot be stored or confirmed)
	 */
	public static ReceivedUpdate parse(JsonNode node) {
		JsonNode id = node.get("update_id");
		if (id == null || !id.canConvertToLong()) {
			return null;
		}
		long updateId = id.asLong();
		String json = node.toString();
		Update update;
		try {
			update = TelegramJson.mapper().treeToValue(node, Update.class);
		}
		catch (JacksonException ex) {
			return new ReceivedUpdate(updateId, null, json, "unreadable: " + ex.getOriginalMessage());
		}
		String problem = problemOf(update);
		return problem == null ? new ReceivedUpdate(updateId, update, json, null)
				: new ReceivedUpdate(updateId, null, json, problem);
	}

	/** Re-reads an update stored by the inbox. */
	public static ReceivedUpdate parse(long updateId, String json) {
		try {
			ReceivedUpdate parsed = parse(TelegramJson.mapper().readTree(json));
			return parsed != null ? parsed : new ReceivedUpdate(updateId, null, json, "no update_id");
		}
		catch (JacksonException ex) {
			return new ReceivedUpdate(updateId, null, json, "unreadable: " + ex.getOriginalMessage());
		}
	}

	/** The structural checks the handlers rely on, so they never meet a half-formed update. */
	private static String problemOf(Update update) {
		if (update.message() != null && update.message().chat() == null) {
			return "message without chat";
		}
		if (update.editedMessage() != null && update.editedMessage().chat() == null) {
			return "edited_message without chat";
		}
		if (update.callbackQuery() != null
				&& (update.callbackQuery().id() == null || update.callbackQuery().from() == null)) {
			return "callback_query without id or from";
		}
		if (update.myChatMember() != null
				&& (update.myChatMember().chat() == null || update.myChatMember().newChatMember() == null)) {
			return "my_chat_member without chat or new member";
		}
		if (update.inlineQuery() != null && (update.inlineQuery().id() == null || update.inlineQuery().from() == null)) {
			return "inline_query without id or from";
		}
		return null;
	}
}
