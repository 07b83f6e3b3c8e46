package io.analytips.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reading the Bot API's answers: the envelope's result or its error, the updates of a batch, typed results. */
final class BotApiAnswers {

	private BotApiAnswers() {
	}

	/**
	 * The {@code result} of an answer with {@code "ok": true}; otherwise throws the {@link TelegramException}
	 * it describes ({@code retry_after}, {@code migrate_to_chat_id}), or one saying it is no Bot API answer.
	 */
	static JsonNode result(int status, byte[] body) {
		JsonNode envelope;
		try {
			envelope = TelegramJson.mapper().readTree(body);
		}
		catch (JacksonException ex) {
			envelope = null;
		}
		if (envelope == null || !envelope.isObject()) {
			throw new TelegramException(status, "answer is not a Bot API response", null, null);
		}
		if (envelope.path("ok").asBoolean(false)) {
			return envelope.path("result");
		}
		int code = envelope.path("error_code").asInt(status);
		JsonNode parameters = envelope.path("parameters");
		Duration retryAfter = parameters.has("retry_after")
				? Duration.ofSeconds(Math.max(1, parameters.path("retry_after").asLong())) : null;
		Long migrateTo = parameters.has("migrate_to_chat_id") ? parameters.path("migrate_to_chat_id").asLong() : null;
		return failWith(new TelegramException(code, envelope.path("description").asString("no description"),
				retryAfter, migrateTo));
	}

	private static JsonNode failWith(TelegramException ex) {
		throw ex;
	}

	static List<ReceivedUpdate> readUpdates(JsonNode result) {
		List<ReceivedUpdate> updates = new ArrayList<>(result.size());
		for (JsonNode element : result) {
			ReceivedUpdate update = ReceivedUpdate.parse(element);
			if (update != null) {
				updates.add(update);
			}
		}
		return updates;
	}

	static <T> T convert(JsonNode node, Class<T> type) {
		return TelegramJson.mapper().treeToValue(node, type);
	}
}
