package io.analytips.bot;

import java.time.Duration;
import java.util.List;

import io.analytips.pipeline.UpdateContext;
import io.analytips.support.BotTestKit;
import io.analytips.telegram.TelegramException;
import io.analytips.telegram.model.InlineKeyboardButton;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** An analysis picture on its way to the chat that asked: uploaded or by file_id, emitting the file_id kept. */
class ChatPhotoTest {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G' };

	private final BotTestKit kit = new BotTestKit();

	private final UpdateContext pressed = kit.press(61, "a:99:full", "en");

	private final ChatPhoto photo = new ChatPhoto(pressed, 61, "<b>caption</b>",
			new InlineKeyboardMarkup(List.of(List.of(InlineKeyboardButton.callback("📄", "at:99")))), "99-en-00ff.png");

	@AfterEach
	void close() {
		kit.close();
	}

	@Test
	void uploadsThenSendsAgainByTheFileIdTelegramKept() {
		String[] kept = new String[1];
		StepVerifier.create(photo.upload(PNG))
			.assertNext(fileId -> kept[0] = fileId)
			.verifyComplete();
		assertThat(kept[0]).as("the largest size's").matches("photo-\\d+");
		StepVerifier.create(photo.resend(kept[0])).expectNext(kept[0]).verifyComplete();
		assertThat(kit.telegram.calls("sendPhoto")).hasSize(2)
			.allSatisfy(call -> assertThat(call.body().path("caption").asString()).isEqualTo("<b>caption</b>"));
	}

	@Test
	void aFileIdTelegramRefusesIsABadRequestAndNothingElse() {
		kit.telegram.when("sendPhoto").times(1).respond(400, "Bad Request: wrong file identifier/HTTP URL specified");
		StepVerifier.create(photo.resend("gone"))
			.expectErrorSatisfies(error -> assertThat(photo.refused(error)).isTrue())
			.verify(Duration.ofSeconds(10));
		assertThat(photo.refused(new TelegramException(403, "Forbidden: bot was blocked by the user", null, null))).isFalse();
		assertThat(photo.refused(new IllegalStateException("no photo"))).isFalse();
	}
}
