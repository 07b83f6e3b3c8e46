package io.analytips.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.analytips.support.PipelineHarness;
import io.analytips.support.Replying;
import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.Invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;

/**
 * Every update a user sends gets an answer: a refused message is told when to try again, and may go unanswered
 * only while its sender is still inside a wait already announced to them. Whole pipeline, virtual time.
 */
class RateLimitNoticesTest {

	private static final long USER = 9;

	/** The notice says the wait the limiter announced, in milliseconds: "WAIT 3000". */
	private static final Notices SAYING_THE_WAIT = new Notices() {

		@Override
		public String overloaded(Locale locale) {
			return PipelineHarness.NOTICES.overloaded(locale);
		}

		@Override
		public String rateLimited(Locale locale, Duration retryIn) {
			return "WAIT " + retryIn.toMillis();
		}

		@Override
		public String failed(Locale locale) {
			return PipelineHarness.NOTICES.failed(locale);
		}
	};

	private static List<String> notices(VirtualPipeline bot) {
		return bot.messagesTo(USER).stream().map(VirtualPipeline.Sent::text).filter(text -> text.startsWith("WAIT ")).toList();
	}

	private static Duration announced(String notice) {
		return Duration.ofMillis(Long.parseLong(notice.substring("WAIT ".length())));
	}

	private static long send(VirtualPipeline bot, String text, Duration after) {
		long id = bot.enqueue(Updates.message(USER, text));
		bot.advance(after);
		return id;
	}

	@Test
	void whatTheBotOverhearsInAGroupNeverCountsAgainstTheMembersLimit() {
		try (VirtualPipeline bot = VirtualPipeline.builder().handlers(new Replying.Echo())
			.rateLimits(2, 40, Duration.ofSeconds(6)).notices(SAYING_THE_WAIT).start()) {
			long group = -1001;
			// (another bot's commands are overheard too, by a bot that knows its name: UpdateContextTest; this one does not)
			for (String talk : new String[] { "who plays tonight?", "lol", "Flamengo", "2-1 easy" }) {
				bot.enqueue(Updates.message(USER, group, "supergroup", talk, "en"));
				bot.advance(Duration.ofMillis(100));
			}
			long first = bot.enqueue(Updates.message(USER, group, "supergroup", "/tabela", "en"));
			bot.advance(Duration.ofMillis(100));
			long second = bot.enqueue(Updates.message(USER, group, "supergroup", "/proximos Flamengo", "en"));
			bot.advance(Duration.ofMillis(100));
			long third = bot.enqueue(Updates.message(USER, group, "supergroup", "/sobre", "en"));
			bot.advance(Duration.ofMinutes(1)); // the echoes wait for the group's pace (this handler answers everything)

			// four overheard, then the member's allowance of two whole, the third command refused
			assertThat(bot.outcomeOf(first)).isEqualTo("done");
			assertThat(bot.outcomeOf(second)).isEqualTo("done");
			assertThat(bot.outcomeOf(third)).isEqualTo("rate_limited");
		}
	}

	@Test
	void theMessageAfterTheAnnouncedWaitIsAnsweredAndTheOneRightAfterItIsToldAgain() {
		// Two at once, then one every 3 s: small enough that Telegram's pace for one chat delays no answer here.
		try (VirtualPipeline bot = VirtualPipeline.builder().handlers(new Replying.Echo())
			.rateLimits(2, 40, Duration.ofSeconds(6)).notices(SAYING_THE_WAIT).start()) {
			send(bot, "Flamengo", Duration.ofMillis(100));
			send(bot, "Palmeiras", Duration.ofMillis(100));
			long third = send(bot, "Corinthians", Duration.ofMillis(100));
			assertThat(bot.outcomeOf(third)).isEqualTo("rate_limited");
			assertThat(notices(bot)).hasSize(1);
			Duration wait = announced(notices(bot).get(0));

			bot.advance(wait.minusMillis(100)); // the user waits what they were told, from when they were told
			long vasco = send(bot, "Vasco da Gama", Duration.ofMillis(100));
			assertThat(bot.outcomeOf(vasco)).isEqualTo("done");
			assertThat(bot.messagesTo(USER)).extracting(VirtualPipeline.Sent::text).contains("echo: Vasco da Gama");

			long next = send(bot, "Botafogo", Duration.ofMillis(100));
			assertThat(bot.outcomeOf(next)).isEqualTo("rate_limited");
			assertThat(notices(bot)).as("the wait they knew of is over: told again, not left unanswered").hasSize(2);
		}
	}

