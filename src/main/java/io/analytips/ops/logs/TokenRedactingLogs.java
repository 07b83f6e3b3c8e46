package io.analytips.ops.logs;

import java.util.Iterator;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Once Spring Boot has set up logging, wraps the encoder of every output appender (console, file)
 * in a {@link RedactingEncoder}: from then on no log line, at any level and from any library,
 * carries a bot token. (Registered in {@code META-INF/spring.factories}, so it runs before the
 * context is refreshed and before the first Bot API call.)
 */
public final class TokenRedactingLogs implements ApplicationListener<ApplicationPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		install();
	}

	/** Wraps every output appender's encoder once; safe to call again. */
	static void install() {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return;
		}
		for (Logger logger : context.getLoggerList()) {
			for (Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders(); appenders.hasNext();) {
				if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> output
						&& output.getEncoder() != null && !(output.getEncoder() instanceof RedactingEncoder)) {
					RedactingEncoder redacting = new RedactingEncoder(output.getEncoder());
					redacting.setContext(context);
					redacting.start();
					output.setEncoder(redacting);
				}
			}
		}
	}
}
