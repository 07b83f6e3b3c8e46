package io.analytips.pipeline.dispatch;

import io.analytips.common.SendRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.analytips.common.MutableClock;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.Inbox;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.PipelineMetrics;
import io.analytips.pipeline.UpdateContext;
import io.analytips.pipeline.inbox.MemoryInbox;
import io.analytips.pipeline.journal.SendJournal;
import io.analytips.pipeline.journal.SendWindow;
import io.analytips.pipeline.log.AccessLog;
import io.analytips.pipeline.recovery.InFlight;
import io.analytips.support.CapturedLogs;
import io.analytips.support.PipelineHarness;
import io.analytips.support.Scratch;
import io.analytips.support.Updates;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.model.Chat;
import io.analytips.telegram.model.Message;
import io.analytips.telegram.model.SendMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Ordering, concurrency and the error boundary, in virtual time. */
class DispatcherTest {

	private final OutboundScheduler outbound = mock(OutboundScheduler.class);

	private final MemoryInbox inbox = new MemoryInbox(new MutableClock());

	private final List<String> replies = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger answered = new AtomicInteger();

	private long nextId = 1;

	@BeforeEach
	void recordReplies() {
		// Cold, like the real scheduler: nothing is sent until subscribed.
		when(outbound.sendMessage(any())).thenAnswer(invocation -> Mono.fromSupplier(() -> {
			SendMessage message = invocation.getArgument(0);
			replies.add(message.chatId() + ":" + message.text());
			return new Message(1, null, null, new Chat(message.chatId(), "private", null, null, null), 0,
					message.text(), null, null);
		}));
		when(outbound.answerCallbackQuery(any())).thenAnswer(invocation -> {
			answered.incrementAndGet();
			return Mono.empty();
		});
	}

	/** Updates turned away because their chat held all it may. */
	private final List<Long> busy = Collections.synchronizedList(new ArrayList<>());

	private Dispatcher dispatcher(int concurrency, Duration timeout, Handler... handlers) {
		return dispatcher(concurrency, 20, timeout, handlers);
	}

	private Dispatcher dispatcher(int concurrency, int chatBacklog, Duration timeout, Handler... handlers) {
		return new Dispatcher(new Handlers(List.of(handlers)), new InFlight(inbox), PipelineHarness.NOTICES, timeout, concurrency,
				chatBacklog, context -> busy.add(context.updateId()), new PipelineMetrics(new SimpleMeterRegistry()),
				new AccessLog(false), new SendWindow(SendJournal.open(Scratch.directory("send-journal")), 16,
						new SimpleMeterRegistry()));
	}

	private UpdateContext context(tools.jackson.databind.node.ObjectNode json) {
		long id = nextId++;
		json.put("update_id", id);
		ReceivedUpdate received = ReceivedUpdate.parse(id, json.toString());
		inbox.storeNew(List.of(received)).block();
		return new UpdateContext(received, outbound);
	}

	/** A handler for every update, doing {@code body}. */
	private static Handler handling(Function<UpdateContext, Mono<Void>> body) {
		return new Handler() {
			@Override
			public boolean supports(UpdateContext context) {
				return true;
			}

			@Override
			public Mono<Void> handle(UpdateContext context) {
				return body.apply(context);
			}
		};
	}

	/** Replies with the text after a delay given in the text ("chat:seconds"). */
	private static Handler delayed() {
		return new Handler() {
			@Override
			public boolean supports(UpdateContext context) {
				return context.text() != null;
			}

			@Override
			public Mono<Void> handle(UpdateContext context) {
				long seconds = Long.parseLong(context.text().split(":")[1]);
				return Mono.delay(Duration.ofSeconds(seconds)).then(context.reply(context.text())).then();
			}
		};
	}

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
	void aHandlerThatFailedBecauseTheDatabaseWasAwayIsRunAgainAfterAPauseAndTheUserGetsTheAnswer() {
		AtomicInteger runs = new AtomicInteger();
		Handler flaky = handling(context -> runs.incrementAndGet() <= 3
				? Mono.error(new org.springframework.dao.DataAccessResourceFailureException("Failed to obtain R2DBC Connection"))
				: context.reply("answer").then());
		assertThat(outcomeOfOneUpdate(flaky)).isEqualTo(Outcome.DONE);
		assertThat(runs).hasValue(4);
		assertThat(replies).containsExactly("1:answer");
	}

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
	void aHandlerThatFailsOnTheDatabaseAfterItsFirstMessageStartedIsNotRunAgain() {
		AtomicInteger runs = new AtomicInteger();
		Handler sentThenFailed = handling(context -> Mono.deferContextual(reactorContext -> {
			runs.incrementAndGet();
			return SendRecord.recorded(reactorContext, Mono.just("sent"));
		}).then(Mono.error(new org.springframework.dao.DataAccessResourceFailureException("connection closed"))));
		assertThat(outcomeOfOneUpdate(sentThenFailed)).isEqualTo(Outcome.FAILED);
		assertThat(runs).hasValue(1);
	}

	@Test
	void anUpdateWhoseLeadWasLostIsLeftUnfinishedWithoutAnApologyForTheNewLeader() {
		Handler deposed = handling(context -> Mono.error(new io.analytips.common.LeaseEndedException(
				io.analytips.common.Lease.NONE)));
		Dispatcher dispatcher = dispatcher(4, Duration.ofSeconds(60), deposed);
		UpdateContext update = context(Updates.message(1, "hi"));
		StepVerifier.create(Flux.just(update).transform(dispatcher)).verifyComplete();
		assertThat(replies).as("no apology: the new leader answers").isEmpty();
		assertThat(inbox.outcomeOf(update.updateId())).isEqualTo("pending");
	}

	@Test
	void aHandlerThatFailsForAnotherReasonIsNotRunAgain() {
		AtomicInteger runs = new AtomicInteger();
		Handler broken = handling(context -> {
			runs.incrementAndGet();
			return Mono.error(new IllegalStateException("a bug"));
		});
		assertThat(outcomeOfOneUpdate(broken)).isEqualTo(Outcome.FAILED);
		assertThat(runs).hasValue(1);
	}

	/** One update through a dispatcher with {@code handler}, its retries given a minute of virtual time. */
	private Outcome outcomeOfOneUpdate(Handler handler) {
		Dispatcher dispatcher = dispatcher(4, Duration.ofSeconds(60), handler);
		List<Outcome> outcomes = new ArrayList<>();
		StepVerifier.withVirtualTime(() -> Flux.just(context(Updates.message(1, "hi"))).transform(dispatcher))
			.thenAwait(Duration.ofMinutes(1))
			.recordWith(ArrayList::new)
			.expectNextCount(1)
			.consumeRecordedWith(finished -> finished.forEach(each -> outcomes.add(each.outcome())))
			.verifyComplete();
		return outcomes.get(0);
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

	@Test
	void anUpdateNoHandlerTakesIsInvalid() {
		UpdateContext update = context(Updates.message(1, "x"));
		StepVerifier.create(Flux.just(update).transform(dispatcher(256, Duration.ofSeconds(1))))
			.assertNext(f -> assertThat(f.outcome()).isEqualTo(Outcome.INVALID))
			.verifyComplete();
		assertThat(inbox.outcomeOf(update.updateId())).isEqualTo("invalid");
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
	void emitsNothingForNoUpdates() {
		StepVerifier.create(Flux.<UpdateContext>empty().transform(dispatcher(256, Duration.ofSeconds(1)))).verifyComplete();
	}
}
