package io.analytips.console;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.model.GetUpdates;
import io.analytips.telegram.model.SendMessage;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A demo session at the terminal: read to its end or to /quit, a line sent once the bot has answered the one before,
 * its banner and goodbye, and a script's transcript.
 */
class ConsoleDemoSessionTest extends ConsoleFixture {

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
}
