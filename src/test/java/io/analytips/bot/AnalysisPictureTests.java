package io.analytips.bot;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.analytips.support.AppIntegrationTest;
import io.analytips.support.AppTestEnvironment;
import io.analytips.support.Conversation;
import io.analytips.support.FakeBotApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A full analysis over the fake Bot API: a picture with its summary, its text one button away, sent again by file_id. */
@AppIntegrationTest
class AnalysisPictureTests {

	static final AppTestEnvironment environment = new AppTestEnvironment();

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment.register(registry);
		registry.add("analytips.bot.rate-limit", () -> "1000");
	}

	@AfterAll
	static void close() {
		environment.close();
	}

	@Autowired
	WebTestClient web;

	@Test
	void aFullAnalysisIsAPictureWithItsSummaryThenItsTextAndTheSamePictureGoesAgainByItsFileId() {
		Conversation user = new Conversation(environment.telegram, 51, "en");
		openAFixture(user, "Today", "Choose a game", "Which analysis");
		user.press(label -> label.endsWith("Full analysis"));
		Conversation.Screen picture = user.next(text -> text.startsWith("[photo]"));
		assertThat(picture.text()).contains(" vs ", "Premier League", "(London)", "Draw", "Over 2.5 goals: ")
			.containsPattern("🔎 .+").doesNotContain("gamble responsibly");
		assertThat(labels(picture)).containsExactly("📄 Full analysis as text", "⬅️ Back", "🏠 Menu");
		FakeBotApi.Call upload = photos(51).get(0);
		assertThat(upload.body().path("photo_file").asString()).matches("\\d+-en-[0-9a-f]{16}\\.png");
		assertThat(upload.body().path("multipart").asString()).contains("Content-Type: image/png");

		assertThatTheInlineCardOfTheFixtureIsItsPicture(picture.text(),
				upload.body().path("photo_file").asString().split("-")[0]);

		user.press(label -> label.contains("Full analysis as text"));
		Conversation.Screen text = user.next(item -> item.contains("gamble responsibly"));
		assertThat(text.text()).contains("Likeliest scores", "Form (most recent first)");
		assertThat(labels(text)).contains("ℹ️ How to read this", "⬅️ Back");

		user.press(label -> label.contains("Back"));
		user.next(item -> item.contains("Which analysis"));
		user.press(label -> label.endsWith("Full analysis"));
		user.next(item -> item.startsWith("[photo]"));
		FakeBotApi.Call again = photos(51).get(1);
		assertThat(again.body().has("multipart")).as("sent again by file_id, not drawn again").isFalse();
		assertThat(again.body().path("photo").asString()).as("the file_id the upload got").matches("photo-\\d+");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> web.get().uri("/actuator/prometheus").exchange()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("analytips_picture_render_seconds_count",
					"analytips_picture_sent_total{application=\"analytips\",replica=\"test-replica\",source=\"upload\"} 1.0",
					"analytips_picture_sent_total{application=\"analytips\",replica=\"test-replica\",source=\"file_id\"} 1.0",
					"analytips_user_actions_total{action=\"analysis_text\"")));
	}

	@Test
	void whenThePictureCannotBeSentTheTextGoesAloneAndTheFailureIsCounted() {
		environment.telegram.when("sendPhoto").times(1).respond(400, "Bad Request: IMAGE_PROCESS_FAILED");
		Conversation user = new Conversation(environment.telegram, 52, "pt-br");
		openAFixture(user, "Jogos de hoje", "Escolha o jogo", "Que análise");
		user.press(label -> label.endsWith("Análise completa"));
		Conversation.Screen text = user.next(item -> item.contains("Aposte com responsabilidade"));
		assertThat(text.text()).contains("Placares mais prováveis");
		assertThat(photos(52)).hasSize(1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> web.get().uri("/actuator/prometheus").exchange()
			.expectBody(String.class)
			.value(body -> assertThat(body)
				.contains("analytips_picture_failures_total{application=\"analytips\",reason=\"send\",replica=\"test-replica\"} 1.0")));
	}

	/** {@code @bot <home team>}: the fixture's card is the picture just sent (a cached photo), by the same file_id. */
	private static void assertThatTheInlineCardOfTheFixtureIsItsPicture(String caption, String fixtureId) {
		Matcher teams = Pattern.compile("⚽ (?:<b>)?(.+?) vs ").matcher(caption);
		assertThat(teams.find()).as("the caption names the teams: %s", caption).isTrue();
		String query = teams.group(1).replace("\"", "");
		environment.telegram.enqueue((tools.jackson.databind.node.ObjectNode) tools.jackson.databind.json.JsonMapper.shared()
			.readTree("{\"inline_query\":{\"id\":\"iq51\",\"from\":{\"id\":51,\"first_name\":\"Ana\","
					+ "\"language_code\":\"en\"},\"query\":\"" + query + "\",\"offset\":\"\"}}"));
		await().atMost(Duration.ofSeconds(20)).until(() -> !environment.telegram.calls("answerInlineQuery").isEmpty());
		var answer = environment.telegram.calls("answerInlineQuery").get(0).body();
		var card = java.util.stream.StreamSupport.stream(answer.path("results").spliterator(), false)
			.filter(result -> result.path("id").asString().contains(fixtureId))
			.findFirst();
		assertThat(card).as("a card of fixture %s in %s", fixtureId, answer).isPresent();
		assertThat(card.get().path("type").asString()).isEqualTo("photo");
		assertThat(card.get().path("photo_file_id").asString()).as("the file_id the upload got").matches("photo-\\d+");
	}

	private static void openAFixture(Conversation user, String today, String games, String analyses) {
		user.send("/start");
		user.next(text -> text.contains("Analytips"));
		user.press(label -> label.contains(today));
		user.next(text -> text.contains(today.equals("Today") ? "Today" : "hoje"));
		user.press(label -> label.startsWith("Premier League"));
		user.next(text -> text.contains(games));
		user.press(label -> label.matches("\\d\\d:\\d\\d .+ (vs|x) .+"));
		user.next(text -> text.contains(analyses));
	}

	private static List<FakeBotApi.Call> photos(long chat) {
		return environment.telegram.calls("sendPhoto").stream().filter(call -> call.chatId() == chat).toList();
	}

	private static List<String> labels(Conversation.Screen screen) {
		return screen.buttons().stream().map(button -> button.path("text").asString()).toList();
	}
}
