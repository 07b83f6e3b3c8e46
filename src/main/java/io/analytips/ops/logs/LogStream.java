package io.analytips.ops.logs;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.analytips.pipeline.Outcome;
import org.slf4j.event.KeyValuePair;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;

/**
 * Log lines as they happen, for operators ({@code GET /admin/logs/stream}): a Logback appender
 * feeding a multicast sink. Each client reads through its own buffer of {@code perClientBuffer}
 * lines; a client that falls that far behind (slow or stalled) is dropped with an error, so memory
 * stays bounded whatever the clients do, and the logging thread never waits for one. Appending takes
 * no lock while nobody streams (Logback's {@link UnsynchronizedAppenderBase}); while someone does,
 * only the hand-over to the sink is serialised.
 */
public final class LogStream extends UnsynchronizedAppenderBase<ILoggingEvent> implements DisposableBean {

	/**
	 * One log line, redacted, with the MDC keys operators filter on ({@code user_id}, …) and its
	 * structured fields (SLF4J key-value pairs, such as the access line's {@code outcome}).
	 */
	public record LogLine(Instant time, String level, String logger, String thread, String message,
			Map<String, String> mdc, Map<String, Object> fields) {
	}

	/** The outcomes an access line can carry ({@code outcome=} filter). */
	private static final Set<String> OUTCOMES = Arrays.stream(Outcome.values()).map(Outcome::code)
		.collect(Collectors.toUnmodifiableSet());

	private final Sinks.Many<LogLine> sink = Sinks.many().multicast().directBestEffort();

	private final int perClientBuffer;

	private final int maxClients;

	private final AtomicInteger clients = new AtomicInteger();

	private final AtomicInteger dropped = new AtomicInteger();

	public LogStream(int perClientBuffer, int maxClients) {
		this.perClientBuffer = perClientBuffer;
		this.maxClients = maxClients;
		RootAppenders.attach(this, "analytips-log-stream");
	}

	@Override
	protected void append(ILoggingEvent event) {
		if (sink.currentSubscriberCount() == 0) {
			return; // nobody listening: no work on the logging thread
		}
		String message = event.getFormattedMessage();
		if (event.getThrowableProxy() != null) {
			message = message + System.lineSeparator() + ThrowableProxyUtil.asString(event.getThrowableProxy());
		}
		LogLine line = new LogLine(Instant.ofEpochMilli(event.getTimeStamp()), event.getLevel().toString(),
				event.getLoggerName(), event.getThreadName(), TokenRedaction.redact(message),
				Map.copyOf(event.getMDCPropertyMap()), fields(event.getKeyValuePairs()));
		// Logging threads are many, a sink takes one emitter at a time: the lock only orders them.
		synchronized (sink) {
			sink.tryEmitNext(line);
		}
	}

	/** Key-value pairs as plain values (strings redacted, numbers and booleans kept), in order. */
	private static Map<String, Object> fields(List<KeyValuePair> pairs) {
		if (pairs == null || pairs.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		for (KeyValuePair pair : pairs) {
			if (pair.key != null && pair.value != null) {
				fields.put(pair.key, pair.value instanceof Number || pair.value instanceof Boolean ? pair.value
						: TokenRedaction.redact(pair.value.toString()));
			}
		}
		return Collections.unmodifiableMap(fields);
	}

	/**
	 * The lines from now on that match the filter (each may be null: level at or above
	 * {@code minLevel}, logger name starting with {@code loggerPrefix}, MDC {@code user_id} equal to
	 * {@code userId}, field {@code outcome} equal to {@code outcome}: access lines that ended so).
	 * Completes when the stream is closed; errors with an {@link IllegalArgumentException} for an
	 * unknown level or outcome, with {@link TooManyClientsException} beyond {@code maxClients}, and
	 * with {@link ClientTooSlowException} when this client falls a full buffer behind.
	 */
	public Flux<LogLine> lines(String minLevel, String loggerPrefix, String userId, String outcome) {
		return lines(minLevel, loggerPrefix, userId, outcome, null);
	}

	/** As above, keeping only the lines of the bot {@code bot} (MDC {@code bot}, its username, any case) when not null. */
	public Flux<LogLine> lines(String minLevel, String loggerPrefix, String userId, String outcome, String bot) {
		String botName = bot == null ? null : (bot.startsWith("@") ? bot.substring(1) : bot);
		Level threshold = minLevel == null ? Level.TRACE : Level.toLevel(minLevel, null);
		if (threshold == null) {
			return Flux.error(new IllegalArgumentException("level must be one of TRACE, DEBUG, INFO, WARN, ERROR"));
		}
		if (outcome != null && !isOutcome(outcome)) {
			return Flux.error(new IllegalArgumentException("outcome must be one of " + String.join(", ", outcomes())));
		}
		return Flux.defer(() -> {
			if (clients.incrementAndGet() > maxClients) {
				clients.decrementAndGet();
				return Flux.error(new TooManyClientsException(maxClients));
			}
			// Overflow trips this switch, and the error goes out at once: an error needs no demand,
			// whereas a buffer's own overflow error would wait for the stalled client to drain it.
			Sinks.Empty<Void> tooSlow = Sinks.empty();
			// When the stream closes the lines complete, and so does the too-slow side: the client's stream ends.
			Sinks.Empty<Void> closed = Sinks.empty();
			return sink.asFlux()
				.doOnComplete(closed::tryEmitEmpty)
				.filter(line -> Level.toLevel(line.level()).isGreaterOrEqual(threshold))
				.filter(line -> loggerPrefix == null || line.logger().startsWith(loggerPrefix))
				.filter(line -> userId == null || userId.equals(line.mdc().get("user_id")))
				.filter(line -> outcome == null || outcome.equals(line.fields().get("outcome")))
				.filter(line -> botName == null || botName.equalsIgnoreCase(line.mdc().get("bot")))
				.onBackpressureBuffer(perClientBuffer, overflow -> {
					if (tooSlow.tryEmitEmpty().isSuccess()) {
						dropped.incrementAndGet();
					}
				}, BufferOverflowStrategy.DROP_LATEST)
				.mergeWith(Mono.firstWithSignal(
						tooSlow.asMono().then(Mono.<LogLine>error(() -> new ClientTooSlowException(perClientBuffer))),
						closed.asMono().then(Mono.<LogLine>empty())))
				.doFinally(signal -> clients.decrementAndGet());
		});
	}

	/** Whether {@code outcome} is one an update can end with ({@code done}, {@code rate_limited}, …). */
	public static boolean isOutcome(String outcome) {
		return OUTCOMES.contains(outcome);
	}

	/** The outcome codes, in {@link Outcome}'s order. */
	public static List<String> outcomes() {
		return Arrays.stream(Outcome.values()).map(Outcome::code).toList();
	}

	/** Clients streaming now. */
	public int clients() {
		return clients.get();
	}

	/** Clients dropped for falling behind, since start. */
	public int dropped() {
		return dropped.get();
	}

	@Override
	public void destroy() {
		RootAppenders.detach(this);
		stop();
		sink.tryEmitComplete();
	}

	/** More clients than allowed. */
	public static final class TooManyClientsException extends RuntimeException {

		TooManyClientsException(int max) {
			super("at most " + max + " log streams at once");
		}
	}

	/** A client that did not keep up. */
	public static final class ClientTooSlowException extends RuntimeException {

		ClientTooSlowException(int buffer) {
			super("client fell " + buffer + " lines behind and was dropped");
		}
	}
}
