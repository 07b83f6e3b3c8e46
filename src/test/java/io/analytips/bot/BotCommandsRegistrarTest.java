package io.analytips.bot;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.analytips.common.BotProfile;
import io.analytips.host.HostedBot;
import io.analytips.telegram.BotApi;
import io.analytips.telegram.TelegramException;
import io.analytips.telegram.model.SetMyCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The command menu's publication, in virtual time. */
class BotCommandsRegistrarTest {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();

	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
	}

	@Test
	void retriesAFailedPublicationAfterOneTwoAndFourSecondsEachWithinTenPercent() {
		// each language's list, for every chat and for groups, is published on its own: four series of attempts
		Map<String, List<Long>> attempts = new ConcurrentHashMap<>();
		BotApi client = mock(BotApi.class);
		when(client.setMyCommands(any())).thenAnswer(invocation -> Mono.defer(() -> {
			SetMyCommands request = invocation.getArgument(0);
			attempts.computeIfAbsent(request.languageCode() + "/" + request.scope(), k -> new CopyOnWriteArrayList<>())
				.add(time.now(TimeUnit.MILLISECONDS));
			return Mono.error(new TelegramException(502, "Bad Gateway", null, null));
		}));
		BotCommandsRegistrar registrar = new BotCommandsRegistrar(new Messages());
		HostedBot bot = bot(client, null);

		registrar.started(bot);
		time.advanceTimeBy(Duration.ofSeconds(10));
		registrar.stopped(bot);

		// the first series to give up ends the other (Mono.when), possibly before its last attempt
		assertThat(attempts.values().stream().mapToInt(List::size).max().orElse(0)).isEqualTo(4);
		assertThat(attempts).hasSize(4).allSatisfy((language, times) -> {
			long[] expected = { 1000, 2000, 4000 };
			assertThat(times).hasSizeGreaterThanOrEqualTo(3);
			for (int i = 1; i < times.size(); i++) {
				assertThat(times.get(i) - times.get(i - 1)).isBetween(expected[i - 1] * 9 / 10, expected[i - 1] * 11 / 10);
			}
		});
	}

	@Test
	void anEnglishBotsDefaultMenuIsInEnglishAndItsPortugueseMenuIsForPortugueseClients() {
		Map<String, SetMyCommands> published = new ConcurrentHashMap<>();
		BotApi client = mock(BotApi.class);
		when(client.setMyCommands(any())).thenAnswer(invocation -> {
			SetMyCommands request = invocation.getArgument(0);
			if (request.scope() == null) {
				published.put(String.valueOf(request.languageCode()), request);
			}
			return Mono.just(true);
		});

		new BotCommandsRegistrar(new Messages()).started(bot(client, Locale.ENGLISH));

		assertThat(published).containsOnlyKeys("null", "pt");
		assertThat(published.get("null").commands()).extracting(command -> command.command()).contains("next", "table");
		assertThat(published.get("pt").commands()).extracting(command -> command.command()).contains("proximos", "tabela");
	}

	@Test
	void groupsGetTheCommandsThatWorkThereInBothLanguages() {
		Map<String, SetMyCommands> groups = new ConcurrentHashMap<>();
		BotApi client = mock(BotApi.class);
		when(client.setMyCommands(any())).thenAnswer(invocation -> {
			SetMyCommands request = invocation.getArgument(0);
			if (request.scope() != null) {
				groups.put(request.scope().type() + "/" + request.languageCode(), request);
			}
			return Mono.just(true);
		});

		new BotCommandsRegistrar(new Messages()).started(bot(client, null));

		assertThat(groups).containsOnlyKeys("all_group_chats/null", "all_group_chats/en");
		assertThat(groups.get("all_group_chats/null").commands()).extracting(command -> command.command())
			.contains("tabela", "proximos").doesNotContain("cancelar", "idioma", "fuso");
		assertThat(groups.get("all_group_chats/en").commands()).extracting(command -> command.command())
			.contains("table", "next").doesNotContain("cancel", "language", "timezone");
	}

	private static HostedBot bot(BotApi client, Locale language) {
		return HostedBot.of(new BotProfile(42, "some_bot", language, null, null, null), client, null, null, null, null);
	}
}
