package io.analytips.bot;

import java.util.ArrayList;
import java.util.List;

import io.analytips.support.BotTestKit;
import io.analytips.support.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /idioma} and {@code /fuso}: a user's language and time zone, chosen by buttons or typed. */
class SettingsHandlerTest {

	private final BotTestKit kit = new BotTestKit();

	private final Messages messages = new Messages();

	private final Menus menus = new Menus(messages);

	private final Preferences preferences = Readers.preferences(kit.clock);

	private final SettingsHandler settings = new SettingsHandler(preferences, messages, menus, kit.clock);

	private final StartHandler start = new StartHandler(messages, menus, preferences);

	@AfterEach
	void close() {
		kit.close();
	}

	@Test
	void takesItsCommandsInEitherLanguageWithOrWithoutAccentsAndItsButtons() {
		for (String command : new String[] { "/idioma", "/language", "/língua en", "/fuso", "/timezone Lisboa", "/Fuso" }) {
			assertThat(settings.supports(kit.command(5, command, "pt-br"))).as(command).isTrue();
		}
		for (String data : new String[] { "cfg", "lang", "lang:en", "tz", "tz:3", "tz:auto" }) {
			assertThat(settings.supports(kit.press(5, data, "pt-br"))).as(data).isTrue();
		}
		assertThat(settings.supports(kit.command(5, "/start", "pt-br"))).isFalse();
		assertThat(settings.supports(kit.press(5, "lang:en:x", "pt-br"))).isFalse();
	}

	@Test
	void aPortugueseClientWhoChoosesEnglishIsAnsweredInEnglishFromThenOn() {
		StepVerifier.create(settings.handle(kit.command(5, "/idioma en", "pt-br"))).verifyComplete();
		StepVerifier.create(start.handle(kit.command(5, "/start", "pt-br"))).verifyComplete();

		assertThat(kit.repliesTo(5)).hasSize(2);
		assertThat(kit.repliesTo(5).get(0)).contains("Language: English", "Time zone: London, automatic from the language");
		assertThat(kit.repliesTo(5).get(1)).contains("Welcome to Analytips");
	}

