package io.analytips.pipeline.log;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.analytips.common.MutableClock;
import io.analytips.common.OncePerPeriod;
import io.analytips.common.UpstreamCalls;
import io.analytips.pipeline.Background;
import io.analytips.pipeline.dispatch.Dispatcher;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.dispatch.Handlers;
import io.analytips.pipeline.recovery.InFlight;
import io.analytips.pipeline.intake.Intake;
import io.analytips.pipeline.PipelineMetrics;
import io.analytips.pipeline.UpdateContext;
import io.analytips.pipeline.intake.UserRateLimiter;
import io.analytips.pipeline.UserTracker;
import io.analytips.pipeline.inbox.MemoryInbox;
import io.analytips.pipeline.journal.SendJournal;
import io.analytips.pipeline.journal.SendWindow;
import io.analytips.support.CapturedLogs;
import io.analytips.support.PipelineHarness;
import io.analytips.support.Scratch;
import io.analytips.support.Updates;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.TelegramJson;
import io.analytips.telegram.model.Chat;
import io.analytips.telegram.model.Message;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Every way an update ends writes exactly one access line with its outcome: handled, failed and
 * unhandled in the dispatcher, rate limited, rejected and invalid at intake, replayed ones alike.
 */
class AccessLogPathsTest {

	private final CapturedLogs logs = CapturedLogs.of(AccessLog.LOGGER);

	private final OutboundScheduler outbound = mock(OutboundScheduler.class);

	private final UserTracker users = mock(UserTracker.class);

	private final MemoryInbox inbox = new MemoryInbox(new MutableClock());

	private final MutableClock clock = new MutableClock();

