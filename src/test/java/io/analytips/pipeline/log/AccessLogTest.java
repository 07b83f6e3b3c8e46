package io.analytips.pipeline.log;

import java.util.function.Function;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.UpdateContext;
import io.analytips.support.CapturedLogs;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The access line itself: its message, its MDC ids and its fields, and when there is none. */
class AccessLogTest {

	private final CapturedLogs logs = CapturedLogs.of(AccessLog.LOGGER);

	@AfterEach
	void close() {
		logs.close();
		MDC.clear();
	}

	private static UpdateContext context(long updateId, ObjectNode update) {
		return new UpdateContext(ReceivedUpdate.parse(update.put("update_id", updateId)), null);
	}

	/** An access log whose clock reads {@code millis} after the update's admission. */
	private static AccessLog after(UpdateContext context, long millis) {
		return new AccessLog(true, () -> context.admittedAt() + millis * 1_000_000);
	}

	private static Handler naming(Function<UpdateContext, String> action) {
		return new Handler() {
			@Override
			public boolean supports(UpdateContext context) {
				return true;
			}

			@Override
			public Mono<Void> handle(UpdateContext context) {
				return Mono.empty();
			}

			@Override
			public String action(UpdateContext context) {
				return action.apply(context);
			}
		};
	}

	private ILoggingEvent only() {
		assertThat(logs.events()).hasSize(1);
		return logs.events().get(0);
	}

	@Test
	void writesOneInfoLineWithTheIdsInTheMdcAndTheRestAsFields() {
		UpdateContext start = context(123, Updates.message(45, "/start"));

		after(start, 12).finished(start, naming(context -> "start"), Outcome.DONE, 0);

		ILoggingEvent line = only();
		assertThat(line.getLevel()).isEqualTo(Level.INFO);
		assertThat(line.getLoggerName()).isEqualTo("io.analytips.access");
		assertThat(line.getFormattedMessage())
			.isEqualTo("update 123 message start by user 45 in chat 45: done in 12 ms, 0 upstream calls");
		assertThat(line.getMDCPropertyMap()).containsEntry("update_id", "123")
			.containsEntry("chat_id", "45")
			.containsEntry("user_id", "45")
			.as("the handler is named by the line itself: nothing restores the MDC on the logging thread")
			.containsKey("handler");
		assertThat(CapturedLogs.fields(line)).containsExactly(java.util.Map.entry("type", "message"),
				java.util.Map.entry("action", "start"), java.util.Map.entry("outcome", "done"),
				java.util.Map.entry("latency_ms", 12L), java.util.Map.entry("upstream_calls", 0));
	}

	@Test
	void saysHowManyUpstreamCallsTheUpdateCaused() {
		UpdateContext press = context(7, Updates.callback(45, "a:1:full"));
		AccessLog access = after(press, 480);

		access.finished(press, naming(context -> "analysis_full"), Outcome.DONE, 1);
		access.finished(press, naming(context -> "analysis_full"), Outcome.FAILED, 3);

		assertThat(logs.messages()).containsExactly(
				"update 7 callback_query analysis_full by user 45 in chat 45: done in 480 ms, 1 upstream call",
				"update 7 callback_query analysis_full by user 45 in chat 45: failed in 480 ms, 3 upstream calls");
		assertThat(CapturedLogs.fields(logs.events().get(1))).containsEntry("upstream_calls", 3)
			.containsEntry("outcome", "failed");
	}

	@Test
	void namesNoActionForAnUpdateNoHandlerRan() {
		UpdateContext limited = context(8, Updates.callback(45, "x"));

		after(limited, 0).finished(limited, Outcome.RATE_LIMITED);

		assertThat(only().getFormattedMessage())
			.isEqualTo("update 8 callback_query by user 45 in chat 45: rate_limited in 0 ms, 0 upstream calls");
		assertThat(CapturedLogs.fields(only())).containsEntry("action", "none").containsEntry("outcome", "rate_limited");
	}

	@Test
	void describesAnInvalidUpdateByWhatCouldBeReadOfIt() {
		AccessLog access = new AccessLog(true);

		access.invalid(ReceivedUpdate.parse(9, "{\"update_id\":9,\"message\":{\"message_id\":\"not a number\"}}"));
		access.invalid(ReceivedUpdate.parse(10, "{\"update_id\":10,\"channel_post\":{\"message_id\":1}}"));

		assertThat(logs.messages()).containsExactly("update 9 unreadable: invalid in 0 ms, 0 upstream calls",
				"update 10 unsupported: invalid in 0 ms, 0 upstream calls");
		assertThat(logs.events()).allSatisfy(line -> {
			assertThat(line.getMDCPropertyMap()).containsKey("update_id").doesNotContainKeys("chat_id", "user_id");
			assertThat(CapturedLogs.fields(line)).containsEntry("outcome", "invalid").containsEntry("latency_ms", 0L);
		});
		assertThat(CapturedLogs.fields(logs.events().get(0))).containsEntry("type", "unreadable");
	}

	@Test
	void namesTheBotOfEachLineWhenTheDeploymentHostsSeveral() {
		new AccessLog(true, System::nanoTime, "alpha_bot")
			.invalid(ReceivedUpdate.parse(11, "{\"update_id\":11,\"channel_post\":{\"message_id\":1}}"));

		assertThat(only().getMDCPropertyMap()).containsEntry("bot", "alpha_bot").containsEntry("update_id", "11");
		assertThat(org.slf4j.MDC.get("bot")).isNull();
	}

	@Test
	void leavesTheMdcOfTheThreadAsItFoundIt() {
		MDC.put("update_id", "999");
		MDC.put("chat_id", "1");
		MDC.put("handler", "SomeHandler");
		UpdateContext other = context(5, Updates.message(45, "/help"));

		after(other, 1).finished(other, Outcome.REJECTED);

		assertThat(only().getMDCPropertyMap()).containsEntry("update_id", "5").containsEntry("user_id", "45")
			.containsEntry("chat_id", "45");
		assertThat(MDC.get("update_id")).isEqualTo("999");
		assertThat(MDC.get("chat_id")).isEqualTo("1");
		assertThat(MDC.get("handler")).isEqualTo("SomeHandler");
		assertThat(MDC.get("user_id")).isNull();
	}

	@Test
	void stillWritesTheLineWhenTheHandlerCannotNameItsAction() {
		UpdateContext start = context(11, Updates.message(45, "/start"));

		after(start, 3).finished(start, naming(context -> {
			throw new IllegalStateException("no name");
		}), Outcome.FAILED, 0);

		assertThat(CapturedLogs.fields(only())).containsEntry("action", "unknown").containsEntry("outcome", "failed");
	}

	@Test
	void writesNothingWhenTurnedOff() {
		UpdateContext start = context(12, Updates.message(45, "/start"));
		AccessLog off = new AccessLog(false);

		off.finished(start, naming(context -> "start"), Outcome.DONE, 2);
		off.finished(start, Outcome.RATE_LIMITED);
		off.invalid(ReceivedUpdate.parse(13, "{\"update_id\":13}"));

		assertThat(logs.events()).isEmpty();
	}

	@Test
	void writesNothingWhenItsLoggerIsSetAboveInfo() {
		Logger logger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
		Level before = logger.getLevel();
		logger.setLevel(Level.WARN);
		try {
			UpdateContext start = context(14, Updates.message(45, "/start"));
			new AccessLog(true).finished(start, naming(context -> "start"), Outcome.DONE, 0);
			assertThat(logs.events()).isEmpty();
		}
		finally {
			logger.setLevel(before);
		}
	}
}
