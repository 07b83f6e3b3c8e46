package io.analytips.telegram;

import java.util.List;

import io.analytips.support.FakeBotApi;
import io.analytips.telegram.model.AnswerInlineQuery;
import io.analytips.telegram.model.InlineKeyboardButton;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import io.analytips.telegram.model.InlineQueryResultArticle;
import io.analytips.telegram.model.InlineQueryResultCachedPhoto;
import io.analytips.telegram.model.InlineQueryResultsButton;
import io.analytips.telegram.model.InputTextMessageContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@code answerInlineQuery} on the wire: its JSON as Telegram reads it, and its errors. */
class TelegramClientInlineTest {

	private final FakeBotApi fake = FakeBotApi.start();

	private final TelegramClient client = new TelegramClient(TelegramTestSupport.properties(fake.url(), FakeBotApi.TOKEN));

	@AfterEach
	void close() {
		client.destroy();
		fake.close();
	}

	private static final InlineKeyboardMarkup LINK = InlineKeyboardMarkup
		.of(List.of(List.of(InlineKeyboardButton.url("Full analysis", "https://t.me/analytips_test_bot?start=f42"))));

	@Test
	void sendsResultsInSnakeCaseWithTheirTypeAndWithoutNulls() {
		AnswerInlineQuery answer = new AnswerInlineQuery("iq-1",
				List.of(new InlineQueryResultArticle("f42", "Palmeiras vs Santos", InputTextMessageContent.html("<b>x</b>"),
						LINK, "23/11 16:00", null),
						new InlineQueryResultCachedPhoto("f43", "AgAD-file", "Flamengo vs Vasco", null, "<b>y</b>", "HTML", LINK)),
				60, true, null, null);

		StepVerifier.create(client.answerInlineQuery(answer)).expectNext(true).verifyComplete();

		JsonNode body = fake.calls().stream().filter(call -> call.method().equals("answerInlineQuery")).findFirst()
			.orElseThrow().body();
		assertThat(body.path("inline_query_id").asString()).isEqualTo("iq-1");
		assertThat(body.path("cache_time").asInt()).isEqualTo(60);
		assertThat(body.path("is_personal").asBoolean()).isTrue();
		assertThat(body.has("next_offset")).isFalse();
		assertThat(body.has("button")).isFalse();
		JsonNode article = body.path("results").get(0);
		assertThat(article.path("type").asString()).isEqualTo("article");
		assertThat(article.path("id").asString()).isEqualTo("f42");
		assertThat(article.path("input_message_content").path("message_text").asString()).isEqualTo("<b>x</b>");
		assertThat(article.path("input_message_content").path("parse_mode").asString()).isEqualTo("HTML");
		assertThat(article.path("reply_markup").path("inline_keyboard").get(0).get(0).path("url").asString())
			.isEqualTo("https://t.me/analytips_test_bot?start=f42");
		assertThat(article.has("thumbnail_url")).isFalse();
		JsonNode photo = body.path("results").get(1);
		assertThat(photo.path("type").asString()).isEqualTo("photo");
		assertThat(photo.path("photo_file_id").asString()).isEqualTo("AgAD-file");
		assertThat(photo.path("parse_mode").asString()).isEqualTo("HTML");
		assertThat(photo.has("description")).isFalse();
	}

	@Test
	void anEmptyAnswerCarriesItsButtonToThePrivateChat() {
		AnswerInlineQuery empty = new AnswerInlineQuery("iq-2", List.of(), 0, true, null,
				new InlineQueryResultsButton("Try again", "inline"));

		StepVerifier.create(client.answerInlineQuery(empty)).expectNext(true).verifyComplete();

		JsonNode body = fake.calls().get(fake.calls().size() - 1).body();
		assertThat(body.path("results").isArray()).isTrue();
		assertThat(body.path("results").isEmpty()).isTrue();
		assertThat(body.path("cache_time").asInt()).isZero();
		assertThat(body.path("button").path("start_parameter").asString()).isEqualTo("inline");
		assertThat(body.path("button").path("text").asString()).isEqualTo("Try again");
	}

	@Test
	void anExpiredQueryErrorsAsABadRequest() {
		fake.when("answerInlineQuery").times(1).respond(400, "Bad Request: query is too old and response timeout expired");

		StepVerifier.create(client.answerInlineQuery(new AnswerInlineQuery("old", List.of(), 0, true, null, null)))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(TelegramException.class,
					ex -> assertThat(ex.kind()).isEqualTo(TelegramException.Kind.BAD_REQUEST)))
			.verify();
	}

	@Test
	void refusesWhatTelegramWouldRefuse() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InlineQueryResultArticle("x".repeat(65), "t",
				InputTextMessageContent.html("m"), null, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new AnswerInlineQuery("iq",
				java.util.Collections.nCopies(51, new InlineQueryResultArticle("a", "t", InputTextMessageContent.html("m"),
						null, null, null)),
				0, true, null, null));
	}
}
