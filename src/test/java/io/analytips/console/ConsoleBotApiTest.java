package io.analytips.console;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.model.AnswerCallbackQuery;
import io.analytips.telegram.model.BotCommand;
import io.analytips.telegram.model.BotCommandScope;
import io.analytips.telegram.model.EditMessageText;
import io.analytips.telegram.model.GetUpdates;
import io.analytips.telegram.model.InlineKeyboardButton;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import io.analytips.telegram.model.SendMessage;
import io.analytips.telegram.model.SetMyCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The terminal as a Bot API: typed lines are updates, replies are printed with numbered buttons. */
class ConsoleBotApiTest {

	@TempDir
	static Path folder;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final ConsoleBotApi console = terminal("", "pt-br", NO_WAIT, () -> {
	});

	/** For tests where nobody answers: each line's answer is given up on at once. */
	private static final Duration NO_WAIT = Duration.ZERO;

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

	private static final GetUpdates FROM_START = new GetUpdates(0L, 100, 50, List.of());

	private static final InlineKeyboardMarkup TWO_BUTTONS = InlineKeyboardMarkup.of(List.of(
			List.of(InlineKeyboardButton.callback("Jogos de hoje", "today"), InlineKeyboardButton.callback("Ajuda", "help"))));

	@AfterEach
	void close() {
		console.close();
	}

	private String printed() {
		return printed.toString(StandardCharsets.UTF_8);
	}

	/** A terminal typing {@code input} (not a script: nothing is echoed). */
	private ConsoleBotApi terminal(String input, String language, Duration answerWait, Runnable onEnd) {
		// not the working directory's data/demo: a demo run there may have left its chat's menu in another language
		return terminal(input, language, answerWait, onEnd, folder.resolve("shared").resolve("pictures"));
	}

	private ConsoleBotApi terminal(String input, String language, Duration answerWait, Runnable onEnd, Path pictures) {
		return new ConsoleBotApi(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(printed, true, StandardCharsets.UTF_8), "Ana", language, CLOCK, answerWait, false, onEnd,
				pictures);
	}

	@Test
	void theConsoleSpeaksTheLanguageOfTheChatsMenuAsTheBotSetsItAlsoInTheNextRun() throws InterruptedException {
		Path pictures = folder.resolve("menu").resolve("pictures");
		CountDownLatch ended = new CountDownLatch(1);
		ConsoleBotApi first = terminal("", "pt-br", NO_WAIT, ended::countDown, pictures);
		// the menus of every chat and of groups change nothing; the demo chat's own, in English, does
		StepVerifier.create(first.setMyCommands(new SetMyCommands(List.of(new BotCommand("today", "Today")), null)))
			.expectNext(true)
			.verifyComplete();
		StepVerifier.create(first.setMyCommands(new SetMyCommands(List.of(new BotCommand("today", "Today")), null,
				BotCommandScope.chat(ConsoleBotApi.USER_ID + 1))))
			.expectNext(true)
			.verifyComplete();
		first.start(1, Map.of());
		StepVerifier.create(first.setMyCommands(new SetMyCommands(List.of(new BotCommand("today", "Today")), null,
				BotCommandScope.chat(ConsoleBotApi.USER_ID))))
			.expectNext(true)
			.verifyComplete();
		assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
		first.close();
		assertThat(printed()).contains("/sair (ou Ctrl-D) encerra", "Bye!").doesNotContain("Até logo!");

		printed.reset();
		ConsoleBotApi second = terminal("", "pt-br", NO_WAIT, () -> {
		}, pictures);
		second.start(1, Map.of());
		StepVerifier.create(second.setMyCommands(new SetMyCommands(List.of(new BotCommand("hoje", "Hoje")), null,
				BotCommandScope.chat(ConsoleBotApi.USER_ID))))
			.expectNext(true)
			.verifyComplete();
		second.close();
		assertThat(printed()).contains("/quit (or Ctrl-D) leaves", "Até logo!").doesNotContain("Bye!");
	}

