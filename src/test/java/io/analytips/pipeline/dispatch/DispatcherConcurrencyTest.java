package io.analytips.pipeline.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.UpdateContext;
import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One chat's updates in order and chats in parallel, never more at once than the concurrency, and no more asked of
 * upstream than that.
 */
class DispatcherConcurrencyTest extends DispatcherFixture {

	@Test
	void handlesOneChatInOrderAndChatsInParallel() {
		Dispatcher dispatcher = dispatcher(256, Duration.ofSeconds(60), delayed());
		StepVerifier.withVirtualTime(() -> Flux.just(context(Updates.message(1, "a:3")), context(Updates.message(1, "b:1")),
				context(Updates.message(2, "c:1"))).transform(dispatcher))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextMatches(f -> f.outcome() == Outcome.DONE) // chat 2 does not wait for chat 1
			.then(() -> assertThat(replies).containsExactly("2:c:1"))
			.thenAwait(Duration.ofSeconds(2))
			.expectNextCount(1)
			.thenAwait(Duration.ofSeconds(1))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(replies).containsExactly("2:c:1", "1:a:3", "1:b:1");
	}

	@Test
	void neverRunsMoreThanItsConcurrency() {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger peak = new AtomicInteger();
		Handler slow = handling(context -> Mono.delay(Duration.ofSeconds(1))
			.doOnSubscribe(s -> peak.accumulateAndGet(running.incrementAndGet(), Math::max))
			.doOnTerminate(running::decrementAndGet)
			.then());
		Dispatcher dispatcher = dispatcher(4, Duration.ofSeconds(60), slow);
		List<UpdateContext> contexts = new ArrayList<>();
		for (long user = 1; user <= 20; user++) {
			contexts.add(context(Updates.message(user, "x")));
		}
		StepVerifier.withVirtualTime(() -> Flux.fromIterable(contexts).transform(dispatcher))
			.thenAwait(Duration.ofSeconds(5))
			.expectNextCount(20)
			.verifyComplete();
		assertThat(peak).hasValue(4);
	}

	@Test
	void requestsFromUpstreamOnlyWhatItCanRun() {
		Handler never = handling(context -> Mono.never());
		TestPublisher<UpdateContext> upstream = TestPublisher.create();
		Dispatcher dispatcher = dispatcher(3, Duration.ofSeconds(60), never);
		StepVerifier.create(upstream.flux().transform(dispatcher), 0)
			.then(() -> upstream.assertMinRequested(3).assertMaxRequested(3))
			.thenCancel()
			.verify();
	}

	@Test
	void emitsNothingForNoUpdates() {
		StepVerifier.create(Flux.<UpdateContext>empty().transform(dispatcher(256, Duration.ofSeconds(1)))).verifyComplete();
	}
}
