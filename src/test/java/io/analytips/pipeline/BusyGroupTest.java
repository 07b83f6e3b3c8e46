package io.analytips.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.analytips.support.Replying;
import io.analytips.support.Updates;
import io.analytips.telegram.TelegramJson;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group whose members press buttons faster than Telegram lets the bot answer a group (20
 * messages a minute) takes no more than its share of the dispatcher, so everyone else is answered
 * as if it were not there. Ten minutes of virtual time through the whole pipeline.
 */
class BusyGroupTest {

	private static final long GROUP = -100;

	/** Three members each press a button every 6 s: 30 presses a minute against 20 answers a minute. */
	private static final int PRESS_EVERY_SECONDS = 2;

	/** Private chats, each sending a message every 20 s: 90 a minute in all, 3 per user, far below every limit. */
	private static final int PRIVATE_USERS = 30;

	/**
	 * A dispatcher of 64 slots rather than production's 256: without the per-chat cap this group
	 * grows its lane by 10 updates a minute and takes all 64 within the ten minutes (256 would take
	 * it 25 minutes); the cap must hold it to 20 either way.
	 */
	private static final int SLOTS = 64;

	/** Answers a vote in the group's chat: a message, so each one waits for the group's pacing. */
	private static final class Votes implements Handler {

		@Override
		public boolean supports(UpdateContext context) {
			return context.callbackData() != null && context.callbackData().startsWith("vote");
		}

		@Override
		public boolean isNavigation(UpdateContext context) {
			return true;
		}

		@Override
		public Mono<Void> handle(UpdateContext context) {
			return context.reply("vote counted").then();
		}
	}

	private static ObjectNode press(long member) {
		ObjectNode update = TelegramJson.mapper().createObjectNode();
		ObjectNode query = update.putObject("callback_query");
		query.put("id", "cb-" + member + "-" + System.nanoTime());
		query.putObject("from").put("id", member).put("is_bot", false).put("first_name", "Member " + member);
		query.put("chat_instance", "group");
		query.put("data", "vote");
		ObjectNode message = query.putObject("message");
		message.put("message_id", 7);
		message.put("date", 1_700_000_000L);
		message.putObject("chat").put("id", GROUP).put("type", "supergroup");
		return update;
	}

	@Test
	void aGroupPressingFasterThanItsPacingForTenMinutesTakesAtMostItsBacklogAndPrivateChatsAreAnsweredAtOnce() {
		try (VirtualPipeline bot = VirtualPipeline.builder().concurrency(SLOTS)
			.handlers(new Votes(), new Replying.Echo())
			.start()) {
			List<Long> privateUpdates = new ArrayList<>();
			int groupPresses = 0;
			int mostHeldByTheGroup = 0;
			int mostInFlight = 0;
			for (int second = 0; second < 600; second++) {
				if (second % PRESS_EVERY_SECONDS == 0) {
					bot.enqueue(press(1000 + (second / PRESS_EVERY_SECONDS) % 3));
					groupPresses++;
				}
				for (long user = 1; user <= PRIVATE_USERS; user++) {
					if (second % 20 == user % 20) {
						privateUpdates.add(bot.enqueue(Updates.message(user, "m" + second)));
					}
				}
				bot.advance(Duration.ofSeconds(1));
				mostHeldByTheGroup = Math.max(mostHeldByTheGroup, bot.pipeline.heldBy(GROUP));
				mostInFlight = Math.max(mostInFlight, bot.pipeline.stats().inFlight());
			}

			// Every private message was answered within a second: its chat's own pace, nothing else's.
			assertThat(privateUpdates).hasSize(900).allSatisfy(id -> assertThat(bot.outcomeOf(id)).isEqualTo("done"));
			long slowest = 0;
			for (long user = 1; user <= PRIVATE_USERS; user++) {
				List<VirtualPipeline.Sent> replies = bot.messagesTo(user);
				assertThat(replies).as("replies to user %d", user).hasSize(30);
				assertThat(replies).noneMatch(reply -> reply.text().equals("OVERLOADED"));
			}
			for (long id : privateUpdates) {
				long arrived = bot.arrivedAt(id);
				long answered = bot.sent().stream()
					.filter(sent -> sent.chatId() > 0 && sent.atMillis() >= arrived)
					.mapToLong(VirtualPipeline.Sent::atMillis)
					.min()
					.orElseThrow();
				slowest = Math.max(slowest, answered - arrived);
			}
			assertThat(slowest).as("slowest private answer, ms").isLessThanOrEqualTo(1000);

			// The group held at most its backlog; the presses beyond it got the overload alert at once.
			assertThat(mostHeldByTheGroup).isEqualTo(20);
			assertThat(mostInFlight).isLessThanOrEqualTo(20 + PRIVATE_USERS);
			List<VirtualPipeline.Sent> answers = bot.messagesTo(GROUP);
			List<VirtualPipeline.Sent> alerts = bot.alerts();
			assertThat(alerts).isNotEmpty().allMatch(alert -> alert.text().equals("OVERLOADED"));
			assertThat(answers.size() + alerts.size() + bot.pipeline.heldBy(GROUP)).isEqualTo(groupPresses);
			// Telegram's pace for a group: a burst of 20, then 20 a minute.
			assertThat(answers).hasSizeBetween(200, 220);
			System.out.printf("busy group, 10 min: %d presses, %d answered, %d rejected with an alert, %d held at the end;"
					+ " most held %d, most in flight %d; slowest private answer %d ms%n", groupPresses, answers.size(),
					alerts.size(), bot.pipeline.heldBy(GROUP), mostHeldByTheGroup, mostInFlight, slowest);
		}
	}
}
