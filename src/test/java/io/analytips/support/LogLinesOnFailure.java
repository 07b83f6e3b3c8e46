package io.analytips.support;

import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Puts a failing test's log lines into its failure, as a suppressed exception, so that the console
 * (which keeps no test output: see {@code redirectTestOutputToFile} in the pom) shows them under the
 * assertion message. Lines come from {@link RecentLogLines}: those since the test class, or the
 * previous test, ended. Registered for every test class through {@code junit-platform.properties}.
 */
public final class LogLinesOnFailure implements BeforeAllCallback, AfterEachCallback, TestExecutionExceptionHandler,
		LifecycleMethodExecutionExceptionHandler {

	@Override
	public void beforeAll(ExtensionContext context) {
		RecentLogLines.clear();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		RecentLogLines.clear();
	}

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		throw withLogLines(context, failure);
	}

	@Override
	public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		throw withLogLines(context, failure);
	}

	@Override
	public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		throw withLogLines(context, failure);
	}

	@Override
	public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		throw withLogLines(context, failure);
	}

	@Override
	public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		throw withLogLines(context, failure);
	}

	private static Throwable withLogLines(ExtensionContext context, Throwable failure) {
		List<String> lines = RecentLogLines.kept();
		if (!lines.isEmpty()) {
			String where = context.getRequiredTestClass().getName();
			StringBuilder text = new StringBuilder().append(lines.size()).append(" log lines of this test");
			if (RecentLogLines.dropped() > 0) {
				text.append(", after ").append(RecentLogLines.dropped()).append(" earlier ones");
			}
			text.append(" (all of them: target/*-reports/").append(where).append("-output.txt):\n");
			lines.forEach(text::append);
			failure.addSuppressed(new LogLines(text.toString().stripTrailing()));
		}
		return failure;
	}

	/** Not an error of its own: the carrier of a failing test's log lines. */
	static final class LogLines extends RuntimeException {

		private static final long serialVersionUID = 1L;

		LogLines(String lines) {
			super(lines, null, false, false);
		}
	}
}
