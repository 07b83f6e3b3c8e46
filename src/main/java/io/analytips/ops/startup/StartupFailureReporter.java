package io.analytips.ops.startup;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Reports a failed start in one line that names the setting to fix (instead of a stack trace):
 * failed start-up checks, and configuration values that do not bind or validate. Registered in
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

	/** The one-line description of a failure we recognise, or null. */
	static String describe(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof StartupValidationException || t instanceof StartupCheckFailure) {
				return t.getMessage();
			}
			if (t instanceof BindException bind) {
				return describe(bind);
			}
		}
		return null;
	}

	private static String describe(BindException bind) {
		String name = bind.getName().toString();
		String setting = Settings.environmentName(name);
		Throwable cause = bind.getCause();
		if (cause instanceof BindValidationException validation && !validation.getValidationErrors().getAllErrors().isEmpty()) {
			ObjectError error = validation.getValidationErrors().getAllErrors().get(0);
			if (error instanceof FieldError field) {
				String property = name + "." + toKebab(field.getField());
				return Settings.environmentName(property) + " is invalid: " + field.getDefaultMessage()
						+ " (was " + field.getRejectedValue() + ")";
			}
			return setting + " is invalid: " + error.getDefaultMessage();
		}
		Throwable root = cause;
		while (root != null && root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String why = root == null ? bind.getMessage() : root.getMessage();
		if (why != null && why.matches("^[A-Z][A-Z_]+ .*")) {
			return why; // our own checks already name the variable
		}
		return setting + " is invalid: " + why;
	}

	private static String toKebab(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}
}