	@Test
	void aTypedCityBecomesTheZoneAndAutomaticGoesBackToTheLanguages() {
		StepVerifier.create(settings.handle(kit.command(6, "/fuso Lisboa", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(6).get(0)).contains("Idioma: Português", "Fuso: Lisboa (agora são 12:00)")
			.doesNotContain("automático");

		StepVerifier.create(settings.handle(kit.press(6, "tz:auto", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(6).get(1)).contains("Fuso: Brasília, automático pelo idioma (agora são 09:00)");
	}

	@Test
	void theButtonsOfferTheLanguagesAndTheZones() {
		StepVerifier.create(settings.handle(kit.press(7, "lang", "pt-br"))).verifyComplete();
		assertThat(kit.lastScreenButtons(7)).contains("🇧🇷 Português", "🇬🇧 English", "⬅️ Voltar");
		StepVerifier.create(settings.handle(kit.press(7, "tz", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(7).get(1)).contains("Fuso horário</b> (agora: Brasília)");
		assertThat(kit.lastScreenButtons(7)).contains("Brasília", "Manaus", "Lisboa", "Londres", "Nova York", "UTC",
				"🔄 Automático (pelo idioma)");
		StepVerifier.create(settings.handle(kit.press(7, "tz:6", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(7).get(2)).contains("Fuso: Nova York (agora são 07:00)");
	}

	@Test
	void aZoneItDoesNotKnowIsSaidPolitelyWithTheChoices() {
		StepVerifier.create(settings.handle(kit.command(8, "/fuso <b>Atlântida</b>", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(8)).singleElement().asString()
			.contains("Não conheço o fuso <b>&lt;b&gt;Atlântida&lt;/b&gt;</b>");
		assertThat(kit.lastButtonsTo(8)).contains("Brasília", "Lisboa");
	}

	@Test
	void aWordThatIsNoLanguageShowsTheChoice() {
		StepVerifier.create(settings.handle(kit.command(9, "/idioma klingon", "pt-br"))).verifyComplete();
		assertThat(kit.lastButtonsTo(9)).contains("🇧🇷 Português", "🇬🇧 English");
		assertThat(SettingsHandler.language("Inglês")).isPresent();
		assertThat(SettingsHandler.language("PORTUGUÊS")).isPresent();
		assertThat(SettingsHandler.language("klingon")).isEmpty();
	}

	@Test
	void aLanguageChosenInAPrivateChatBecomesThatChatsCommandMenuOnceTheChoiceIsAnswered() {
		StepVerifier.create(settings.handle(kit.press(12, "lang:en", "pt-br"))).verifyComplete();
		assertThat(kit.telegram.calls()).last().satisfies(call -> {
			assertThat(call.method()).isEqualTo("setMyCommands");
			assertThat(call.body().path("scope").path("type").asString()).isEqualTo("chat");
			assertThat(call.body().path("scope").path("chat_id").asLong()).isEqualTo(12);
			assertThat(call.body().has("language_code")).as("whatever the client's language").isFalse();
			assertThat(commands(call)).contains("today", "language", "help").doesNotContain("hoje");
		});

		StepVerifier.create(settings.handle(kit.command(12, "/language pt", "pt-br"))).verifyComplete();
		assertThat(kit.telegram.calls("setMyCommands")).hasSize(2).last()
			.satisfies(call -> assertThat(commands(call)).contains("hoje", "idioma", "ajuda").doesNotContain("today"));
	}

	@Test
	void onlyAChoiceSetsTheMenuAndAGroupKeepsTheGroupsMenu() {
		StepVerifier.create(settings.handle(kit.press(13, "lang", "pt-br"))).verifyComplete();
		StepVerifier.create(settings.handle(kit.command(13, "/idioma klingon", "pt-br"))).verifyComplete();
		StepVerifier.create(settings.handle(kit.command(13, "/fuso Lisboa", "pt-br"))).verifyComplete();
		StepVerifier.create(settings.handle(kit.groupCommand(13, -100, "/idioma en", "pt-br"))).verifyComplete();
		assertThat(kit.telegram.calls("setMyCommands")).isEmpty();
		assertThat(kit.repliesTo(13)).hasSize(3);
	}

	@Test
	void aMenuTelegramRefusesLeavesTheChoiceMadeAndAnswered() {
		kit.telegram.when("setMyCommands").respond(400, "Bad Request: chat not found");
		StepVerifier.create(settings.handle(kit.command(14, "/idioma en", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(14)).singleElement().asString().contains("Language: English");
		StepVerifier.create(start.handle(kit.command(14, "/start", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(14).get(1)).contains("Welcome to Analytips");
	}

	private static List<String> commands(FakeBotApi.Call call) {
		List<String> names = new ArrayList<>();
		call.body().path("commands").forEach(command -> names.add(command.path("command").asString()));
		return names;
	}

	@Test
	void aNewLanguageOrZoneReachesTheAlertsOfAChatThatFollowsAndAStoreDownDoesNotUndoTheChoice() {
		MemoryFollowing following = new MemoryFollowing(kit.clock);
		following.subscribers.put(11L, io.analytips.store.Subscriber.of(11, "pt-BR", "America/Sao_Paulo"));
		SettingsHandler withAlerts = new SettingsHandler(preferences, messages, menus, kit.clock, following);

		StepVerifier.create(withAlerts.handle(kit.press(11, "lang:en", "pt-br"))).verifyComplete();
		assertThat(following.subscribers.get(11L).language()).isEqualTo("en");
		StepVerifier.create(withAlerts.handle(kit.command(11, "/fuso Lisboa", "pt-br"))).verifyComplete();
		assertThat(following.subscribers.get(11L).timeZone()).isEqualTo("Europe/Lisbon");

		following.failing = true;
		StepVerifier.create(withAlerts.handle(kit.press(11, "tz:auto", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(11).get(2)).contains("Time zone: London, automatic from the language");
	}
}
