package io.analytips.telegram;

import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReceivedUpdateTest {

	@Test
	void parsesAMessage() {
		ReceivedUpdate update = ReceivedUpdate.parse(42, Updates.message(7, "/start").put("update_id", 42).toString());
		assertThat(update.isValid()).isTrue();
		assertThat(update.update().kind()).isEqualTo("message");
		assertThat(update.update().user().id()).isEqualTo(7);
		assertThat(update.update().user().languageCode()).isEqualTo("pt-br");
		assertThat(update.update().chat().id()).isEqualTo(7);
	}

	@Test
	void ignoresUnknownFields() {
		ReceivedUpdate update = ReceivedUpdate.parse(1,
				"{\"update_id\":1,\"message\":{\"message_id\":1,\"chat\":{\"id\":3,\"type\":\"private\",\"x\":[1]},\"future\":{}}}");
		assertThat(update.isValid()).isTrue();
	}

	@Test
	void marksStructurallyBrokenUpdatesInvalidButKeepsThem() {
		ReceivedUpdate noChat = ReceivedUpdate.parse(1, "{\"update_id\":1,\"message\":{\"message_id\":1,\"text\":\"x\"}}");
		assertThat(noChat.isValid()).isFalse();
		assertThat(noChat.problem()).contains("without chat");
		assertThat(noChat.json()).contains("\"text\":\"x\"");

		ReceivedUpdate wrongType = ReceivedUpdate.parse(2, "{\"update_id\":2,\"callback_query\":[1,2]}");
		assertThat(wrongType.isValid()).isFalse();

		ReceivedUpdate callbackWithoutFrom = ReceivedUpdate.parse(3, "{\"update_id\":3,\"callback_query\":{\"id\":\"q\"}}");
		assertThat(callbackWithoutFrom.problem()).contains("callback_query");
	}

	@Test
	void unreadableJsonIsInvalid() {
		ReceivedUpdate garbage = ReceivedUpdate.parse(9, "{not json");
		assertThat(garbage.isValid()).isFalse();
		assertThat(garbage.updateId()).isEqualTo(9);
	}

	@Test
	void keepsNulCharactersEscapedInTheStoredJson() {
		ReceivedUpdate update = ReceivedUpdate.parse(5,
				"{\"update_id\":5,\"message\":{\"message_id\":1,\"chat\":{\"id\":3,\"type\":\"private\"},\"text\":\"a\\u0000b\"}}");
		assertThat(update.update().message().text()).isEqualTo("a\u0000b");
		assertThat(update.json()).doesNotContain("\u0000").contains("\\u0000");
	}
}