	private final PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());

	@BeforeEach
	void fakes() {
		when(outbound.sendMessage(any())).thenAnswer(invocation -> Mono.fromSupplier(
				() -> new Message(1, null, null, new Chat(1, "private", null, null, null), 0, "sent", null, null)));
		when(outbound.answerCallbackQuery(any())).thenReturn(Mono.empty());
		when(users.seen(anyLong(), any())).thenReturn(Mono.empty());
	}

	@AfterEach
	void close() {
		logs.close();
	}

	/** Makes {@code calls} API-Football calls (as the football client counts them), then replies. */
	static final class AnalysisLikeHandler implements Handler {

		@Override
		public boolean supports(UpdateContext context) {
			return "/analysis".equals(context.text());
		}

		@Override
		public Mono<Void> handle(UpdateContext context) {
			Mono<String> call = UpstreamCalls.counted(Mono.just("envelope"));
			return Mono.zip(call, call).then(context.reply("analysis")).then();
		}
	}

	/** Fails every {@code /boom}. */
	static final class FailingHandler implements Handler {

		@Override
		public boolean supports(UpdateContext context) {
			return "/boom".equals(context.text());
		}

		@Override
		public Mono<Void> handle(UpdateContext context) {
			return Mono.error(new IllegalStateException("boom"));
		}
	}

	/** Never ends {@code /stuck}. */
	static final class StuckHandler implements Handler {

		@Override
		public boolean supports(UpdateContext context) {
			return "/stuck".equals(context.text());
		}

		@Override
		public Mono<Void> handle(UpdateContext context) {
			return Mono.never();
		}
	}

	private final Handlers handlers = new Handlers(
			List.of(new AnalysisLikeHandler(), new FailingHandler(), new StuckHandler()));

	private Intake intake(int rateLimit, AccessLog access) {
		return new Intake(new InFlight(inbox), new UserRateLimiter(rateLimit, Duration.ofSeconds(60), clock),
				new UserRateLimiter(rateLimit, Duration.ofSeconds(60), clock), handlers,
				new OncePerPeriod<>(Duration.ofSeconds(60), clock), outbound, PipelineHarness.NOTICES, users,
				new Background(Duration.ofSeconds(60), new SimpleMeterRegistry()), metrics, access);
	}

	private Dispatcher dispatcher(AccessLog access) {
		return new Dispatcher(handlers, new InFlight(inbox), PipelineHarness.NOTICES, Duration.ofSeconds(60), 16, 20,
				context -> {
				}, metrics, access, new SendWindow(SendJournal.open(Scratch.directory("send-journal")), 16,
						new SimpleMeterRegistry()));
	}

	private ReceivedUpdate stored(long id, ObjectNode update) {
		ReceivedUpdate received = ReceivedUpdate.parse(update.put("update_id", id));
		inbox.storeNew(List.of(received)).block();
		return received;
	}

	/** A kind the bot does not ask for. */
	private static ObjectNode channelPost() {
		ObjectNode update = TelegramJson.mapper().createObjectNode();
		update.putObject("channel_post").put("message_id", 1).put("date", 0).putObject("chat").put("id", -100).put("type", "channel");
		return update;
	}

	private ILoggingEvent lineOf(long updateId) {
		List<ILoggingEvent> lines = logs.events().stream()
			.filter(line -> String.valueOf(updateId).equals(line.getMDCPropertyMap().get("update_id")))
			.toList();
		assertThat(lines).as("access lines of update %d", updateId).hasSize(1);
		return lines.get(0);
	}

	private Map<String, Object> fieldsOf(long updateId) {
		return CapturedLogs.fields(lineOf(updateId));
	}

	@Test
	void aHandledUpdateEndsDoneWithItsActionAndTheUpstreamCallsItMade() {
		ReceivedUpdate analysis = stored(1, Updates.message(45, "/analysis"));

		StepVerifier.create(Flux.just(analysis).transform(intake(10, new AccessLog(true))).transform(dispatcher(new AccessLog(true))))
			.expectNextCount(1)
			.verifyComplete();

		assertThat(fieldsOf(1)).containsEntry("type", "message")
			.containsEntry("action", "analysislike")
			.containsEntry("outcome", "done")
			.containsEntry("upstream_calls", 2)
			.hasEntrySatisfying("latency_ms", millis -> assertThat((Long) millis).isNotNegative());
		assertThat(lineOf(1).getMDCPropertyMap()).containsEntry("user_id", "45").containsEntry("chat_id", "45");
		assertThat(lineOf(1).getFormattedMessage())
			.matches("update 1 message analysislike by user 45 in chat 45: done in \\d+ ms, 2 upstream calls");
	}

	@Test
	void aFailingAndATimedOutHandlerEndFailedAndAnUpdateNoHandlerTakesEndsInvalid() {
		ReceivedUpdate boom = stored(2, Updates.message(45, "/boom"));
		ReceivedUpdate stuck = stored(3, Updates.message(46, "/stuck"));
		ReceivedUpdate nobody = stored(4, Updates.message(47, "hello"));
		AccessLog access = new AccessLog(true);

		StepVerifier.withVirtualTime(() -> Flux.just(boom, stuck, nobody).transform(intake(10, access))
				.transform(dispatcher(access)))
			.expectNextCount(2)
			.thenAwait(Duration.ofSeconds(60))
			.expectNextCount(1)
			.verifyComplete();

		assertThat(fieldsOf(2)).containsEntry("outcome", "failed").containsEntry("action", "failing");
		assertThat(fieldsOf(3)).containsEntry("outcome", "failed").containsEntry("action", "stuck");
		assertThat(fieldsOf(4)).containsEntry("outcome", "invalid").containsEntry("action", "none");
	}

	@Test
	void aRateLimitedUpdateEndsRateLimitedAtIntake() {
		ReceivedUpdate first = stored(5, Updates.message(45, "/analysis"));
		ReceivedUpdate second = stored(6, Updates.callback(45, "again"));

		StepVerifier.create(Flux.just(first, second).transform(intake(1, new AccessLog(true))))
			.expectNextCount(1)
			.verifyComplete();

		assertThat(logs.events()).hasSize(1);
		assertThat(fieldsOf(6)).containsEntry("type", "callback_query")
			.containsEntry("action", "none")
			.containsEntry("outcome", "rate_limited")
			.containsEntry("upstream_calls", 0);
		assertThat(lineOf(6).getMDCPropertyMap()).containsEntry("user_id", "45");
	}

	@Test
	void anUpdateTheFullBufferRejectsEndsRejected() {
		Intake intake = intake(10, new AccessLog(true));
		UpdateContext overflowing = new UpdateContext(stored(7, Updates.message(45, "/analysis")), outbound);

		intake.reject(overflowing);

		assertThat(fieldsOf(7)).containsEntry("outcome", "rejected").containsEntry("action", "none");
	}

	@Test
	void unreadableUnsupportedAndOversizedUpdatesEndInvalidAtIntake() {
		ReceivedUpdate unreadable = ReceivedUpdate.parse(8, "{\"update_id\":8,\"message\":{\"message_id\":\"x\"}}");
		ReceivedUpdate unsupported = stored(9, channelPost());
		ReceivedUpdate oversized = stored(10, Updates.message(45, "a".repeat(4097)));

		StepVerifier.create(Flux.just(unreadable, unsupported, oversized).transform(intake(10, new AccessLog(true))))
			.verifyComplete();

		assertThat(fieldsOf(8)).containsEntry("type", "unreadable").containsEntry("outcome", "invalid");
		assertThat(fieldsOf(9)).containsEntry("type", "unsupported").containsEntry("outcome", "invalid");
		assertThat(fieldsOf(10)).containsEntry("type", "message").containsEntry("outcome", "invalid");
		assertThat(lineOf(10).getMDCPropertyMap()).containsEntry("user_id", "45");
	}

	@Test
	void aReplayedUpdateEndsWithOneLineLikeAnyOther() {
		ReceivedUpdate replayed = stored(11, Updates.message(45, "/analysis"));
		AccessLog access = new AccessLog(true);
		Intake intake = intake(10, access);

		StepVerifier.create(Flux.just(replayed).mapNotNull(intake::replayed).transform(dispatcher(access)))
			.expectNextCount(1)
			.verifyComplete();

		assertThat(fieldsOf(11)).containsEntry("outcome", "done").containsEntry("upstream_calls", 2);
	}

	@Test
	void everyUpdateEndsWithExactlyOneLineWhateverItsOutcome() {
		AccessLog access = new AccessLog(true);
		Intake intake = intake(2, access);
		List<ReceivedUpdate> updates = List.of(stored(20, Updates.message(45, "/analysis")),
				stored(21, Updates.message(45, "/boom")), stored(22, Updates.message(45, "/analysis")),
				stored(23, Updates.message(46, "hello")), stored(24, Updates.message(46, "b".repeat(5000))),
				ReceivedUpdate.parse(25, "{\"update_id\":25,\"message\":{\"message_id\":\"x\"}}"));

		StepVerifier.create(Flux.fromIterable(updates).transform(intake).transform(dispatcher(access)))
			.expectNextCount(3)
			.verifyComplete();
		intake.reject(new UpdateContext(stored(26, Updates.message(47, "/analysis")), outbound));

		assertThat(logs.events()).hasSize(7);
		assertThat(logs.events().stream().map(line -> line.getMDCPropertyMap().get("update_id")))
			.containsExactlyInAnyOrder("20", "21", "22", "23", "24", "25", "26");
		assertThat(fieldsOf(22)).containsEntry("outcome", "rate_limited");
	}

	@Test
	void writesNoLineOnAnyPathWhenTurnedOff() {
		AccessLog off = new AccessLog(false);
		Intake intake = intake(1, off);
		List<ReceivedUpdate> updates = List.of(stored(30, Updates.message(45, "/analysis")),
				stored(31, Updates.message(45, "/analysis")), stored(32, Updates.message(46, "/boom")),
				ReceivedUpdate.parse(33, "{\"update_id\":33,\"message\":{\"message_id\":\"x\"}}"));

		StepVerifier.create(Flux.fromIterable(updates).transform(intake).transform(dispatcher(off)))
			.expectNextCount(2)
			.verifyComplete();
		intake.reject(new UpdateContext(stored(34, Updates.message(47, "/analysis")), outbound));

		assertThat(logs.events()).isEmpty();
	}
}
