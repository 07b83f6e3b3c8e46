package io.analytips.telegram;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.analytips.telegram.model.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A sent message's answer read straight into a message: the same message, and the same errors, as through a tree;
 * and without the echo of what was sent.
 */
class BotApiAnswersTest {

	private static final BotApiAnswers.Decoder<Message> TYPED = BotApiAnswers.typed(Message.class);

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static Message throughATree(int status, String json) {
		return BotApiAnswers.convert(BotApiAnswers.result(status, bytes(json)), Message.class);
	}

	@Test
	void readsASentMessageAsTheTreeDid() {
		String answer = """
				{"ok":true,"result":{"message_id":4711,"from":{"id":777,"is_bot":true,"first_name":"Analytips",
				"username":"analytips_bot"},"chat":{"id":-1001234,"title":"Torcida \\"alviverde\\" ⚽","type":"supergroup"},
				"date":1765065600,"text":"Palmeiras x Flamengo — análise","entities":[{"offset":0,"length":9,"type":"bold"}],
				"reply_markup":{"inline_keyboard":[[{"text":"⬅️ Voltar","callback_data":"back"}]]},"unknown_field":[1,2,3]}}""";

		Message typed = TYPED.decode(200, bytes(answer));

		assertThat(typed).isEqualTo(throughATree(200, answer));
		assertThat(typed.messageId()).isEqualTo(4711);
		assertThat(typed.chat().id()).isEqualTo(-1001234);
		assertThat(typed.text()).isEqualTo("Palmeiras x Flamengo — análise");
	}

	@Test
	void readsASentMessagesIdChatTopicAndPhotoButNotTheEchoOfItsTextOrCaption() {
		String answer = """
				{"ok":true,"result":{"message_id":4712,"message_thread_id":77,"is_topic_message":true,
				"chat":{"id":-1001234,"title":"Torcida","type":"supergroup"},"date":1765065600,
				"text":"⚽ Palmeiras x Flamengo — análise","caption":"📊 Palmeiras x Flamengo",
				"photo":[{"file_id":"small","width":90,"height":60},{"file_id":"large","width":1280,"height":853}]}}""";

		Message sent = BotApiAnswers.sent().decode(200, bytes(answer));

		assertThat(sent.messageId()).isEqualTo(4712);
		assertThat(sent.chat().id()).isEqualTo(-1001234);
		assertThat(sent.date()).isEqualTo(1765065600);
		assertThat(sent.topic()).isEqualTo(77);
		assertThat(sent.largestPhoto()).isEqualTo("large");
		assertThat(sent.text()).isNull();
		assertThat(sent.caption()).isNull();
		assertThat(TYPED.decode(200, bytes(answer)).text()).isEqualTo("⚽ Palmeiras x Flamengo — análise");
	}

	@Test
	void theAnswerToASendFailsAsAnyOtherDoes() {
		String answer = """
				{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""";

		assertThat(catchThrowableOfType(TelegramException.class, () -> BotApiAnswers.sent().decode(403, bytes(answer))))
			.hasMessage(catchThrowableOfType(TelegramException.class, () -> TYPED.decode(403, bytes(answer))).getMessage());
		assertThat(catchThrowableOfType(TelegramException.class, () -> BotApiAnswers.sent().decode(502, bytes("<html>"))))
			.hasMessageContaining("answer is not a Bot API response");
		assertThat(catchThrowableOfType(TelegramException.class, () -> BotApiAnswers.sent().decode(200, bytes("{\"ok\":true}"))))
			.hasMessageContaining("answer has no result");
	}

	@Test
	void throwsWhatAnErrorAnswerSaysAsTheTreeDid() {
		String answer = """
				{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}""";

		TelegramException typed = catchThrowableOfType(TelegramException.class, () -> TYPED.decode(429, bytes(answer)));

		assertThat(typed.retryAfter()).isEqualTo(Duration.ofSeconds(7));
		assertThat(typed).hasMessage(catchThrowableOfType(TelegramException.class, () -> throughATree(429, answer)).getMessage());
	}

	@Test
	void aGroupThatMovedSaysWhereTo() {
		String answer = """
				{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat",
				"parameters":{"migrate_to_chat_id":-1009876}}""";

		assertThat(catchThrowableOfType(TelegramException.class, () -> TYPED.decode(400, bytes(answer))).migrateToChatId())
			.isEqualTo(-1009876L);
	}

	@Test
	void somethingThatIsNoBotApiAnswerIsSaidToBeNone() {
		for (String body : new String[] { "<html>502 Bad Gateway</html>", "", "null", "[1,2]", "{\"ok\":" }) {
			assertThat(catchThrowableOfType(TelegramException.class, () -> TYPED.decode(502, bytes(body))))
				.as(body).hasMessageContaining("answer is not a Bot API response");
		}
	}

	@Test
	void anAnswerWithoutAResultIsAnError() {
		assertThat(catchThrowableOfType(TelegramException.class, () -> TYPED.decode(200, bytes("{\"ok\":true}"))))
			.hasMessageContaining("answer has no result");
	}
}