	@Test
	void aMenuThatCannotBeKeptFailsTheCallAndTheConsoleKeepsItsLanguage() throws java.io.IOException {
		Path pictures = folder.resolve("blocked").resolve("pictures");
		java.nio.file.Files.createDirectories(pictures.resolveSibling("chat-menu-language")); // a folder where the file goes
		ConsoleBotApi terminal = terminal("", "pt-br", NO_WAIT, () -> {
		}, pictures);
		terminal.start(1, Map.of());
		StepVerifier.create(terminal.setMyCommands(new SetMyCommands(List.of(new BotCommand("today", "Today")), null,
				BotCommandScope.chat(ConsoleBotApi.USER_ID))))
			.expectError(java.io.UncheckedIOException.class)
			.verify();
		terminal.close();
		assertThat(printed()).contains("Até logo!");
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

	@Test
	void readsTheTerminalUntilItEndsThenSaysSo() throws InterruptedException {
		CountDownLatch ended = new CountDownLatch(1);
		ConsoleBotApi terminal = terminal("/start\n1\n", "en", NO_WAIT, ended::countDown);
		terminal.start(1, Map.of());
		assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
		StepVerifier.create(terminal.getUpdates(FROM_START))
			.assertNext(batch -> assertThat(batch).extracting(update -> update.update().message().text())
				.containsExactly("/start", "1"))
			.verifyComplete();
		await().atMost(Duration.ofSeconds(10)).until(() -> printed().contains("offline demo. Type /start"));
		terminal.close();
	}

	@Test
	void numbersWhatIsTypedAfterTheUpdatesAnEarlierRunStored() throws InterruptedException {
		CountDownLatch ended = new CountDownLatch(1);
		ConsoleBotApi terminal = terminal("/start\n", "pt-br", NO_WAIT, ended::countDown);
		terminal.start(37, Map.of());
		assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
		StepVerifier.create(terminal.getUpdates(new GetUpdates(37L, 100, 0, List.of())))
			.assertNext(batch -> {
				assertThat(batch).extracting(ReceivedUpdate::updateId).containsExactly(37L);
				assertThat(batch.get(0).update().message().date()).isEqualTo(CLOCK.instant().getEpochSecond());
			})
			.verifyComplete();
		terminal.close();
	}

	@Test
	void saysHowToQuitAndWhichRealDaysTodayReplays() throws InterruptedException {
		CountDownLatch ended = new CountDownLatch(1);
		ConsoleBotApi terminal = terminal("", "pt-br", NO_WAIT, ended::countDown);
		terminal.start(1, new java.util.LinkedHashMap<>(Map.of("Premier League", java.time.LocalDate.of(2024, 11, 23))));
		assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
		terminal.close();
		assertThat(printed()).contains("/sair (ou Ctrl-D) encerra", "Premier League de 23/11/2024", "Encerrando o demo",
				"Até logo!");
	}

	@Test
	void aDemoWhoseStartFailedBeforeItsBannerSaysNoGoodbye() {
		ConsoleBotApi terminal = terminal("", "pt-br", NO_WAIT, () -> {
		});
		terminal.close();
		assertThat(printed()).isEmpty();
	}

	@Test
	void quitEndsTheDemoWithoutSendingItToTheBot() throws InterruptedException {
		CountDownLatch ended = new CountDownLatch(1);
		ConsoleBotApi terminal = terminal("/start\n  /QUIT \n/help\n", "en", NO_WAIT, ended::countDown);
		terminal.start(1, Map.of());
		assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
		StepVerifier.create(terminal.getUpdates(FROM_START))
			.assertNext(batch -> assertThat(batch).extracting(update -> update.update().message().text())
				.containsExactly("/start"))
			.verifyComplete();
		terminal.close();
		terminal.close();
		assertThat(printed()).contains("/quit (or Ctrl-D) leaves", "Leaving the demo…");
		assertThat(printed().split("Bye!", -1)).hasSize(2);
	}

	@Test
	void sendsALineOnlyOnceTheBotHasAnsweredTheOneBefore() throws InterruptedException {
		CountDownLatch ended = new CountDownLatch(1);
		ConsoleBotApi terminal = terminal("/start\n1\n", "pt-br", Duration.ofMinutes(1), ended::countDown);
		terminal.start(1, Map.of());
		ReceivedUpdate start = terminal.getUpdates(FROM_START).block(Duration.ofSeconds(10)).get(0);
		assertThat(start.update().message().text()).isEqualTo("/start");
		// "1" is not sent yet: there is no button to press until the bot answers /start
		StepVerifier.create(terminal.getUpdates(new GetUpdates(2L, 100, 0, List.of())))
			.assertNext(batch -> assertThat(batch).isEmpty())
			.verifyComplete();

		terminal.sendMessage(SendMessage.html(ConsoleBotApi.USER_ID, "Menu", TWO_BUTTONS)).block();
		terminal.ended(start.updateId());

		ReceivedUpdate press = terminal.getUpdates(new GetUpdates(2L, 100, 10, List.of())).block(Duration.ofSeconds(10)).get(0);
		assertThat(press.update().callbackQuery().data()).isEqualTo("today");
		terminal.ended(press.updateId());
		assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
		terminal.close();
	}

	@Test
	void anAnswerThatNeverComesIsGivenUpOnAndTheNextLineRead() throws InterruptedException {
		CountDownLatch ended = new CountDownLatch(1);
		ConsoleBotApi terminal = terminal("/start\n/help\n", "pt-br", NO_WAIT, ended::countDown);
		terminal.start(1, Map.of());
		assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
		StepVerifier.create(terminal.getUpdates(FROM_START))
			.assertNext(batch -> assertThat(batch).extracting(update -> update.update().message().text())
				.containsExactly("/start", "/help"))
			.verifyComplete();
		terminal.close();
	}

	@Test
	void aScriptsTranscriptShowsEachLineAfterAPrompt() throws InterruptedException {
		CountDownLatch ended = new CountDownLatch(1);
		ConsoleBotApi script = new ConsoleBotApi(new ByteArrayInputStream("/start\n/sair\n".getBytes(StandardCharsets.UTF_8)),
				new PrintStream(printed, true, StandardCharsets.UTF_8), "Ana", "pt-br", CLOCK, Duration.ofMinutes(1), true,
				ended::countDown, ConsoleProperties.PICTURES);
		script.start(1, Map.of());
		ReceivedUpdate start = script.getUpdates(FROM_START).block(Duration.ofSeconds(10)).get(0);
		script.sendMessage(SendMessage.html(ConsoleBotApi.USER_ID, "Bem-vindo", TWO_BUTTONS)).block();
		script.ended(start.updateId());
		assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
		script.close();
		assertThat(printed()).contains("de um card." + System.lineSeparator() + "› /start" + System.lineSeparator() + System.lineSeparator() + "Bem-vindo",
				"[2] Ajuda" + System.lineSeparator() + "› /sair" + System.lineSeparator(), "Encerrando o demo…");
	}

	@Test
	void aMessageNobodyTypedForIsFollowedByThePromptTheReaderWaitsAt() throws Exception {
		CountDownLatch ended = new CountDownLatch(1);
		java.io.PipedOutputStream typing = new java.io.PipedOutputStream();
		ConsoleBotApi script = new ConsoleBotApi(new java.io.PipedInputStream(typing),
				new PrintStream(printed, true, StandardCharsets.UTF_8), "Ana", "pt-br", CLOCK, Duration.ofMinutes(1), true,
				ended::countDown, ConsoleProperties.PICTURES);
		script.start(1, Map.of());
		typing.write("/start\n".getBytes(StandardCharsets.UTF_8));
		typing.flush();
		ReceivedUpdate start = script.getUpdates(FROM_START).block(Duration.ofSeconds(10)).get(0);
		script.sendMessage(SendMessage.html(ConsoleBotApi.USER_ID, "Bem-vindo", TWO_BUTTONS)).block();
		script.ended(start.updateId());
		await().atMost(Duration.ofSeconds(10)).until(() -> printed().endsWith("[2] Ajuda" + System.lineSeparator() + "› "));

		script.sendMessage(SendMessage.html(ConsoleBotApi.USER_ID, "⏰ Goiás x América-MG", null)).block();

		assertThat(printed()).endsWith("⏰ Goiás x América-MG" + System.lineSeparator() + "› ");
		typing.close();
		assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
		script.close();
	}

	@Test
	void printsUtf8WhateverTheLocaleSays() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ConsoleConfiguration.utf8(bytes).print("Brasileirão ⚽");
		assertThat(bytes.toByteArray()).isEqualTo("Brasileirão ⚽".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void speaksPortugueseUnlessTheLocaleAsksForEnglish() {
		assertThat(ConsoleConfiguration.languageOf(Map.of())).isEqualTo("pt-br");
		assertThat(ConsoleConfiguration.languageOf(Map.of("LANG", "C.UTF-8"))).isEqualTo("pt-br");
		assertThat(ConsoleConfiguration.languageOf(Map.of("LANG", "pt_BR.UTF-8"))).isEqualTo("pt-br");
		assertThat(ConsoleConfiguration.languageOf(Map.of("LANG", "en_GB.UTF-8"))).isEqualTo("en");
		assertThat(ConsoleConfiguration.languageOf(Map.of("LANG", "en_US.UTF-8", "LC_ALL", "pt_BR.UTF-8"))).isEqualTo("pt-br");
	}
}
