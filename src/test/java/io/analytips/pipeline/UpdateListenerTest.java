package io.analytips.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.analytips.common.MutableClock;
import io.analytips.common.OncePerPeriod;
import io.analytips.pipeline.dispatch.Dispatcher;
import io.analytips.pipeline.dispatch.Handlers;
import io.analytips.pipeline.inbox.MemoryInbox;
import io.analytips.pipeline.intake.Intake;
import io.analytips.pipeline.intake.UserRateLimiter;
import io.analytips.pipeline.journal.SendJournal;
import io.analytips.pipeline.journal.SendWindow;
import io.analytips.pipeline.log.AccessLog;
import io.analytips.pipeline.recovery.InFlight;
import io.analytips.support.PipelineHarness;
import io.analytips.support.Scratch;
import io.analytips.support.Updates;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.model.AnswerCallbackQuery;
import io.analytips.telegram.model.Chat;
import io.analytips.telegram.model.Message;
import io.analytips.telegram.model.SendMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The {@link UpdateListener} hears of each update once it is over, whichever way it ends, and only after what
 * the pipeline sent in answer to it was sent: what the demo's console waits for before it reads the next line.
 */
class UpdateListenerTest {

	private final MutableClock clock = new MutableClock();

	private final MemoryInbox inbox = new MemoryInbox(clock);

	private final OutboundScheduler outbound = mock(OutboundScheduler.class);

	/** What happened, in order: "sent:<text>", "answered:<text>", "ended:<id>". */
	private final List<String> events = Collections.synchronizedList(new ArrayList<>());

	private final InFlight inFlight = new InFlight(inbox, updateId -> events.add("ended:" + updateId));

	private final UserTracker users = mock(UserTracker.class);

	/** The alert of a limited press stays on its way until the test lets it arrive. */
	private final Sinks.Empty<Void> alertArrives = Sinks.empty();

	@BeforeEach
	void recordWhatIsSent() {
		when(users.seen(anyLong(), any())).thenReturn(Mono.empty());
		when(outbound.sendMessage(any())).thenAnswer(invocation -> Mono.fromSupplier(() -> {
			SendMessage message = invocation.getArgument(0);
			events.add("sent:" + message.text());
			return new Message(1, null, null, new Chat(message.chatId(), "private", null, null, null), 0, message.text(),
					null, null);
		}));
		when(outbound.answerCallbackQuery(any())).thenAnswer(invocation -> {
			AnswerCallbackQuery answer = invocation.getArgument(0);
			Mono<Void> arrival = answer.text() == null ? Mono.empty() : alertArrives.asMono();
			return arrival.then(Mono.fromRunnable(() -> events.add("answered:" + answer.text())));
		});
	}

	private ReceivedUpdate stored(long id, tools.jackson.databind.node.ObjectNode json) {
		ReceivedUpdate received = ReceivedUpdate.parse(json.put("update_id", id));
		inbox.storeNew(List.of(received)).block();
		inFlight.enter(id);
		return received;
	}

	private Intake intake(int rateLimit) {
		return new Intake(inFlight, new UserRateLimiter(rateLimit, Duration.ofSeconds(60), clock),
				new UserRateLimiter(rateLimit, Duration.ofSeconds(60), clock), new Handlers(List.of(replying())),
				new OncePerPeriod<>(Duration.ofSeconds(60), clock), outbound, PipelineHarness.NOTICES, users,
				new Background(Duration.ofSeconds(60), new SimpleMeterRegistry()), new PipelineMetrics(new SimpleMeterRegistry()),
				new AccessLog(false));
	}

	private Dispatcher dispatcher(Handler handler) {
		return new Dispatcher(new Handlers(List.of(handler)), inFlight, PipelineHarness.NOTICES, Duration.ofSeconds(60), 16,
				20, context -> {
				}, new PipelineMetrics(new SimpleMeterRegistry()), new AccessLog(false),
				new SendWindow(SendJournal.open(Scratch.directory("send-journal")), 16, new SimpleMeterRegistry()));
	}

	/** Answers every message with its text, and presses of a button with a new screen. */
	private static Handler replying() {
		return new Handler() {
			@Override
			public boolean supports(UpdateContext context) {
				return true;
			}

			@Override
			public Mono<Void> handle(UpdateContext context) {
				return context.reply(context.isCallback() ? "screen of " + context.callbackData() : "echo " + context.text())
					.then();
			}
		};
	}

	@Test
	void hearsOfAHandledUpdateAfterItsRepliesWereSent() {
		ReceivedUpdate first = stored(1, Updates.message(7, "a"));
		ReceivedUpdate second = stored(2, Updates.callback(7, "today"));
		StepVerifier.create(Flux.just(first, second).transform(intake(10)).transform(dispatcher(replying())))
			.expectNextCount(2)
			.verifyComplete();
		assertThat(events).containsExactly("sent:echo a", "ended:1", "sent:screen of today", "answered:null", "ended:2");
	}

	@Test
	void hearsOfAFailedUpdateAfterItsApology() {
		ReceivedUpdate failing = stored(3, Updates.message(7, "boom"));
		Handler throwing = new Handler() {
			@Override
			public boolean supports(UpdateContext context) {
				return true;
			}

			@Override
			public Mono<Void> handle(UpdateContext context) {
				return Mono.error(new IllegalStateException("boom"));
			}
		};
		StepVerifier.create(Flux.just(failing).transform(intake(10)).transform(dispatcher(throwing)))
			.assertNext(finished -> assertThat(finished.outcome()).isEqualTo(Outcome.FAILED))
			.verifyComplete();
		assertThat(events).containsExactly("sent:" + PipelineHarness.NOTICES.failed(UpdateContext.DEFAULT_LOCALE), "ended:3");
	}

	@Test
	void hearsOfARateLimitedPressOnlyOnceItsAlertWasShown() {
		ReceivedUpdate allowed = stored(4, Updates.callback(7, "today"));
		ReceivedUpdate limited = stored(5, Updates.callback(7, "today"));
		StepVerifier.create(Flux.just(allowed, limited).transform(intake(1)))
			.assertNext(context -> assertThat(context.updateId()).isEqualTo(4)) // the limited one ends in intake
			.verifyComplete();
		await().atMost(Duration.ofSeconds(5)).until(() -> "rate_limited".equals(inbox.outcomeOf(5)));
		assertThat(events).isEmpty(); // its outcome is written, its alert still on its way

		alertArrives.tryEmitEmpty();

		await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("ended:5"));
		assertThat(events).hasSize(2).first().asString().startsWith("answered:");
	}

	@Test
	void hearsOfAnUpdateNoHandlerTakesAtOnce() {
		tools.jackson.databind.node.ObjectNode poll = Updates.message(7, "x");
		poll.remove("message");
		poll.putObject("poll").put("id", "1");
		ReceivedUpdate unsupported = stored(6, poll);
		StepVerifier.create(Flux.just(unsupported).transform(intake(10))).verifyComplete();
		await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("ended:6"));
		assertThat(inbox.outcomeOf(6)).isEqualTo("invalid");
	}
}