	@Test
	void aUserToldToWaitThreeSecondsWhoWritesAfterFourAndIsStillLimitedIsToldAgain() {
		try (VirtualPipeline bot = VirtualPipeline.builder().handlers(new Replying.Echo())
			.rateLimits(1, 40, Duration.ofSeconds(6)).notices(SAYING_THE_WAIT).start()) {
			send(bot, "/start", Duration.ofSeconds(3));
			send(bot, "Flamengo", Duration.ZERO);
			bot.advance(Duration.ofMillis(100));
			assertThat(notices(bot)).containsExactly("WAIT 3000");
			bot.advance(Duration.ofMillis(2_900));
			long between = send(bot, "Palmeiras", Duration.ofSeconds(1)); // at 3 s: admitted, and takes the token
			assertThat(bot.outcomeOf(between)).isEqualTo("done");

			long late = send(bot, "Vasco da Gama", Duration.ofMillis(100)); // 4 s after "3 s": limited again
			assertThat(bot.outcomeOf(late)).isEqualTo("rate_limited");
			assertThat(notices(bot)).containsExactly("WAIT 3000", "WAIT 5000");
		}
	}

	@Test
	void aRefusedMessageIsSilentOnlyInsideAWaitAlreadyAnnounced() {
		List<Duration> waits = new ArrayList<>();
		Notices recording = new Notices() {

			@Override
			public String overloaded(Locale locale) {
				return PipelineHarness.NOTICES.overloaded(locale);
			}

			@Override
			public String rateLimited(Locale locale, Duration retryIn) {
				waits.add(retryIn); // intake refuses in order, one update at a time
				return "WAIT " + retryIn.toMillis();
			}

			@Override
			public String failed(Locale locale) {
				return PipelineHarness.NOTICES.failed(locale);
			}
		};
		Inbox[] recorded = new Inbox[1];
		try (VirtualPipeline bot = VirtualPipeline.builder().handlers(new Replying.Echo()).notices(recording)
			.inbox(inbox -> recorded[0] = mock(Inbox.class, delegatesTo(inbox))).start()) {
			Map<Long, Long> arrived = new HashMap<>();
			for (int i = 0; i < 360; i++) { // a message every 500 ms for three minutes, against the shipped limit
				long id = bot.enqueue(Updates.message(USER, "m" + i));
				arrived.put(id, bot.now());
				bot.advance(Duration.ofMillis(500));
			}
			bot.advance(Duration.ofMinutes(3));

			Map<Long, String> refusals = new java.util.TreeMap<>();
			for (Invocation call : mockingDetails(recorded[0]).getInvocations()) {
				if (call.getMethod().getName().equals("finish") && call.getArgument(1) == Outcome.RATE_LIMITED) {
					refusals.put(call.getArgument(0), call.getArgument(2));
				}
			}
			assertThat(waits).hasSameSizeAs(refusals.keySet());
			long toldUntil = Long.MIN_VALUE;
			int i = 0;
			int silent = 0;
			for (Map.Entry<Long, String> refusal : refusals.entrySet()) {
				long at = arrived.get(refusal.getKey());
				Duration wait = waits.get(i++);
				if (refusal.getValue().equals("notified")) {
					toldUntil = at + wait.toMillis();
				}
				else {
					assertThat(refusal.getValue()).isEqualTo("silent");
					assertThat(at).as("update %d refused in silence", refusal.getKey()).isLessThan(toldUntil);
					silent++;
				}
			}
			long done = arrived.keySet().stream().filter(id -> "done".equals(bot.outcomeOf(id))).count();
			long notified = refusals.values().stream().filter("notified"::equals).count();
			System.out.printf("script writing 2 messages a second for 3 min: %d of %d answered, %d refused: %d told when"
					+ " to try again, %d inside a wait already told%n", done, arrived.size(), refusals.size(), notified, silent);
			assertThat(done + refusals.size()).isEqualTo(arrived.size());
			assertThat(silent).as("a notice per announced wait, not per message").isPositive();
			assertThat(notified).as("no more notices than answers").isLessThanOrEqualTo(done + 1);
			assertThat(notices(bot)).hasSize((int) notified);
		}
	}
}
