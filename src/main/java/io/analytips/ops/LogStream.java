package io.analytips.ops;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;

/**
 * Log lines as they happen, for operators ({@code GET /admin/logs/stream}): a Logback appender
 * feeding a multicast sink. Each client reads through its own buffer of {@code perClientBuffer}
 * lines; a client that falls that far behind (slow or stalled) is dropped with an error, so memory
 * stays bounded whatever the clients do, and the logging thread never waits for one.
 */
public final class LogStream extends AppenderBase<ILoggingEvent> implements DisposableBean {

	/** One log line, redacted, with the MDC keys operators filter on. */
	public record LogLine(Instant time, String level, String logger, String thread, String message,
			Map<String, String> mdc) {
	}

	private final Sinks.Many<LogLine> sink = Sinks.many().multicast().directBestEffort();

	private final int perClientBuffer;

	private final int maxClients;

	private final AtomicInteger clients = new AtomicInteger();

	private final AtomicInteger dropped = new AtomicInteger();

	public LogStream(int perClientBuffer, int maxClients) {
		this.perClientBuffer = perClientBuffer;
		this.maxClients = maxClients;
		setName("analytips-log-stream");
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		setContext(context);
		start();
		context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this);
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
				Map.copyOf(event.getMDCPropertyMap()));
		// Logging threads are many, a sink takes one emitter at a time: the lock only orders them.
		synchronized (sink) {
			sink.tryEmitNext(line);
		}
	}

	/**
	 * The lines from now on that match the filter (each may be null: level at or above
	 * {@code minLevel}, logger name starting with {@code loggerPrefix}, MDC {@code user_id} equal to
	 * {@code userId}). Errors with {@link TooManyClientsException} beyond {@code maxClients}, and
	 * with {@link ClientTooSlowException} when this client falls a full buffer behind.
	 */
	public Flux<LogLine> lines(String minLevel, String loggerPrefix, String userId) {
		Level threshold = minLevel == null ? Level.TRACE : Level.toLevel(minLevel, null);
		if (threshold == null) {
			return Flux.error(new IllegalArgumentException("level must be one of TRACE, DEBUG, INFO, WARN, ERROR"));
		}
		return Flux.defer(() -> {
			if (clients.incrementAndGet() > maxClients) {
				clients.decrementAndGet();
				return Flux.error(new TooManyClientsException(maxClients));
			}
			// Overflow trips this switch, and the error goes out at once: an error needs no demand,
			// whereas a buffer's own overflow error would wait for the stalled client to drain it.
			Sinks.Empty<Void> tooSlow = Sinks.empty();
			return sink.asFlux()
				.filter(line -> Level.toLevel(line.level()).isGreaterOrEqual(threshold))
				.filter(line -> loggerPrefix == null || line.logger().startsWith(loggerPrefix))
				.filter(line -> userId == null || userId.equals(line.mdc().get("user_id")))
				.onBackpressureBuffer(perClientBuffer, overflow -> {
					if (tooSlow.tryEmitEmpty().isSuccess()) {
						dropped.incrementAndGet();
					}
				}, BufferOverflowStrategy.DROP_LATEST)
				.mergeWith(tooSlow.asMono().then(Mono.error(() -> new ClientTooSlowException(perClientBuffer))))
				.doFinally(signal -> clients.decrementAndGet());
		});
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
		((LoggerContext) getContext()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
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
