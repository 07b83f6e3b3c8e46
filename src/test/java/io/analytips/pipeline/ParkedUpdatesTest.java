package io.analytips.pipeline;

import java.time.Duration;
import java.util.List;

import io.analytips.pipeline.recovery.ParkedUpdates;
import io.analytips.support.CapturedLogs;
import io.analytips.support.Replying;
import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Updates stored but handed to nobody (an insert that committed while its answer was lost) are
 * found and handled while the bot runs, exactly once, and never while they are being handled.
 * The whole pipeline in virtual time, with production's {@code BOT_PARKED_AFTER} (2 min).
 */
class ParkedUpdatesTest {

	private static final Duration PARKED_AFTER = VirtualPipeline.PARKED_AFTER;

	/** Rounds run every quarter of it. */
	private static final Duration ROUND = PARKED_AFTER.dividedBy(4);

	private static long seconds(long millis) {
		return millis / 1000;
	}

	@Test
	void anUpdateWhoseInsertAnswerWasLostIsAnsweredOnceWithinParkedAfterAndARoundWithoutARestart() {
		try (VirtualPipeline bot = VirtualPipeline.builder().handlers(new Replying.Echo())
			.inbox(inbox -> new FaultyInbox(inbox).loseNextStoreAnswer())
			.start()) {
			long lost = bot.enqueue(Updates.message(1, "lost"));
			bot.advance(Duration.ofSeconds(10));
			// Stored, then stored again by the retry: "already there", so nobody was given it.
			assertThat(bot.outcomeOf(lost)).isEqualTo("pending");
			assertThat(bot.messagesTo(1)).isEmpty();
			long next = bot.enqueue(Updates.message(2, "meanwhile"));
			bot.advance(Duration.ofSeconds(1));
			assertThat(bot.messagesTo(2)).singleElement().satisfies(reply -> assertThat(reply.text()).isEqualTo("echo: meanwhile"));
			assertThat(bot.outcomeOf(next)).isEqualTo("done");

			bot.advance(PARKED_AFTER.plus(ROUND).minusSeconds(11));
			assertThat(bot.messagesTo(1)).singleElement().satisfies(reply -> {
				assertThat(reply.text()).isEqualTo("echo: lost");
				assertThat(seconds(reply.atMillis() - bot.arrivedAt(lost))).isGreaterThan(PARKED_AFTER.toSeconds())
					.isLessThanOrEqualTo(PARKED_AFTER.plus(ROUND).toSeconds());
			});
			assertThat(bot.outcomeOf(lost)).isEqualTo("done");

			bot.advance(Duration.ofMinutes(10)); // later rounds find nothing: answered once
			assertThat(bot.messagesTo(1)).hasSize(1);
			assertThat(bot.pipeline.held()).isZero();
			assertThat(bot.meters.counter("analytips.updates.parked").count()).isOne();
		}
	}

	@Test
	void anUpdateHandledForLongerThanParkedAfterIsNeverDispatchedAgainNorIsOneWaitingBehindIt() {
		Replying.Echo slow = new Replying.Echo() {
			@Override
			public Mono<Void> handle(UpdateContext context) {
				return Mono.delay(Duration.ofMinutes(3)).then(super.handle(context));
			}
		};
		try (VirtualPipeline bot = VirtualPipeline.builder().handlers(slow).handlerTimeout(Duration.ofMinutes(10)).start()) {
			long first = bot.enqueue(Updates.message(1, "first"));
			long behind = bot.enqueue(Updates.message(1, "behind"));
			bot.advance(Duration.ofMinutes(2).plus(ROUND));
			// Both rows are unfinished and older than BOT_PARKED_AFTER, and both are held: neither is parked.
			assertThat(bot.pipeline.held()).isEqualTo(2);
			assertThat(slow.handled).hasValue(1);

			bot.advance(Duration.ofMinutes(10));
			assertThat(slow.handled).hasValue(2);
			assertThat(bot.messagesTo(1)).extracting(VirtualPipeline.Sent::text).containsExactly("echo: first", "echo: behind");
			assertThat(bot.outcomeOf(first)).isEqualTo("done");
			assertThat(bot.outcomeOf(behind)).isEqualTo("done");
			assertThat(bot.pipeline.held()).isZero();
			assertThat(bot.meters.counter("analytips.updates.parked").count()).isZero();
		}
	}

