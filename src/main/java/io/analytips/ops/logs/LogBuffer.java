package io.analytips.ops.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

import org.springframework.beans.factory.DisposableBean;

/**
 * The last log lines in memory, for the admin's {@code /getlog}: a Logback appender on the root
 * logger keeping a bounded ring of the events' parts. Appending takes no lock (Logback's
 * {@link UnsynchronizedAppenderBase}, a lock-free deque and counter) and does no formatting: lines
 * are formatted and redacted only when {@link #recent} asks for them, so the many lines nobody reads
 * cost each logging thread one small record.
 */
public final class LogBuffer extends UnsynchronizedAppenderBase<ILoggingEvent> implements DisposableBean {

	private final int capacity;

	private final ConcurrentLinkedDeque<Entry> entries = new ConcurrentLinkedDeque<>();

	private final AtomicInteger size = new AtomicInteger();

	public LogBuffer(int capacity) {
		this.capacity = capacity;
		RootAppenders.attach(this, "analytips-log-buffer");
	}

	@Override
	protected void append(ILoggingEvent event) {
		// The formatted message is kept (the console's encoder has usually made it already, and the
		// arguments may change after the call); the throwable's proxy is already a snapshot.
		entries.addLast(new Entry(event.getTimeStamp(), event.getLevel(), event.getThreadName(), event.getLoggerName(),
				event.getFormattedMessage(), event.getThrowableProxy()));
		if (size.incrementAndGet() > capacity) {
			entries.pollFirst();
			size.decrementAndGet();
		}
	}

	/** The most recent lines, oldest first, each formatted and with any bot token cut out. */
	public List<String> recent(int count) {
		List<Entry> all = new ArrayList<>(entries);
		List<Entry> last = all.subList(Math.max(0, all.size() - count), all.size());
		List<String> lines = new ArrayList<>(last.size());
		for (Entry entry : last) {
			lines.add(entry.line());
		}
		return lines;
	}

	@Override
	public void destroy() {
		RootAppenders.detach(this);
		stop();
	}

	/** What a line is made of, as the event had it. */
	private record Entry(long millis, Level level, String thread, String logger, String message,
			IThrowableProxy thrown) {

		/** {@code 2026-12-06T21:54:16.123Z INFO [thread] logger - message}, then the stack trace if any. */
		String line() {
			StringBuilder line = new StringBuilder(160).append(Instant.ofEpochMilli(millis))
				.append(' ')
				.append(level)
				.append(" [")
				.append(thread)
				.append("] ")
				.append(logger)
				.append(" - ")
				.append(TokenRedaction.redact(message));
			if (thrown != null) {
				line.append(System.lineSeparator()).append(TokenRedaction.redact(ThrowableProxyUtil.asString(thrown)));
			}
			return line.toString();
		}
	}
}
