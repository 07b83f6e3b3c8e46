package io.analytips.ops.startup;

import io.analytips.store.DataFolderInUseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;

/**
 * Reports a failed start in one line that names the setting to fix (instead of a stack trace):
 * failed start-up checks, configuration values that do not bind or validate, a port already taken, an embedded
 * database folder another live process uses. Registered in
 * {@code META-INF/spring.factories}; other failures keep Spring Boot's report.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class StartupFailureReporter implements SpringBootExceptionReporter {

	private static final Logger log = LoggerFactory.getLogger("io.analytips.startup");

	@Override
	public boolean reportException(Throwable failure) {
		String line = describe(failure);
		if (line == null) {
			return false;
		}
		log.error(line);
		return true;
	}

	/**
	 * The one-line description of a failure we recognise (a failed start-up check, a setting that does not
	 * bind: {@link InvalidSettings}, a port already taken), or null.
	 */
	public static String describe(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof StartupValidationException || t instanceof StartupCheckFailure
					|| t instanceof DataFolderInUseException) {
				return t.getMessage();
			}
			if (t instanceof BindException bind) {
				return String.join("; ", InvalidSettings.lines(bind));
			}
			if (t instanceof PortInUseException taken) {
				return "SERVER_PORT is invalid: port " + taken.getPort() + " is already in use by another process"
						+ " (set another, or 0 for any free one)";
			}
		}
		return null;
	}
}
