package io.analytips.pipeline.dispatch;

import java.time.Duration;
import java.util.List;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.Inbox;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.PipelineMetrics;
import io.analytips.pipeline.UpdateContext;
import io.analytips.pipeline.journal.SendJournal;
import io.analytips.pipeline.journal.SendWindow;
import io.analytips.pipeline.log.AccessLog;
import io.analytips.pipeline.recovery.InFlight;
import io.analytips.support.CapturedLogs;
import io.analytips.support.PipelineHarness;
import io.analytips.support.Scratch;
import io.analytips.support.Updates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The error boundary: whatever a handler, an answer or the inbox throws, the update ends and the stream goes on. */
class DispatcherErrorBoundaryTest extends DispatcherFixture {

	@Test
	void aFailingHandlerEndsTheUpdateFailedAfterAnApologyAndTheStreamGoesOn() {
		Handler failing = handling(context -> {
			if ("boom".equals(context.text())) {
				throw new IllegalStateException("thrown, not even returned");
			}
			return context.reply("fine").then();
		});
		UpdateContext bad = context(Updates.message(1, "boom"));
		UpdateContext good = context(Updates.message(1, "ok"));
		StepVerifier.create(Flux.just(bad, good).transform(dispatcher(256, Duration.ofSeconds(60), failing)))
			.assertNext(f -> {
				assertThat(f.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(f.detail()).contains("thrown, not even returned");
			})
			.assertNext(f -> assertThat(f.outcome()).isEqualTo(Outcome.DONE))
			.verifyComplete();
		assertThat(replies).containsExactly("1:FAILED", "1:fine");
		assertThat(inbox.outcomeOf(bad.updateId())).isEqualTo("failed");
		assertThat(inbox.outcomeOf(good.updateId())).isEqualTo("done");
	}

	@Test
	void theLineOfAFailedUpdateCarriesItsIdsInTheMdcAndLeavesTheThreadsMdcAsItWas() {
		Handler failing = handling(context -> Mono.delay(Duration.ofMillis(5)).then(Mono.error(new IllegalStateException("no"))));
		UpdateContext bad = context(Updates.message(7, "boom"));
		try (CapturedLogs logs = CapturedLogs.of(Dispatcher.class.getName())) {
			StepVerifier.create(Flux.just(bad).transform(dispatcher(256, Duration.ofSeconds(60), failing)))
				.assertNext(f -> assertThat(f.outcome()).isEqualTo(Outcome.FAILED))
				.verifyComplete();
			assertThat(logs.events()).singleElement().satisfies(line -> assertThat(line.getMDCPropertyMap())
				.containsEntry("update_id", String.valueOf(bad.updateId()))
				.containsEntry("chat_id", "7")
				.containsEntry("user_id", "7")
				.containsKey("handler"));
		}
		assertThat(org.slf4j.MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void aHandlerWhoseSupportsThrowsFailsItsUpdateWithAnApologyAndTheNextIsAnswered() {
		Handler broken = new Handler() {
			@Override
			public boolean supports(UpdateContext context) {
				if ("boom".equals(context.text())) {
					throw new IllegalStateException("supports() threw");
				}
				return false;
			}

			@Override
			public Mono<Void> handle(UpdateContext context) {
				return Mono.empty();
			}
		};
		Handler echo = handling(context -> context.reply("fine").then());
		UpdateContext bad = context(Updates.message(1, "boom"));
		UpdateContext good = context(Updates.message(1, "ok"));
		StepVerifier.create(Flux.just(bad, good).transform(dispatcher(256, Duration.ofSeconds(60), broken, echo)))
			.assertNext(f -> {
				assertThat(f.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(f.detail()).contains("supports() threw");
			})
			.assertNext(f -> assertThat(f.outcome()).isEqualTo(Outcome.DONE))
			.verifyComplete();
		assertThat(replies).containsExactly("1:FAILED", "1:fine");
		assertThat(inbox.outcomeOf(bad.updateId())).isEqualTo("failed");
		assertThat(inbox.outcomeOf(good.updateId())).isEqualTo("done");
	}

	@Test
	void aCallbackAnswerOrAnApologyThatThrowsStillEndsTheUpdateAndTheStreamGoesOn() {
		when(outbound.answerCallbackQuery(any())).thenThrow(new IllegalStateException("answer threw"));
		when(outbound.sendMessage(any())).thenThrow(new IllegalStateException("send threw"));
		Handler failing = handling(context -> Mono.error(new IllegalStateException("handler failed")));
		UpdateContext press = context(Updates.callback(1, "x"));
		UpdateContext message = context(Updates.message(2, "y"));
		StepVerifier.create(Flux.just(press, message).transform(dispatcher(1, Duration.ofSeconds(60), failing)))
			.assertNext(f -> assertThat(f.outcome()).isEqualTo(Outcome.FAILED))
			.assertNext(f -> assertThat(f.outcome()).isEqualTo(Outcome.FAILED))
			.verifyComplete();
		assertThat(inbox.outcomeOf(press.updateId())).isEqualTo("failed");
		assertThat(inbox.outcomeOf(message.updateId())).isEqualTo("failed");
	}

	@Test
	void anOutcomeThatCannotBeRecordedDoesNotEndTheStream() {
		Inbox broken = mock(Inbox.class);
		when(broken.finish(org.mockito.ArgumentMatchers.anyLong(), any(), any()))
			.thenThrow(new IllegalStateException("finish threw"));
		Dispatcher dispatcher = new Dispatcher(new Handlers(List.of(handling(context -> Mono.empty()))), new InFlight(broken),
				PipelineHarness.NOTICES, Duration.ofSeconds(60), 256, 20, context -> busy.add(context.updateId()),
				new PipelineMetrics(new SimpleMeterRegistry()), new AccessLog(false),
				new SendWindow(SendJournal.open(Scratch.directory("send-journal")), 16, new SimpleMeterRegistry()));
		StepVerifier.create(Flux.just(context(Updates.message(1, "a")), context(Updates.message(1, "b"))).transform(dispatcher))
			.expectNextCount(2)
			.verifyComplete();
	}

	@Test
	void aHandlerThatTakesTooLongTimesOutAndFails() {
		Handler stuck = handling(context -> Mono.never());
		UpdateContext update = context(Updates.message(1, "x"));
		StepVerifier.withVirtualTime(() -> Flux.just(update).transform(dispatcher(256, Duration.ofSeconds(60), stuck)))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(59))
			.thenAwait(Duration.ofSeconds(1))
			.assertNext(f -> assertThat(f.detail()).isEqualTo("timed out after 60 s"))
			.verifyComplete();
		assertThat(replies).containsExactly("1:FAILED");
	}
}
