package io.analytips.ops.logs;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import org.slf4j.LoggerFactory;

/** Attaches our in-process appenders (the /getlog buffer, the admin log stream) to Logback's root logger, and detaches them. */
final class RootAppenders {

	private RootAppenders() {
	}

	/** Names and starts {@code appender} and attaches it to the root logger: it sees every line from now on. */
	static void attach(UnsynchronizedAppenderBase<ILoggingEvent> appender, String name) {
		appender.setName(name);
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		appender.setContext(context);
		appender.start();
		context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
	}

	/** Detaches {@code appender} from the root logger of the context it was attached in. */
	static void detach(UnsynchronizedAppenderBase<ILoggingEvent> appender) {
		((LoggerContext) appender.getContext()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
	}
}
