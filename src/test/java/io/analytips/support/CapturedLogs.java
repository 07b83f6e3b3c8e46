package io.analytips.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * The events one logger (and its children) writes while this is open: a Logback appender that
 * freezes each event as it is appended (its MDC is read lazily otherwise, after the caller may have
 * restored it).
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

	private final Logger logger;

	private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

	private CapturedLogs(String loggerName) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.logger = context.getLogger(loggerName);
		setContext(context);
		setName("captured-" + loggerName);
		start();
		logger.addAppender(this);
	}

	/** Starts capturing what {@code loggerName} writes. */
	public static CapturedLogs of(String loggerName) {
		return new CapturedLogs(loggerName);
	}

	@Override
	protected void append(ILoggingEvent event) {
		event.prepareForDeferredProcessing();
		events.add(event);
	}

	/** The events so far, oldest first. */
	public List<ILoggingEvent> events() {
		return List.copyOf(events);
	}

	/** The formatted messages so far. */
	public List<String> messages() {
		return events.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	/** An event's key-value pairs (SLF4J 2 structured arguments) as a map. */
	public static Map<String, Object> fields(ILoggingEvent event) {
		List<KeyValuePair> pairs = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
		Map<String, Object> fields = new java.util.LinkedHashMap<>();
		pairs.forEach(pair -> fields.put(pair.key, pair.value));
		return fields;
	}

	@Override
	public void close() {
		logger.detachAppender(this);
		stop();
	}
}
