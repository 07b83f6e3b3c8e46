package io.analytips.pipeline;

import java.time.Duration;
import java.util.List;

import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Updates that wait in the buffer longer than {@code BOT_MAX_WAIT} get the overload notice instead of an answer
 * minutes late, and what comes after them fresh is answered. Virtual time through the whole pipeline.
 */
class ShedByAgeTest {

	/** Takes 50 s per update, so with one slot the third in line has waited 100 s when its turn comes. */
	private static final class Slow implements Handler {

		@Override
		public boolean supports(UpdateContext context) {
			return true;
		}

		@Override
		public Mono<Void> handle(UpdateContext context) {
			return Mono.delay(Duration.ofSeconds(50)).then(context.reply("answered")).then();
		}
	}

	@Test
	void anUpdateThatWaitedLongerThanMaxWaitIsRefusedWithTheNoticeAndFreshOnesAreAnswered() {
		try (VirtualPipeline bot = VirtualPipeline.builder().concurrency(1).maxWait(Duration.ofSeconds(60))
			.handlers(new Slow()).start()) {
			List<Long> ids = List.of(1L, 2L, 3L, 4L).stream()
				.map(user -> bot.enqueue(Updates.message(100 + user, "/help")))
				.toList();
			bot.advance(Duration.ofSeconds(101));
			assertThat(bot.outcomeOf(ids.get(0))).isEqualTo("done");
			assertThat(bot.outcomeOf(ids.get(1))).as("waited 50 s: answered").isEqualTo("done");
			assertThat(bot.outcomeOf(ids.get(2))).as("waited 100 s: shed").isEqualTo("rejected");
			assertThat(bot.outcomeOf(ids.get(3))).isEqualTo("rejected");
			assertThat(bot.messagesTo(103)).extracting(VirtualPipeline.Sent::text).containsExactly("OVERLOADED");
			assertThat(bot.messagesTo(104)).extracting(VirtualPipeline.Sent::text).containsExactly("OVERLOADED");
			assertThat(bot.pipeline.stats().rejected()).isEqualTo(2);

			long fresh = bot.enqueue(Updates.message(105, "/help"));
			bot.advance(Duration.ofSeconds(51));
			assertThat(bot.outcomeOf(fresh)).isEqualTo("done");
			assertThat(bot.messagesTo(105)).extracting(VirtualPipeline.Sent::text).containsExactly("answered");
		}
	}

	@Test
	void nothingIsShedWhileEveryWaitIsWithinMaxWait() {
		try (VirtualPipeline bot = VirtualPipeline.builder().concurrency(1).maxWait(Duration.ofSeconds(120))
			.handlers(new Slow()).start()) {
			List<Long> ids = List.of(1L, 2L, 3L).stream()
				.map(user -> bot.enqueue(Updates.message(100 + user, "/help")))
				.toList();
			bot.advance(Duration.ofSeconds(151));
			assertThat(ids).allMatch(id -> "done".equals(bot.outcomeOf(id)));
			assertThat(bot.pipeline.stats().rejected()).isZero();
		}
	}
}
