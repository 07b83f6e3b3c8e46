package io.analytips.pipeline.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.analytips.common.MutableClock;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.PipelineMetrics;
import io.analytips.pipeline.UpdateContext;
import io.analytips.pipeline.inbox.MemoryInbox;
import io.analytips.pipeline.journal.SendJournal;
import io.analytips.pipeline.journal.SendWindow;
import io.analytips.pipeline.log.AccessLog;
import io.analytips.pipeline.recovery.InFlight;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What the {@link Dispatcher} tests share: a scripted outbound that records the replies and counts the callback
 * answers, a memory inbox that stores each update made, the updates turned away as busy, and handlers to run.
 */
abstract class DispatcherFixture {

	final OutboundScheduler outbound = mock(OutboundScheduler.class);

	final MemoryInbox inbox = new MemoryInbox(new MutableClock());

	final List<String> replies = Collections.synchronizedList(new ArrayList<>());

	final AtomicInteger answered = new AtomicInteger();

	/** Updates turned away because their chat held all it may. */
	final List<Long> busy = Collections.synchronizedList(new ArrayList<>());

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

	Dispatcher dispatcher(int concurrency, Duration timeout, Handler... handlers) {
		return dispatcher(concurrency, 20, timeout, handlers);
	}

	Dispatcher dispatcher(int concurrency, int chatBacklog, Duration timeout, Handler... handlers) {
		return new Dispatcher(new Handlers(List.of(handlers)), new InFlight(inbox), PipelineHarness.NOTICES, timeout, concurrency,
				chatBacklog, context -> busy.add(context.updateId()), new PipelineMetrics(new SimpleMeterRegistry()),
				new AccessLog(false), new SendWindow(SendJournal.open(Scratch.directory("send-journal")), 16,
						new SimpleMeterRegistry()));
	}

	UpdateContext context(tools.jackson.databind.node.ObjectNode json) {
		long id = nextId++;
		json.put("update_id", id);
		ReceivedUpdate received = ReceivedUpdate.parse(id, json.toString());
		inbox.storeNew(List.of(received)).block();
		return new UpdateContext(received, outbound);
	}

	/** A handler for every update, doing {@code body}. */
	static Handler handling(Function<UpdateContext, Mono<Void>> body) {
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
	static Handler delayed() {
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

	/** One update through a dispatcher with {@code handler}, its retries given a minute of virtual time. */
	Outcome outcomeOfOneUpdate(Handler handler) {
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
}
