package io.analytips.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.analytips.telegram.model.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the Bot API's answers: the envelope's result or its error, the updates of a batch, typed results. */
final class BotApiAnswers {

	/**
	 * The Bot API mapping, less a sent message's {@code text} and {@code caption}: the answer to a send echoes what
	 * was sent, and reading that echo into strings was the largest part of what reading the answer allocated.
	 */
	private static final JsonMapper WITHOUT_ECHO = TelegramJson.mapper().rebuild()
		.addMixIn(Message.class, WithoutEcho.class)
		.build();

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

	/**
	 * Reads an answer straight into its result's type, with no tree in between (reading every answer into a tree
	 * and then converting it was a tenth of the CPU samples under load). The same outcomes as {@link #result} then
	 * {@link #convert}: the result, or the {@link TelegramException} the answer describes (read again as a tree:
	 * errors are rare), or one saying it is no Bot API answer or has no result.
	 */
	static <T> Decoder<T> typed(Class<T> type) {
		return typed(TelegramJson.mapper(), type);
	}

	/**
	 * Reads the answer to a send as {@link #typed} does, less the message's {@code text} and {@code caption} (null):
	 * they echo the request, and nothing reads them from the answer. Its id, chat, topic and photo are read.
	 */
	static Decoder<Message> sent() {
		return typed(WITHOUT_ECHO, Message.class);
	}

	private static <T> Decoder<T> typed(JsonMapper mapper, Class<T> type) {
		JavaType envelopeType = mapper.getTypeFactory().constructParametricType(Envelope.class, type);
		return (status, body) -> {
			Envelope<T> envelope;
			try {
				envelope = mapper.readValue(body, envelopeType);
			}
			catch (JacksonException ex) {
				envelope = null;
			}
			if (envelope == null || !envelope.ok()) {
				result(status, body); // throws what the answer says, or that it is none
			}
			if (envelope.result() == null) {
				throw new TelegramException(status, "answer has no result", null, null);
			}
			return envelope.result();
		};
	}

	/** Reads an answer's body (with its HTTP status) into what the call emits, or throws a {@link TelegramException}. */
	@FunctionalInterface
	interface Decoder<T> {

		T decode(int status, byte[] body);
	}

	/** Leaves a message's echoed text and caption unread (Jackson skips them without building strings). */
	@JsonIgnoreProperties({ "text", "caption" })
	private abstract static class WithoutEcho {
	}

	/** An answer with {@code "ok": true}, as far as {@link #typed} reads it; the rest is read as a tree. */
	record Envelope<T>(boolean ok, T result) {
	}
}
