package io.analytips.ops.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;

import org.springframework.beans.factory.DisposableBean;

/**
 * The last log lines in memory, for the admin's {@code /getlog}: a Logback appender on the root
 * logger keeping a bounded, lock-free ring of formatted lines. Never blocks the thread that logs.
 */
public final class LogBuffer extends AppenderBase<ILoggingEvent> implements DisposableBean {

	private final int capacity;

	private final ConcurrentLinkedDeque<String> lines = new ConcurrentLinkedDeque<>();

	private final AtomicInteger size = new AtomicInteger();

	public LogBuffer(int capacity) {
		this.capacity = capacity;
		RootAppenders.attach(this, "analytips-log-buffer");
	}

	@Override
	protected void append(ILoggingEvent event) {
		StringBuilder line = new StringBuilder(160).append(Instant.ofEpochMilli(event.getTimeStamp()))
			.append(' ')
			.append(event.getLevel())
			.append(" [")
			.append(event.getThreadName())
			.append("] ")
			.append(event.getLoggerName())
			.append(" - ")
			.append(TokenRedaction.redact(event.getFormattedMessage()));
		if (event.getThrowableProxy() != null) {
			line.append(System.lineSeparator())
				.append(TokenRedaction.redact(ThrowableProxyUtil.asString(event.getThrowableProxy())));
		}
		lines.addLast(line.toString());
		if (size.incrementAndGet() > capacity) {
			lines.pollFirst();
			size.decrementAndGet();
		}
	}

	/** The most recent lines, oldest first. */
	public List<String> recent(int count) {
		List<String> all = new ArrayList<>(lines);
		return all.subList(Math.max(0, all.size() - count), all.size());
	}

	@Override
	public void destroy() {
		RootAppenders.detach(this);
		stop();
	}
}
