package io.analytips.pipeline;

import java.time.Duration;
import java.util.List;

import io.analytips.support.PipelineHarness;
import io.analytips.support.Replying;
import io.analytips.support.Updates;
import io.analytips.telegram.model.AnswerInlineQuery;
import io.analytips.telegram.model.InlineQueryResultArticle;
import io.analytips.telegram.model.InputTextMessageContent;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inline queries through the whole pipeline, in virtual time: they count against the navigation allowance, and one
 * refused or failed gets an empty answer with a "try again" button, never a message in a chat.
 */
class InlineQueriesTest {

	private static final long USER = 11;

	/** Answers every inline query with one card. */
	private static final Handler CARDS = new Handler() {

		@Override
		public boolean supports(UpdateContext context) {
			return context.isInlineQuery();
		}

		@Override
		public boolean isNavigation(UpdateContext context) {
			return true;
		}

		@Override
		public Mono<Void> handle(UpdateContext context) {
			return context.answerInline(new AnswerInlineQuery(context.update().inlineQuery().id(),
					List.of(new InlineQueryResultArticle("f1", "A vs B", InputTextMessageContent.html("A vs B"), null, null,
							null)),
					60, true, null, null));
		}
	};

	private static Handler failing() {
		return new Handler() {

			@Override
			public boolean supports(UpdateContext context) {
				return context.isInlineQuery();
			}

			@Override
			public Mono<Void> handle(UpdateContext context) {
				return Mono.error(new IllegalStateException("a bug"));
			}
		};
	}

	private static long type(VirtualPipeline bot, String query) {
		long id = bot.enqueue(Updates.inlineQuery(USER, query, "en"));
		bot.advance(Duration.ofMillis(50));
		return id;
	}

	private static boolean isTryAgain(AnswerInlineQuery answer) {
		return answer.results().isEmpty() && answer.button() != null
				&& answer.button().startParameter().equals(UpdateContext.TRY_AGAIN)
				&& Integer.valueOf(0).equals(answer.cacheTime());
	}

	@Test
	void inlineQueriesCountAgainstTheNavigationAllowanceNotTheLimitOnWork() {
		try (VirtualPipeline bot = VirtualPipeline.builder().handlers(CARDS, new Replying.Echo())
			.rateLimits(1, 3, Duration.ofMinutes(1)).start()) {
			List<Long> typed = List.of(type(bot, "p"), type(bot, "pa"), type(bot, "pal"));
			long fourth = type(bot, "palm");

			assertThat(typed).allMatch(id -> "done".equals(bot.outcomeOf(id)));
			assertThat(bot.outcomeOf(fourth)).isEqualTo("rate_limited");
			assertThat(bot.inlineAnswers()).hasSize(4);
			assertThat(bot.inlineAnswers().subList(0, 3)).allMatch(answer -> answer.results().size() == 1);
			AnswerInlineQuery refused = bot.inlineAnswers().get(3);
			assertThat(refused).matches(InlineQueriesTest::isTryAgain);
			assertThat(refused.button().text()).isEqualTo(PipelineHarness.NOTICES.failed(UpdateContext.DEFAULT_LOCALE));
			assertThat(bot.sent()).as("nothing in any chat, not even the rate-limit notice").isEmpty();

			long message = bot.enqueue(Updates.message(USER, "Flamengo"));
			bot.advance(Duration.ofMillis(50));
			assertThat(bot.outcomeOf(message)).as("the work allowance is untouched").isEqualTo("done");
		}
	}

	@Test
	void aFailedInlineQueryGetsAnEmptyAnswerWithATryAgainButtonAndNoApologyInTheChat() {
		try (VirtualPipeline bot = VirtualPipeline.builder().handlers(failing()).start()) {
			long id = type(bot, "palmeiras");

			assertThat(bot.outcomeOf(id)).isEqualTo("failed");
			assertThat(bot.inlineAnswers()).singleElement().matches(InlineQueriesTest::isTryAgain);
			assertThat(bot.sent()).isEmpty();
		}
	}

	@Test
	void anInlineQueryWithoutASenderIsInvalidAndUnanswered() {
		try (VirtualPipeline bot = VirtualPipeline.builder().handlers(CARDS).start()) {
			tools.jackson.databind.node.ObjectNode update = Updates.inlineQuery(USER, "x", "en");
			((tools.jackson.databind.node.ObjectNode) update.get("inline_query")).remove("from");
			long id = bot.enqueue(update);
			bot.advance(Duration.ofMillis(50));

			assertThat(bot.outcomeOf(id)).isEqualTo("invalid");
			assertThat(bot.inlineAnswers()).isEmpty();
		}
	}
}
