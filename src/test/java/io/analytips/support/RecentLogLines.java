package io.analytips.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.Layout;

/**
 * The log lines since the running test began, for {@link LogLinesOnFailure} (declared in
 * {@code logback-test.xml}). Bounded: a test that logs more keeps its last {@value #KEPT} lines. The
 * lines live in a static ring because Spring Boot rebuilds the appenders each time it reconfigures
 * logging.
 */
public final class RecentLogLines extends AppenderBase<ILoggingEvent> {

	static final int KEPT = 200;

	private static final Deque<String> lines = new ArrayDeque<>();

	private static int dropped;

	private Layout<ILoggingEvent> layout;

	public void setLayout(Layout<ILoggingEvent> layout) {
		this.layout = layout;
	}

	@Override
	protected void append(ILoggingEvent event) {
		String line = layout == null ? event.getFormattedMessage() : layout.doLayout(event);
		synchronized (lines) {
			lines.addLast(line);
			if (lines.size() > KEPT) {
				lines.removeFirst();
				dropped++;
			}
		}
	}

	/** Forgets the lines so far: a new test begins. */
	static void clear() {
		synchronized (lines) {
			lines.clear();
			dropped = 0;
		}
	}

	/** The lines kept so far, oldest first. */
	static List<String> kept() {
		synchronized (lines) {
			return new ArrayList<>(lines);
		}
	}

	/** How many earlier lines did not fit. */
	static int dropped() {
		synchronized (lines) {
			return dropped;
		}
	}
}
