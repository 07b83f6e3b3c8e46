package io.analytips.console;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.analytips.telegram.model.BotCommand;
import io.analytips.telegram.model.BotCommandScope;
import io.analytips.telegram.model.SetMyCommands;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo speaks the language of its chat's command menu as the bot sets it, from one run to the next; a menu that
 * cannot be kept fails the call and changes nothing.
 */
class ConsoleMenuLanguageTest extends ConsoleFixture {

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
}
