package io.analytips.pipeline.log;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.UpdateContext;
import io.analytips.support.CapturedLogs;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Access lines of every shape {@link AccessLog} writes, for tests outside this package (the log
 * encoders'): with and without a handler, a user, a chat or a bot name, for each way an update ends.
 */
public final class AccessLines {

	private AccessLines() {
	}

	/**
	 * The lines the access log of bot {@code bot} ("" for none) writes on a thread named
	 * {@code thread} whose MDC already holds {@code threadMdc}, frozen as an appender receives them.
	 */
	public static List<ILoggingEvent> everyShape(String bot, String thread, Map<String, String> threadMdc)
			throws InterruptedException {
		AtomicReference<List<ILoggingEvent>> lines = new AtomicReference<>();
		AtomicReference<RuntimeException> failed = new AtomicReference<>();
		Thread writer = new Thread(() -> {
			threadMdc.forEach(MDC::put);
			try (CapturedLogs logs = CapturedLogs.of(AccessLog.LOGGER)) {
				write(bot);
				lines.set(logs.events());
			}
			catch (RuntimeException ex) {
				failed.set(ex);
			}
		}, thread);
		writer.start();
		writer.join();
		if (failed.get() != null) {
			throw failed.get();
		}
		return lines.get();
	}

	private static void write(String bot) {
		UpdateContext message = context(123, Updates.message(45, "/start"));
		UpdateContext group = context(124, Updates.message(46, -1001234567890L, "supergroup", "/help@bot", "pt-br"));
		UpdateContext callback = context(125, Updates.callback(47, "menu"));
		UpdateContext inline = context(126, Updates.inlineQuery(48, "flamengo", "en"));
		AccessLog log = new AccessLog(true, () -> message.admittedAt() + 12_345_000_000L, bot);
		log.finished(message, new Named("start"), Outcome.DONE, 0);
		log.finished(group, new Named("help"), Outcome.DONE, 1);
		log.finished(callback, new Named("menu"), Outcome.FAILED, 3);
		log.finished(inline, null, Outcome.DONE, 0);
		log.finished(message, Outcome.RATE_LIMITED);
		log.finished(group, Outcome.REJECTED);
		log.invalid(ReceivedUpdate.parse(9, "{\"update_id\":9,\"message\":{\"message_id\":\"not a number\"}}"));
		log.invalid(ReceivedUpdate.parse(10, "{\"update_id\":10,\"channel_post\":{\"message_id\":1}}"));
		log.invalid(ReceivedUpdate.parse(11, "{\"update_id\":11}"));
	}

	private static UpdateContext context(long updateId, ObjectNode update) {
		return new UpdateContext(ReceivedUpdate.parse(update.put("update_id", updateId)), null);
	}

	/** A handler whose class name ({@code Named}) goes to the MDC's {@code handler}. */
	private static final class Named implements Handler {

		private final String action;

		Named(String action) {
			this.action = action;
		}

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
			return action;
		}
	}
}
