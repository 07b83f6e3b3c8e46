package io.analytips.console;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.analytips.telegram.model.AnswerInlineQuery;
import io.analytips.telegram.model.GetUpdates;
import io.analytips.telegram.model.InlineKeyboardButton;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import io.analytips.telegram.model.InlineQueryResultArticle;
import io.analytips.telegram.model.InlineQueryResultCachedPhoto;
import io.analytips.telegram.model.InlineQueryResultsButton;
import io.analytips.telegram.model.InputTextMessageContent;
import io.analytips.telegram.model.SendMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Inline mode in the demo: {@code @ team} is an inline query; the answer's cards are printed with their links. */
class ConsoleInlineTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

	private static final GetUpdates FROM_START = new GetUpdates(0L, 100, 50, List.of());

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final ConsoleBotApi console = new ConsoleBotApi(new ByteArrayInputStream(new byte[0]),
			new PrintStream(printed, true, StandardCharsets.UTF_8), "Ana", "en", CLOCK, Duration.ZERO, false, () -> {
			}, ConsoleProperties.PICTURES);

	@AfterEach
	void close() {
		console.close();
	}

	private String printed() {
		return printed.toString(StandardCharsets.UTF_8);
	}

	@Test
	void theBannerSaysHowToTypeAnInlineQueryInBothLanguages() {
		assertThat(ConsoleScreen.banner(true, java.util.Map.of())).anyMatch(line -> line.contains("@ <team>"));
		assertThat(ConsoleScreen.banner(false, java.util.Map.of())).anyMatch(line -> line.contains("@ <time>"));
	}

	@Test
	void anAtSignTypedIsAnInlineQueryOfWhatFollowsItAndAnAtAloneIsAnEmptyOne() {
		console.typed("@ Palmeiras ");
		console.typed("@");
		console.typed("1"); // no screen yet: a message

		StepVerifier.create(console.getUpdates(FROM_START))
			.assertNext(batch -> {
				assertThat(batch).hasSize(3);
				assertThat(batch.get(0).update().kind()).isEqualTo("inline_query");
				assertThat(batch.get(0).update().inlineQuery().query()).isEqualTo("Palmeiras");
				assertThat(batch.get(0).update().inlineQuery().from().id()).isEqualTo(ConsoleBotApi.USER_ID);
				assertThat(batch.get(0).update().chat()).isNull();
				assertThat(batch.get(1).update().inlineQuery().query()).isEmpty();
				assertThat(batch.get(2).update().message().text()).isEqualTo("1");
			})
			.verifyComplete();
	}

	@Test
	void printsEachCardWithTheMessageItSendsAndTheStartLineThatFollowsItsLink() {
		InlineKeyboardMarkup link = InlineKeyboardMarkup
			.of(List.of(List.of(InlineKeyboardButton.url("📊 Full analysis", "https://t.me/analytips_demo_bot?start=f42"))));
		AnswerInlineQuery answer = new AnswerInlineQuery("q", List.of(
				new InlineQueryResultArticle("f42", "Palmeiras vs Santos", InputTextMessageContent
					.html("⚽ <b>Palmeiras vs Santos</b>\n📊 Palmeiras 48% · Draw 28% · Santos 24%"), link,
						"23/11 16:00 (Brasília)\nPalmeiras 48% · Draw 28% · Santos 24%", null),
				new InlineQueryResultCachedPhoto("f43", "file-43", "Flamengo vs Vasco", null, "<b>Flamengo</b>", "HTML", null)),
				60, true, null, null);

		StepVerifier.create(console.answerInlineQuery(answer)).expectNext(true).verifyComplete();

		assertThat(printed()).contains("Inline results: 2", "1. Palmeiras vs Santos", "   23/11 16:00 (Brasília)",
				"   ┆ ⚽ Palmeiras vs Santos", "[📊 Full analysis] → https://t.me/analytips_demo_bot?start=f42",
				"(here: /start f42)", "2. Flamengo vs Vasco", "🖼 file-43", "┆ Flamengo").doesNotContain("<b>");
	}

	@Test
	void anEmptyAnswerShowsItsButton() {
		StepVerifier.create(console.answerInlineQuery(new AnswerInlineQuery("q", List.of(), 0, true, null,
				new InlineQueryResultsButton("🔁 Try again in the bot", "inline"))))
			.expectNext(true)
			.verifyComplete();

		assertThat(printed()).contains("Inline results: 0", "[🔁 Try again in the bot] → /start inline");
	}

	@Test
	void anInlineAnswerLeavesTheButtonsOfTheLastScreenToPress() {
		InlineKeyboardMarkup menu = InlineKeyboardMarkup.of(List.of(List.of(InlineKeyboardButton.callback("Today", "t"))));
		console.sendMessage(SendMessage.html(ConsoleBotApi.USER_ID, "Menu", menu)).block();
		console.answerInlineQuery(new AnswerInlineQuery("q", List.of(), 0, true, null, null)).block();

		console.typed("1");

		StepVerifier.create(console.getUpdates(FROM_START))
			.assertNext(batch -> assertThat(batch.get(0).update().callbackQuery().data()).isEqualTo("t"))
			.verifyComplete();
	}
}
