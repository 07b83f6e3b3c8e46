package io.analytips.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.analytips.telegram.TelegramJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One user talking to the bot through the {@link FakeBotApi}: sends texts, presses the buttons of
 * the bot's last screen, and waits for what the bot shows next (new messages, edits and photos alike: a photo's
 * text is {@code [photo]} and its caption).
 * Checks on the way that every button's data fits Telegram's 64 bytes.
 */
public final class Conversation {

	/** A message or an edit the bot made in this chat. */
	public record Screen(int index, String method, long messageId, String text, List<JsonNode> buttons) {

		public Optional<JsonNode> button(Predicate<String> label) {
			return buttons.stream().filter(b -> label.test(b.path("text").asString())).findFirst();
		}
	}

	private final FakeBotApi telegram;

	private final long user;

	private final String language;

	private int seen;

	public Conversation(FakeBotApi telegram, long user, String language) {
		this.telegram = telegram;
		this.user = user;
		this.language = language;
		this.seen = screens().size();
	}

	public void send(String text) {
		telegram.enqueue(Updates.message(user, user, "private", text, language));
	}

	/** Presses the first button whose label matches, on the latest screen that has one. */
	public void press(Predicate<String> label) {
		List<Screen> screens = screens();
		for (int i = screens.size() - 1; i >= 0; i--) {
			Optional<JsonNode> button = screens.get(i).button(label);
			if (button.isPresent()) {
				press(screens.get(i).messageId(), button.get().path("callback_data").asString());
				return;
			}
		}
		throw new AssertionError("no button matches on any screen: " + screens);
	}

	public void press(long messageId, String data) {
		ObjectNode update = Updates.callback(user, data);
		ObjectNode message = (ObjectNode) update.get("callback_query").get("message");
		message.put("message_id", messageId);
		((ObjectNode) update.get("callback_query").get("from")).put("language_code", language);
		telegram.enqueue(update);
	}

	/** Waits for the next screen matching; returns it. */
	public Screen next(Predicate<String> text) {
		Screen[] found = new Screen[1];
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			List<Screen> screens = screens();
			for (int i = seen; i < screens.size(); i++) {
				if (text.test(screens.get(i).text())) {
					found[0] = screens.get(i);
					seen = i + 1;
					return true;
				}
			}
			return false;
		});
		return found[0];
	}

	/** Every message and edit the bot made in this chat, in order. */
	public List<Screen> screens() {
		List<Screen> screens = new ArrayList<>();
		for (FakeBotApi.Call call : telegram.calls()) {
			if ((call.method().equals("sendMessage") || call.method().equals("editMessageText")
					|| call.method().equals("sendPhoto"))
					&& call.body().path("chat_id").asLong() == user) {
				List<JsonNode> buttons = new ArrayList<>();
				for (JsonNode row : call.body().path("reply_markup").path("inline_keyboard")) {
					for (JsonNode button : row) {
						assertThat(button.path("callback_data").asString().getBytes(StandardCharsets.UTF_8).length)
							.as("callback_data of %s", button).isBetween(1, 64);
						buttons.add(button);
					}
				}
				long messageId = call.method().equals("editMessageText") ? call.body().path("message_id").asLong()
						: screens.size() + 1000;
				String text = call.method().equals("sendPhoto") ? "[photo] " + call.body().path("caption").asString("")
						: call.body().path("text").asString("");
				screens.add(new Screen(screens.size(), call.method(), messageId, text, buttons));
			}
		}
		return screens;
	}

	/** The callback answers the bot gave this user. */
	public long callbackAnswers() {
		return telegram.calls("answerCallbackQuery").size();
	}

	static JsonNode json(String text) {
		return TelegramJson.mapper().readTree(text);
	}
}
