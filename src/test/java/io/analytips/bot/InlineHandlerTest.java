package io.analytips.bot;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.analytips.common.BotProfile;
import io.analytips.football.AnalysisService;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.pipeline.UpdateContext;
import io.analytips.support.BotTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inline mode against the simulator (the Premier League and the Brasileirão on the suite's Monday), in virtual time:
 * the answer with fresh numbers, from memory, and by the deadline when API-Football is slow, never an error.
 */
class InlineHandlerTest {

	private static final BotProfile BOT = new BotProfile(7, "analytips_test_bot", null, null, Set.of(), Set.of());

	private static final List<Integer> LEAGUES = ApiTestSupport.properties("http://in-process", ApiFootballSimulator.KEY)
		.leagues();

	private final BotTestKit kit = new BotTestKit();

	private final Messages messages = new Messages();

	private final TeamScreens teams = new TeamScreens(kit.teamSearch, kit.data, messages, new Menus(messages));

	private final InlineFixtures fixtures = new InlineFixtures(teams, kit.data, LEAGUES, kit.clock);

	private final InlineOdds odds = new InlineOdds(new AnalysisService(kit.data, 5, kit.clock), kit.clock);

	private final InlineHandler handler = handler(InlinePictures.NONE);

	@AfterEach
	void close() {
		kit.close();
	}

	private InlineHandler handler(InlinePictures pictures) {
		return new InlineHandler(fixtures, odds, pictures, new InlineCards(messages, new Leagues(messages), DisplayNames.AS_GIVEN),
				messages, Readers.preferences(kit.clock));
	}

	/** Answers the query with nothing left to wait for: the deadline is never reached. */
	private JsonNode answer(InlineHandler inline, long user, String query, String language) {
		StepVerifier.withVirtualTime(() -> inline.handle(kit.inline(user, query, language, BOT)))
			.expectSubscription()
			.expectComplete()
			.verify(Duration.ofSeconds(60));
		return lastAnswer();
	}

	private JsonNode lastAnswer() {
		List<JsonNode> answers = kit.telegram.calls("answerInlineQuery").stream().map(call -> call.body()).toList();
		assertThat(answers).isNotEmpty();
		return answers.get(answers.size() - 1);
	}

	private static List<String> texts(JsonNode answer, String field) {
		List<String> texts = new java.util.ArrayList<>();
		answer.path("results").forEach(result -> texts.add(result.path(field).asString()));
		return texts;
	}

	@Test
	void aTeamsNameOffersItsNextGamesWithTheModels1X2AndALinkToTheFullAnalysis() {
		JsonNode answer = answer(handler, 31, "Palmeiras", "pt-br");

		assertThat(answer.path("results")).isNotEmpty().hasSizeLessThanOrEqualTo(InlineFixtures.MOST);
		assertThat(texts(answer, "title")).allMatch(title -> title.contains("Palmeiras") && title.contains(" x "));
		assertThat(texts(answer, "description"))
			.allMatch(line -> line.contains("Empate") && line.contains("%") && line.contains("Brasília"));
		JsonNode first = answer.path("results").get(0);
		assertThat(first.path("type").asString()).isEqualTo("article");
		assertThat(first.path("id").asString()).matches("f\\d+");
		assertThat(first.path("input_message_content").path("message_text").asString()).contains("<b>", "Palmeiras", "%");
		assertThat(first.path("reply_markup").path("inline_keyboard").get(0).get(0).path("url").asString())
			.isEqualTo("https://t.me/analytips_test_bot?start=" + first.path("id").asString());
		assertThat(answer.path("cache_time").asInt()).isEqualTo(InlineHandler.CACHE_FULL);
		assertThat(answer.path("is_personal").asBoolean()).isTrue();
		assertThat(kit.telegram.messages()).as("nothing is sent to a chat").isEmpty();
	}

	@Test
	void anEmptyQueryOffersTodaysGamesLeagueByLeagueInTheReadersLanguageAndZone() {
		JsonNode answer = answer(handler, 32, "", "en");

		assertThat(answer.path("results")).isNotEmpty().hasSizeLessThanOrEqualTo(InlineFixtures.MOST);
		assertThat(texts(answer, "title")).allMatch(title -> title.contains(" vs "));
		assertThat(texts(answer, "description")).allMatch(line -> line.contains("Draw") && line.contains("London"));
	}

	@Test
	void theSameQueryAgainIsAnsweredFromMemoryWithoutCallingApiFootball() {
		JsonNode fresh = answer(handler, 33, "Flamengo", "pt-br");
		long calls = kit.football.calls();

		JsonNode again = answer(handler, 34, "flamengo", "pt-br");

		assertThat(kit.football.calls()).as("no upstream call").isEqualTo(calls);
		assertThat(texts(again, "description")).isEqualTo(texts(fresh, "description")).allMatch(line -> line.contains("%"));
		assertThat(again.path("cache_time").asInt()).isEqualTo(InlineHandler.CACHE_FULL);
	}

	@Test
	void aSlowApiFootballWithNothingInMemoryGetsAnEmptyAnswerWithATryAgainButtonByTheDeadline() {
		kit.football.faults().latency(Duration.ofSeconds(30));

		StepVerifier.withVirtualTime(() -> handler.handle(kit.inline(35, "Palmeiras", "pt-br", BOT)))
			.expectSubscription()
			.expectNoEvent(InlineHandler.DEADLINE.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectComplete()
			.verify(Duration.ofSeconds(30));

		JsonNode answer = lastAnswer();
		assertThat(answer.path("results")).isEmpty();
		assertThat(answer.path("cache_time").asInt()).isZero();
		assertThat(answer.path("button").path("start_parameter").asString()).isEqualTo(UpdateContext.TRY_AGAIN);
		assertThat(answer.path("button").path("text").asString()).isEqualTo(messages.get(UpdateContext.DEFAULT_LOCALE,
				"notice.try.again"));
		assertThat(kit.telegram.messages()).isEmpty();
	}

	@Test
	void aSlowApiFootballGetsTheListLastFoundForTheQueryByTheDeadline() {
		JsonNode fresh = answer(handler, 36, "Corinthians", "pt-br");
		kit.clock.advance(Duration.ofHours(2)); // the team's next games are stale in the cache: read again upstream
		kit.football.faults().hangNext(1_000);

		StepVerifier.withVirtualTime(() -> handler.handle(kit.inline(37, "Corinthians", "pt-br", BOT)))
			.expectSubscription()
			.thenAwait(InlineHandler.DEADLINE)
			.expectComplete()
			.verify(Duration.ofSeconds(30));

		JsonNode remembered = lastAnswer();
		assertThat(texts(remembered, "title")).isEqualTo(texts(fresh, "title"));
		assertThat(texts(remembered, "description")).as("the numbers are older than they may be: not shown")
			.allMatch(line -> line.contains(messages.get(UpdateContext.DEFAULT_LOCALE, "inline.pending")));
		assertThat(remembered.path("cache_time").asInt()).as("asked again soon").isEqualTo(InlineHandler.CACHE_PARTIAL);
	}

	@Test
	void aCardWhoseAnalysisIsNotReadyByTheDeadlineShowsTheGameAndSaysTheNumbersAreToCome() {
		StepVerifier.withVirtualTime(() -> fixtures.find(BOT.id(), "Santos", LEAGUES))
			.assertNext(found -> assertThat(found).isNotEmpty())
			.verifyComplete();
		kit.football.faults().hangNext(1_000); // the games are in memory; their analyses' data is not

		StepVerifier.withVirtualTime(() -> handler.handle(kit.inline(38, "Santos", "en", BOT)))
			.expectSubscription()
			.thenAwait(InlineHandler.DEADLINE)
			.expectComplete()
			.verify(Duration.ofSeconds(30));

		JsonNode answer = lastAnswer();
		assertThat(answer.path("results")).isNotEmpty();
		assertThat(texts(answer, "description")).allMatch(line -> line.contains(messages.get(Locale.ENGLISH, "inline.pending")));
		assertThat(answer.path("cache_time").asInt()).isEqualTo(InlineHandler.CACHE_PARTIAL);
	}

	@Test
	void aNameThatFindsNoGameSaysSoWithAButtonToTheBot() {
		JsonNode answer = answer(handler, 39, "zzzz", "en");

		assertThat(answer.path("results")).isEmpty();
		assertThat(answer.path("cache_time").asInt()).isEqualTo(InlineHandler.CACHE_NONE);
		assertThat(answer.path("button").path("text").asString()).isEqualTo(messages.get(Locale.ENGLISH, "inline.none"));
	}

	@Test
	void aFixtureWithACachedPictureIsOfferedAsThatPicture() {
		InlinePictures cached = (bot, fixture, locale) -> Mono.just("file-" + bot + "-" + fixture + "-" + locale.getLanguage());

		JsonNode answer = answer(handler(cached), 40, "Palmeiras", "en");

		JsonNode first = answer.path("results").get(0);
		assertThat(first.path("type").asString()).isEqualTo("photo");
		assertThat(first.path("photo_file_id").asString()).isEqualTo("file-7-" + first.path("id").asString().substring(1) + "-en");
		assertThat(first.path("caption").asString()).contains("Palmeiras", "%");
		assertThat(first.path("parse_mode").asString()).isEqualTo("HTML");
	}

	@Test
	void aPictureCacheThatFailsLeavesTheCardAsText() {
		InlinePictures failing = (bot, fixture, locale) -> Mono.error(new IllegalStateException("picture cache down"));

		JsonNode answer = answer(handler(failing), 41, "Palmeiras", "en");

		assertThat(texts(answer, "type")).isNotEmpty().containsOnly("article");
	}

	@Test
	void countsAgainstTheNavigationAllowanceAndTakesOnlyInlineQueries() {
		UpdateContext inline = kit.inline(42, "Palmeiras", "en", BOT);

		assertThat(handler.supports(inline)).isTrue();
		assertThat(handler.isNavigation(inline)).isTrue();
		assertThat(handler.supports(kit.command(42, "Palmeiras", "en"))).isFalse();
		assertThat(handler.action(inline)).isEqualTo("inline");
	}
}
