package io.analytips.pipeline.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.UpdateContext;
import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** A chat's backlog: beyond it the chat's updates are turned away, at once, while other chats flow on. */
class DispatcherBacklogTest extends DispatcherFixture {

	@Test
	void aChatHoldsAtMostItsBacklogAndBeyondItsUpdatesAreTurnedAwayWhileOtherChatsFlow() {
		Dispatcher dispatcher = dispatcher(256, 3, Duration.ofSeconds(60), delayed());
		List<UpdateContext> group = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			group.add(context(Updates.message(10 + i, -100, "supergroup", "g" + i + ":10", "pt-br")));
		}
		UpdateContext other = context(Updates.message(2, "p:1"));
		StepVerifier.withVirtualTime(() -> Flux.concat(Flux.fromIterable(group), Flux.just(other)).transform(dispatcher))
			.expectSubscription()
			.then(() -> {
				assertThat(dispatcher.held(-100L)).isEqualTo(3);
				assertThat(busy).containsExactly(group.get(3).updateId(), group.get(4).updateId());
			})
			.thenAwait(Duration.ofSeconds(1))
			.assertNext(f -> assertThat(f.outcome()).isEqualTo(Outcome.DONE)) // the other chat did not wait
			.then(() -> assertThat(replies).containsExactly("2:p:1"))
			.thenAwait(Duration.ofSeconds(30))
			.expectNextCount(3)
			.verifyComplete();
		assertThat(dispatcher.held(-100L)).isZero();
		assertThat(dispatcher.inFlight()).isZero();
	}

	@Test
	void updatesTurnedAwayGiveBackTheirPlaceAtOnceSoOtherChatsAreNeverStalled() {
		// 8 slots: a chat holds 3 for good, 5 more of it are turned away; a naive flatMap would now
		// have handed out all its demand and wait for 6 completions before asking for more.
		Handler holding = handling(context -> context.chatId() == 1 ? Mono.never() : context.reply("fine").then());
		Dispatcher dispatcher = dispatcher(8, 3, Duration.ofSeconds(600), holding);
		List<UpdateContext> busyChat = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			busyChat.add(context(Updates.message(1, "x" + i)));
		}
		UpdateContext other = context(Updates.message(2, "y"));
		StepVerifier.withVirtualTime(() -> Flux.concat(Flux.fromIterable(busyChat), Flux.just(other)).transform(dispatcher))
			.assertNext(f -> assertThat(f.outcome()).isEqualTo(Outcome.DONE))
			.thenCancel()
			.verify();
		assertThat(busy).hasSize(5);
		assertThat(replies).containsExactly("2:fine");
	}

	@Test
	void aChatThatWasFullTakesUpdatesAgainOnceItsLaneMoves() {
		Dispatcher dispatcher = dispatcher(256, 1, Duration.ofSeconds(60), delayed());
		UpdateContext first = context(Updates.message(1, "a:5"));
		UpdateContext turnedAway = context(Updates.message(1, "b:1"));
		UpdateContext later = context(Updates.message(1, "c:1"));
		StepVerifier.withVirtualTime(() -> Flux.concat(Flux.just(first, turnedAway),
				Mono.delay(Duration.ofSeconds(6)).thenReturn(later)).transform(dispatcher))
			.thenAwait(Duration.ofSeconds(5))
			.expectNextCount(1)
			.thenAwait(Duration.ofSeconds(2))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(busy).containsExactly(turnedAway.updateId());
		assertThat(replies).containsExactly("1:a:5", "1:c:1");
	}
}