	@Test
	void anOutcomeThatCouldNotBeWrittenIsWrittenAgainInsteadOfTheUpdateBeingHandledAgain() {
		Replying.Echo echo = new Replying.Echo();
		try (VirtualPipeline bot = VirtualPipeline.builder().handlers(echo).inbox(FaultyInbox::new).start()) {
			FaultyInbox inbox = (FaultyInbox) bot.inbox;
			inbox.failFinishes(updateId -> true); // the database goes away while the update is handled
			long id = bot.enqueue(Updates.message(1, "hello"));
			bot.advance(Duration.ofMinutes(4));
			// Answered, its row unfinished and older than BOT_PARKED_AFTER: held with its outcome, not parked.
			assertThat(echo.handled).hasValue(1);
			assertThat(bot.outcomeOf(id)).isEqualTo("pending");
			assertThat(bot.pipeline.held()).isOne();

			inbox.failFinishes(updateId -> false); // back
			bot.advance(ROUND);
			assertThat(bot.outcomeOf(id)).isEqualTo("done");
			assertThat(bot.pipeline.held()).isZero();
			bot.advance(Duration.ofMinutes(10));
			assertThat(echo.handled).hasValue(1);
			assertThat(bot.messagesTo(1)).hasSize(1);
		}
	}

	@Test
	void roundsThatCannotReadTheInboxAreLoggedOnceAndALaterOneFindsTheParkedUpdate() {
		try (CapturedLogs logs = CapturedLogs.of(ParkedUpdates.class.getName());
				VirtualPipeline bot = VirtualPipeline.builder().handlers(new Replying.Echo())
					.inbox(inbox -> new FaultyInbox(inbox).loseNextStoreAnswer().failLookups(8))
					.start()) {
			bot.enqueue(Updates.message(1, "lost"));
			bot.advance(ROUND.multipliedBy(8));
			assertThat(bot.messagesTo(1)).isEmpty();
			assertThat(logs.messages()).containsExactly("Could not look for parked updates (1 in a row): "
					+ "java.lang.IllegalStateException: database down");

			bot.advance(ROUND);
			assertThat(bot.messagesTo(1)).hasSize(1);
			assertThat(logs.messages()).last().asString().startsWith("Found 1 parked updates");
		}
	}

	@Test
	void aStopEndsTheLookingAndNothingIsHeldAfterAKill() {
		try (VirtualPipeline bot = VirtualPipeline.builder().handlers(new Replying.Echo())
			.inbox(inbox -> new FaultyInbox(inbox).loseNextStoreAnswer())
			.start()) {
			bot.enqueue(Updates.message(1, "lost"));
			bot.advance(Duration.ofSeconds(10));
			bot.pipeline.stop();
			bot.advance(Duration.ofMinutes(10));
			assertThat(bot.pipeline.isRunning()).isFalse();
			assertThat(bot.messagesTo(1)).isEmpty(); // left for the next start's replay
			assertThat(bot.outcomeOf(1)).isEqualTo("pending");
		}
	}

	/** Twenty lost answers among a thousand updates from a thousand users. */
	@Test
	void manyParkedUpdatesAreHandledEachOnce() {
		Replying.Echo echo = new Replying.Echo();
		try (VirtualPipeline bot = VirtualPipeline.builder().handlers(echo).inbox(FaultyInbox::new).start()) {
			FaultyInbox inbox = (FaultyInbox) bot.inbox;
			for (int round = 0; round < 20; round++) {
				inbox.loseNextStoreAnswer();
				for (long user = 1; user <= 50; user++) {
					bot.enqueue(Updates.message(round * 100 + user, "r" + round));
				}
				bot.advance(Duration.ofSeconds(5));
			}
			bot.advance(Duration.ofMinutes(5));
			assertThat(echo.handled).hasValue(1000);
			assertThat(bot.sent()).hasSize(1000);
			assertThat(List.of(bot.memory.counts().block())).containsExactly(java.util.Map.of("done", 1000L));
			assertThat(bot.pipeline.held()).isZero();
		}
	}
}
