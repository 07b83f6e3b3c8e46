package io.analytips.pipeline.dispatch;

import java.time.Duration;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.UpdateContext;
import io.analytips.support.Updates;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** What is done around a handler: the one context entry it sees, the callback answered for it, no handler: invalid. */
class DispatcherHandlingTest extends DispatcherFixture {

	@Test
	void aHandlerSeesItsUpdatesCounterSendRecordAndLogIdsAsOneContextEntry() {
		// Reactor's four- and five-entry contexts are costly to build (UpdateScope): the update adds one entry, not three
		java.util.concurrent.atomic.AtomicReference<reactor.util.context.ContextView> seen = new java.util.concurrent.atomic.AtomicReference<>();
		Handler looking = handling(context -> Mono.deferContextual(reactorContext -> {
			seen.set(reactorContext);
			return context.reply("answer").then();
		}));
		assertThat(outcomeOfOneUpdate(looking)).isEqualTo(Outcome.DONE);
		assertThat(seen.get().size()).isEqualTo(1);
		assertThat(seen.get().stream().map(entry -> entry.getValue())).singleElement()
			.isInstanceOf(io.analytips.common.UpdateScope.class);
	}

	@Test
	void answersEveryCallbackQueryEvenWhenTheHandlerDidNot() {
		Handler silent = handling(context -> Mono.empty());
		StepVerifier.create(Flux.just(context(Updates.callback(1, "x"))).transform(dispatcher(256, Duration.ofSeconds(1), silent)))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(answered).hasValue(1);
	}

	@Test
	void anUpdateNoHandlerTakesIsInvalid() {
		UpdateContext update = context(Updates.message(1, "x"));
		StepVerifier.create(Flux.just(update).transform(dispatcher(256, Duration.ofSeconds(1))))
			.assertNext(f -> assertThat(f.outcome()).isEqualTo(Outcome.INVALID))
			.verifyComplete();
		assertThat(inbox.outcomeOf(update.updateId())).isEqualTo("invalid");
	}
}
