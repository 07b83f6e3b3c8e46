package io.analytips.telegram;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.analytips.support.FakeBotApi;
import io.analytips.telegram.model.InlineKeyboardButton;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import io.analytips.telegram.model.Message;
import io.analytips.telegram.model.PhotoSize;
import io.analytips.telegram.model.SendPhoto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code sendPhoto}: a PNG uploaded with its caption and buttons, or a photo sent again by its file_id. */
class TelegramPhotoTest {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 };

	private static final InlineKeyboardMarkup BUTTONS = new InlineKeyboardMarkup(
			List.of(List.of(InlineKeyboardButton.callback("📄 Text", "at:99:t"))));

	private final FakeBotApi fake = FakeBotApi.start();

	private final TelegramClient client = new TelegramClient(TelegramTestSupport.properties(fake.url(), FakeBotApi.TOKEN));

	@AfterEach
	void close() {
		client.destroy();
		fake.close();
	}

	@Test
	void uploadsAPngWithItsHtmlCaptionAndButtonsAndEmitsItsLargestSize() {
		StepVerifier.create(client.sendPhoto(SendPhoto.upload(5, PNG, "99-pt-br-abc.png", "<b>Flamengo x Palmeiras</b>", BUTTONS)))
			.assertNext(message -> assertThat(message.largestPhoto()).matches("photo-\\d+"))
			.verifyComplete();
		JsonNode sent = fake.calls("sendPhoto").get(0).body();
		assertThat(sent.path("chat_id").asLong()).isEqualTo(5);
		assertThat(sent.path("caption").asString()).isEqualTo("<b>Flamengo x Palmeiras</b>");
		assertThat(sent.path("parse_mode").asString()).isEqualTo("HTML");
		assertThat(sent.path("photo_file").asString()).isEqualTo("99-pt-br-abc.png");
		assertThat(sent.path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asString())
			.isEqualTo("at:99:t");
		assertThat(sent.path("multipart").asString()).contains("Content-Type: image/png");
	}

	@Test
	void sendsAPhotoAgainByItsFileIdAsJson() {
		StepVerifier.create(client.sendPhoto(SendPhoto.again(5, "AgACAgE", "caption", null)))
			.assertNext(message -> assertThat(message.largestPhoto()).isEqualTo("AgACAgE"))
			.verifyComplete();
		JsonNode sent = fake.calls("sendPhoto").get(0).body();
		assertThat(sent.path("photo").asString()).isEqualTo("AgACAgE");
		assertThat(sent.has("multipart")).isFalse();
		assertThat(sent.has("reply_markup")).isFalse();
	}

	@Test
	void aFileIdTelegramDoesNotKnowIsABadRequest() {
		fake.when("sendPhoto").times(1).respond(400, "Bad Request: wrong file identifier/HTTP URL specified");
		StepVerifier.create(client.sendPhoto(SendPhoto.again(5, "gone", "caption", null)))
			.expectErrorSatisfies(error -> assertThat(((TelegramException) error).errorCode()).isEqualTo(400))
			.verify();
	}

	@Test
	void goesOutThroughTheSchedulerInItsChatsOrder() {
		OutboundScheduler outbound = new OutboundScheduler(client, TelegramTestSupport.properties(fake.url(), FakeBotApi.TOKEN),
				Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC), OutboundListener.NONE);
		StepVerifier.create(outbound.sendPhoto(SendPhoto.upload(5, PNG, "a.png", "caption", BUTTONS)))
			.assertNext(message -> assertThat(message.photo()).hasSize(2))
			.verifyComplete();
		assertThat(outbound.stats().sent()).isOne();
		fake.when("sendPhoto").times(1).respond(400, "Bad Request: wrong file identifier/HTTP URL specified");
		StepVerifier.create(outbound.sendPhoto(SendPhoto.again(5, "gone", "caption", BUTTONS)))
			.expectErrorSatisfies(error -> assertThat(((TelegramException) error).errorCode()).as("a 400 is not retried")
				.isEqualTo(400))
			.verify();
		assertThat(fake.calls("sendPhoto")).hasSize(2);
	}

	@Test
	void aPhotoIsUploadedOrSentByFileIdWithACaptionTelegramTakes() {
		assertThatThrownBy(() -> new SendPhoto(5, "id", PNG, "a.png", "c", null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SendPhoto.again(5, "id", "x".repeat(SendPhoto.MAX_CAPTION + 1), null))
			.hasMessageContaining("1024");
		Message none = new Message(1, null, null, null, 0, "text", null, null);
		assertThat(none.largestPhoto()).isNull();
		Message photo = new Message(1, null, null, null, 0, null, "c", null,
				List.of(new PhotoSize("big", "u1", 720, 1080, 90_000L), new PhotoSize("small", "u2", 90, 135, 2_000L)));
		assertThat(photo.largestPhoto()).isEqualTo("big");
	}
}
