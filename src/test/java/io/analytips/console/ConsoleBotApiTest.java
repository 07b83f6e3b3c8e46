package io.analytips.console;

import java.time.Duration;
import java.util.List;

import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.model.AnswerCallbackQuery;
import io.analytips.telegram.model.EditMessageText;
import io.analytips.telegram.model.GetUpdates;
import io.analytips.telegram.model.InlineKeyboardButton;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import io.analytips.telegram.model.SendMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The terminal as a Bot API: typed lines are updates, replies are printed with numbered buttons. */
class ConsoleBotApiTest extends ConsoleFixture {

	private final ConsoleBotApi console = terminal("", "pt-br", NO_WAIT, () -> {
	});

	@AfterEach
	void close() {
		console.close();
	}

	@Test
	void typedLinesBecomeMessagesFromTheLocalUserInOrder() {
		console.typed("/start");
		console.typed("  flamengo  ");
		console.typed("");
		StepVerifier.create(console.getUpdates(FROM_START))
			.assertNext(batch -> {
				assertThat(batch).extracting(update -> update.update().message().text()).containsExactly("/start", "flamengo");
				assertThat(batch).extracting(ReceivedUpdate::updateId).containsExactly(1L, 2L);
				assertThat(batch.get(0).update().message().from().languageCode()).isEqualTo("pt-br");
				assertThat(batch.get(0).update().message().chat().type()).isEqualTo("private");
			})
			.verifyComplete();
	}

	@Test
	void aNumberPressesThatButtonOfTheLastScreen() {
		StepVerifier.create(console.sendMessage(SendMessage.html(ConsoleBotApi.USER_ID, "<b>Menu</b>", TWO_BUTTONS)))
			.assertNext(message -> assertThat(message.text()).isEqualTo("<b>Menu</b>"))
			.verifyComplete();
		assertThat(printed()).contains("Menu", "[1] Jogos de hoje", "[2] Ajuda").doesNotContain("<b>");
		console.typed("2");
		console.typed("3"); // no third button: plain text
		StepVerifier.create(console.getUpdates(FROM_START))
			.assertNext(batch -> {
				assertThat(batch.get(0).update().callbackQuery().data()).isEqualTo("help");
				assertThat(batch.get(1).update().message().text()).isEqualTo("3");
			})
			.verifyComplete();
	}

	@Test
	void anEditedScreenReplacesTheButtonsToPress() {
		console.sendMessage(SendMessage.html(ConsoleBotApi.USER_ID, "Menu", TWO_BUTTONS)).block();
		InlineKeyboardMarkup back = InlineKeyboardMarkup.of(List.of(List.of(InlineKeyboardButton.callback("Voltar", "menu"))));
		StepVerifier.create(console.editMessageText(new EditMessageText(ConsoleBotApi.USER_ID, 1, "Ajuda", "HTML", back, null)))
			.expectNextCount(1)
			.verifyComplete();
		console.typed("1");
		StepVerifier.create(console.getUpdates(FROM_START))
			.assertNext(batch -> assertThat(batch.get(0).update().callbackQuery().data()).isEqualTo("menu"))
			.verifyComplete();
	}

	@Test
	void waitsForInputThenAnswersTheLongPoll() {
		StepVerifier.withVirtualTime(() -> console.getUpdates(FROM_START))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(10))
			.then(() -> console.typed("oi"))
			.assertNext(batch -> assertThat(batch).hasSize(1))
			.verifyComplete();
	}

	@Test
	void answersAnEmptyBatchWhenTheLongPollTimesOut() {
		StepVerifier.withVirtualTime(() -> console.getUpdates(FROM_START))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(50))
			.assertNext(batch -> assertThat(batch).isEmpty())
			.verifyComplete();
	}

	@Test
	void forgetsUpdatesOnceTheOffsetConfirmsThem() {
		console.typed("a");
		console.typed("b");
		StepVerifier.create(console.getUpdates(new GetUpdates(2L, 100, 0, List.of())))
			.assertNext(batch -> assertThat(batch).extracting(ReceivedUpdate::updateId).containsExactly(2L))
			.verifyComplete();
		StepVerifier.create(console.getWebhookInfo())
			.assertNext(info -> assertThat(info.pendingUpdateCount()).isEqualTo(1))
			.verifyComplete();
	}

	@Test
	void printsCallbackAnswersThatHaveText() {
		StepVerifier.create(console.answerCallbackQuery(new AnswerCallbackQuery("q", "Devagar!", true)))
			.expectNext(true)
			.verifyComplete();
		StepVerifier.create(console.answerCallbackQuery(new AnswerCallbackQuery("q", null, null)))
			.expectNext(true)
			.verifyComplete();
		assertThat(printed()).isEqualTo("⚠ Devagar!" + System.lineSeparator());
	}

	@Test
	void aNoticeThatBringsItsOwnIconGetsNoSecond() {
		console.answerCallbackQuery(new AnswerCallbackQuery("q", "⏳ Você enviou muitas mensagens em pouco tempo.", true)).block();
		console.answerCallbackQuery(new AnswerCallbackQuery("q", "⚠️ Sistema temporariamente sobrecarregado.", true)).block();
		console.answerCallbackQuery(new AnswerCallbackQuery("q", "Salvo", false)).block();
		assertThat(printed().lines()).containsExactly("⏳ Você enviou muitas mensagens em pouco tempo.",
				"⚠️ Sistema temporariamente sobrecarregado.", "» Salvo");
	}
}
