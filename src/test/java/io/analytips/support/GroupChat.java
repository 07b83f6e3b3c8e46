package io.analytips.support;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.awaitility.Awaitility.await;

/**
 * Members of a forum supergroup talking to the bot in one topic, over the fake Bot API: what they send carries the
 * topic ({@code message_thread_id}, {@code is_topic_message}) and a message id of its own, and what the bot sent or
 * edited in the group is read back as Telegram got it.
 */
public final class GroupChat {

	private final FakeBotApi telegram;

	private final long chat;

	private final int topic;

	private long nextMessageId = 500;

	private int seen;

	public GroupChat(FakeBotApi telegram, long chat, int topic) {
		this.telegram = telegram;
		this.chat = chat;
		this.topic = topic;
		this.seen = calls().size();
	}

	/** {@code member} writes {@code text} in the topic; returns the update's id and the message's. */
	public Sent send(long member, String text, String language) {
		ObjectNode update = Updates.message(member, chat, "supergroup", text, language);
		long messageId = nextMessageId++;
		((ObjectNode) update.get("message")).put("message_id", messageId).put("message_thread_id", topic)
			.put("is_topic_message", true);
		return new Sent(telegram.enqueue(update), messageId);
	}

	/** {@code member} presses the button with {@code data} under the bot's message {@code messageId} in the topic. */
	public long press(long member, long messageId, String data, String language) {
		ObjectNode update = Updates.callback(member, data);
		ObjectNode query = (ObjectNode) update.get("callback_query");
		((ObjectNode) query.get("from")).put("language_code", language);
		ObjectNode message = (ObjectNode) query.get("message");
		message.put("message_id", messageId).put("message_thread_id", topic).put("is_topic_message", true);
		((ObjectNode) message.get("chat")).put("id", chat).put("type", "supergroup");
		return telegram.enqueue(update);
	}

	/** Waits for the next call to the group (a message or an edit) whose text matches; returns its request. */
	public JsonNode next(Predicate<String> text) {
		JsonNode[] found = new JsonNode[1];
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			List<FakeBotApi.Call> calls = calls();
			for (int i = seen; i < calls.size(); i++) {
				if (text.test(calls.get(i).body().path("text").asString(""))) {
					found[0] = calls.get(i).body();
					seen = i + 1;
					return true;
				}
			}
			return false;
		});
		return found[0];
	}

	/** The data of the first button under {@code screen} that matches. */
	public static String button(JsonNode screen, Predicate<String> data) {
		for (JsonNode row : screen.path("reply_markup").path("inline_keyboard")) {
			for (JsonNode button : row) {
				if (data.test(button.path("callback_data").asString())) {
					return button.path("callback_data").asString();
				}
			}
		}
		throw new AssertionError("no such button on " + screen);
	}

	/** Every message and edit the bot made in the group, in order. */
	public List<FakeBotApi.Call> calls() {
		return telegram.calls().stream()
			.filter(call -> call.method().equals("sendMessage") || call.method().equals("editMessageText"))
			.filter(call -> call.body().path("chat_id").asLong() == chat)
			.toList();
	}

	/** A message a member sent: its update and its id in the chat. */
	public record Sent(long updateId, long messageId) {
	}
}
