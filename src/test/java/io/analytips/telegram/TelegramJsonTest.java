package io.analytips.telegram;

import java.util.List;

import io.analytips.telegram.model.AnswerCallbackQuery;
import io.analytips.telegram.model.InlineKeyboardButton;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import io.analytips.telegram.model.Message;
import io.analytips.telegram.model.ReplyParameters;
import io.analytips.telegram.model.SendMessage;
import io.analytips.telegram.model.SetWebhook;
import io.analytips.telegram.model.Update;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Wire records round-trip through the Bot API's JSON shape. */
class TelegramJsonTest {

	@Test
	void writesSnakeCaseAndLeavesNullsOut() {
		SendMessage message = SendMessage.html(42, "<b>hi</b>",
				InlineKeyboardMarkup.of(List.of(List.of(InlineKeyboardButton.callback("Go", "go:1")))));
		String json = TelegramJson.mapper().writeValueAsString(message);
		assertThat(json).contains("\"chat_id\":42", "\"parse_mode\":\"HTML\"", "\"callback_data\":\"go:1\"",
				"\"inline_keyboard\"", "\"link_preview_options\":{\"is_disabled\":true}");
		assertThat(json).doesNotContain("null", "\"url\"");
		assertThat(TelegramJson.mapper().readValue(json, SendMessage.class)).isEqualTo(message);
	}

	@Test
	void roundTripsRequestsAndUpdates() {
		SetWebhook webhook = new SetWebhook("https://x/telegram/webhook", "s3cret", Update.ALLOWED, 40, false);
		String json = TelegramJson.mapper().writeValueAsString(webhook);
		assertThat(json).contains("\"secret_token\":\"s3cret\"", "\"allowed_updates\":[\"message\"");
		assertThat(TelegramJson.mapper().readValue(json, SetWebhook.class)).isEqualTo(webhook);

		AnswerCallbackQuery answer = new AnswerCallbackQuery("id", "x".repeat(300), true);
		assertThat(answer.text()).hasSize(AnswerCallbackQuery.MAX_TEXT);
		assertThat(TelegramJson.mapper().writeValueAsString(answer)).contains("\"show_alert\":true");
	}

	@Test
	void writesTheRepliesOfAGroupThreadedAndReadsTheTopicOfAMessage() {
		SendMessage reply = SendMessage.html(-1001, "table", null).inThread(3, ReplyParameters.to(42));
		String json = TelegramJson.mapper().writeValueAsString(reply);
		assertThat(json).contains("\"message_thread_id\":3",
				"\"reply_parameters\":{\"message_id\":42,\"allow_sending_without_reply\":true}");
		assertThat(TelegramJson.mapper().readValue(json, SendMessage.class)).isEqualTo(reply);

		Message message = TelegramJson.mapper().readValue("""
				{"message_id":5,"chat":{"id":-1001,"type":"supergroup"},"date":1,"text":"/tabela",
				 "message_thread_id":3,"is_topic_message":true}""", Message.class);
		assertThat(message.topic()).isEqualTo(3);
		assertThat(TelegramJson.mapper().readValue("""
				{"message_id":5,"chat":{"id":-5,"type":"group"},"date":1,"message_thread_id":4}""", Message.class).topic())
			.isNull();
	}

	@Test
	void refusesCallbackDataOverSixtyFourBytes() {
		assertThat(InlineKeyboardButton.callback("ok", "x".repeat(64)).callbackData()).hasSize(64);
		assertThatThrownBy(() -> InlineKeyboardButton.callback("too long", "é".repeat(33)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("64 bytes");
	}
}
