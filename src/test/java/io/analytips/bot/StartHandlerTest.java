package io.analytips.bot;

import java.util.List;

import io.analytips.football.AnalysisService;
import io.analytips.support.BotTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /start}, and the deep links that arrive as {@code /start <payload>}: a fixture's analysis, a team's games; a
 * hostile or expired payload gets the welcome with one line about the link, never an error.
 */
class StartHandlerTest {

	private final BotTestKit kit = new BotTestKit();

	private final Messages messages = new Messages();

	private final Menus menus = new Menus(messages);

	private final Preferences preferences = Readers.preferences(kit.clock);

	private final TeamScreens teams = new TeamScreens(kit.teamSearch, kit.data, messages, menus);

	private final StartHandler start = new StartHandler(messages, menus, preferences, new DeepLinkScreens(
			new BrowseHandler(kit.data, List.of(71, 39), messages, menus, new Leagues(messages), preferences,
					DisplayNames.AS_GIVEN),
			teams), new AnalysisReplies(new AnalysisService(kit.data, 5, kit.clock), null,
					new AnalysisText(messages, new Leagues(messages), DisplayNames.AS_GIVEN), messages, menus, preferences,
					kit.clock, null, null, null));

	@AfterEach
	void close() {
		kit.close();
	}

	private String reply(long user, String text, String language) {
		StepVerifier.create(start.handle(kit.command(user, text, language))).verifyComplete();
		assertThat(kit.repliesTo(user)).hasSize(1);
		return kit.repliesTo(user).get(0);
	}

	@Test
	void aPlainStartIsTheWelcome() {
		assertThat(reply(1, "/start", "en")).contains("Welcome to Analytips, User 1!")
			.doesNotContain(messages.get(java.util.Locale.ENGLISH, "deeplink.invalid.html"));
		assertThat(kit.lastButtonsTo(1)).isNotEmpty();
	}

	@Test
	void theInlineAnswersTryAgainButtonIsThePlainWelcome() {
		assertThat(reply(2, "/start inline", "pt-br")).contains("Bem-vindo ao Analytips")
			.doesNotContain("link não é válido");
	}

	@Test
	void aFixturesLinkOpensItsFullAnalysisWithTheWayBackToItsMenu() {
		long fixture = kit.football.todaysFixtureIds().get(0);

		assertThat(reply(3, "/start " + DeepLinks.fixture(fixture), "en")).contains("Likeliest scores", "gamble responsibly");
		assertThat(kit.lastScreenData(3)).anyMatch(data -> data.startsWith("f:" + fixture));
	}

	@Test
	void aTeamsLinkOpensItsNextGames() {
		java.util.concurrent.atomic.AtomicLong flamengo = new java.util.concurrent.atomic.AtomicLong();
		StepVerifier.create(kit.teamSearch.search("Flamengo"))
			.assertNext(found -> flamengo.set(found.found().get(0).id()))
			.verifyComplete();

		assertThat(reply(4, "/start t" + flamengo.get(), "pt-br")).contains("Próximos jogos — Flamengo");
	}

	@Test
	void aLinkToAFixtureNobodyKnowsIsTheWelcomeWithANoteAboutTheLink() {
		assertThat(reply(5, "/start f999999999", "en")).startsWith(messages.get(java.util.Locale.ENGLISH,
				"deeplink.invalid.html")).contains("Welcome to Analytips");
	}

	@ParameterizedTest
	@ValueSource(strings = { "x", "f-1", "f0", "f99999999999999999999", "../../etc/passwd", "f1;DROP TABLE users",
			"<b>f1</b>", "f١٢", "ｆ12", "f1 t2" })
	void aHostilePayloadIsTheWelcomeWithANoteAboutTheLink(String payload) {
		String reply = reply(6, "/start " + payload, "pt-br");

		assertThat(reply).startsWith(messages.get(io.analytips.pipeline.UpdateContext.DEFAULT_LOCALE, "deeplink.invalid.html"))
			.contains("Bem-vindo ao Analytips")
			.doesNotContain("<b>f1</b>", "DROP", "passwd");
		assertThat(kit.football.calls()).as("no upstream call for what is no link").isZero();
	}

	@Test
	void aPayloadOverTelegramsLimitIsNoLink() {
		assertThat(reply(7, "/start f" + "1".repeat(80), "en")).contains("not valid");
	}
}
