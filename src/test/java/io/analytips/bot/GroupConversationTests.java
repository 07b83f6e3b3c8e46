package io.analytips.bot;

import java.time.Duration;

import io.analytips.support.AppIntegrationTest;
import io.analytips.support.AppTestEnvironment;
import io.analytips.support.GroupChat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bot in a forum supergroup, over the fake Bot API: commands addressed to it are answered in reply to the asking
 * message, in its topic; another bot's commands and the members' talk are left alone; the league table, a fixture's
 * analysis and its head-to-head work from the group's menu.
 */
@AppIntegrationTest
class GroupConversationTests {

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
	DatabaseClient db;

	@Test
	void theTableAskedInATopicIsTheAnswerToTheAskingMessageInThatTopic() {
		GroupChat group = new GroupChat(environment.telegram, -1001000000001L, 7);
		GroupChat.Sent asked = group.send(41, "/tabela@analytips_test_bot premier", "en");
		JsonNode table = group.next(text -> text.contains("standings"));
		assertThat(table.path("reply_parameters").path("message_id").asLong()).isEqualTo(asked.messageId());
		assertThat(table.path("reply_parameters").path("allow_sending_without_reply").asBoolean()).isTrue();
		assertThat(table.path("message_thread_id").asInt()).isEqualTo(7);
		assertThat(outcome(asked)).isEqualTo("done");
	}

	@Test
	void anotherBotsCommandsAndTheMembersTalkAreLeftAloneAndEndDone() {
		GroupChat group = new GroupChat(environment.telegram, -1001000000002L, 3);
		GroupChat.Sent other = group.send(42, "/tabela@OtherBot premier", "en");
		GroupChat.Sent talk = group.send(42, "who plays tonight?", "en");
		GroupChat.Sent ours = group.send(42, "/TABELA@Analytips_Test_Bot premier", "en");
		JsonNode table = group.next(text -> text.contains("standings"));
		assertThat(table.path("reply_parameters").path("message_id").asLong()).isEqualTo(ours.messageId());
		assertThat(outcome(other)).isEqualTo("done");
		assertThat(outcome(talk)).isEqualTo("done");
		assertThat(group.calls()).hasSize(1);
	}

	@Test
	void anotherBotsCommandInAPrivateChatIsLeftAloneTooAndAPrivateAnswerIsNotThreaded() {
		long other = environment.telegram.enqueue(io.analytips.support.Updates.message(46, 46, "private", "/help@OtherBot", "en"));
		long ours = environment.telegram.enqueue(
				io.analytips.support.Updates.message(46, 46, "private", "/help@analytips_test_bot", "en"));
		assertThat(outcome(new GroupChat.Sent(other, 1))).isEqualTo("done");
		assertThat(outcome(new GroupChat.Sent(ours, 1))).isEqualTo("done");
		await().atMost(Duration.ofSeconds(20)).until(() -> !environment.telegram.messagesTo(46).isEmpty());
		assertThat(environment.telegram.messagesTo(46)).singleElement().satisfies(help -> {
			assertThat(help.body().has("reply_parameters")).isFalse();
			assertThat(help.body().has("message_thread_id")).isFalse();
		});
	}

	@Test
	void followingWithoutANameSaysToTypeItWithTheCommandAsTheGroupsTextIsNotRead() {
		GroupChat group = new GroupChat(environment.telegram, -1001000000004L, 5);
		GroupChat.Sent asked = group.send(45, "/seguir@analytips_test_bot", "en");
		JsonNode told = group.next(text -> text.contains("/follow@analytips_test_bot Arsenal"));
		assertThat(told.path("reply_parameters").path("message_id").asLong()).isEqualTo(asked.messageId());
		assertThat(count("select count(*) from conversation_state where user_id = 45")).isZero();
	}

	@Test
	void aFixturesAnalysisAndItsHeadToHeadWorkFromTheGroupsMenu() {
		GroupChat group = new GroupChat(environment.telegram, -1001000000003L, 9);
		GroupChat.Sent start = group.send(43, "/start@analytips_test_bot", "en");
		JsonNode welcome = group.next(text -> text.contains("Analytips here"));
		assertThat(welcome.path("text").asString()).contains("/table@analytips_test_bot premier")
			.doesNotContain("type a team's name");
		assertThat(welcome.path("reply_parameters").path("message_id").asLong()).isEqualTo(start.messageId());

		long menu = 9001; // the welcome, as Telegram numbered it: every screen from its buttons edits it in place
		group.press(43, menu, "t", "en");
		JsonNode today = group.next(text -> text.contains("Today"));
		assertThat(today.path("message_id").asLong()).isEqualTo(menu);
		group.press(44, menu, GroupChat.button(today, data -> data.equals("l:39:0")), "en"); // another member goes on
		JsonNode league = group.next(text -> text.contains("Choose a game"));
		group.press(44, menu, GroupChat.button(league, data -> data.matches("f:\\d+:l:39:0")), "en");
		JsonNode fixture = group.next(text -> text.contains("Which analysis"));

		group.press(43, menu, GroupChat.button(fixture, data -> data.matches("a:\\d+:result:l:39:0")), "en");
		JsonNode analysis = group.next(text -> text.contains("gamble responsibly"));
		assertThat(analysis.path("message_thread_id").asInt()).as("a new message, in the topic").isEqualTo(9);
		assertThat(analysis.has("reply_parameters")).isFalse();

		group.press(43, menu, GroupChat.button(fixture, data -> data.matches("a:\\d+:full:l:39:0")), "en");
		await().atMost(Duration.ofSeconds(30)).until(() -> environment.telegram.calls("sendPhoto").stream()
			.anyMatch(call -> call.chatId() == -1001000000003L));
		JsonNode picture = environment.telegram.calls("sendPhoto").stream()
			.filter(call -> call.chatId() == -1001000000003L).findFirst().orElseThrow().body();
		assertThat(picture.path("message_thread_id").asString()).as("the picture too, in the topic").isEqualTo("9");
		assertThat(picture.has("reply_parameters")).isFalse();

		group.press(43, menu, GroupChat.button(fixture, data -> data.matches("hh:\\d+:l:39:0")), "en");
		JsonNode h2h = group.next(text -> text.contains("head-to-head"));
		assertThat(h2h.path("text").asString()).containsPattern("\\d\\d/\\d\\d/\\d{4} • Premier League");
		assertThat(GroupChat.button(h2h, data -> data.startsWith("f:"))).matches("f:\\d+:l:39:0");

		group.press(43, menu, "r", "en"); // My analyses: a member's own, not shown to the group
		JsonNode recent = group.next(text -> text.contains("Your analyses are yours alone"));
		assertThat(recent.path("text").asString()).contains("(@analytips_test_bot)").doesNotContain("vs");

		group.press(43, menu, "s", "en"); // the search button: a name typed in a group is not read, so which command
		JsonNode search = group.next(text -> text.contains("In a group I don't read what is typed"));
		assertThat(search.path("text").asString()).contains("/next@analytips_test_bot Arsenal");
	}

	private long count(String sql) {
		return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
	}

	private String outcome(GroupChat.Sent sent) {
		String[] outcome = new String[1];
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			outcome[0] = db.sql("select outcome from inbox where update_id = :id").bind("id", sent.updateId())
				.map(row -> row.get(0, String.class))
				.one()
				.block();
			return outcome[0] != null;
		});
		return outcome[0];
	}
}
