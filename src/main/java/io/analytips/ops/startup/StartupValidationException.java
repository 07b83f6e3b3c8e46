package io.analytips.ops.startup;

import java.util.List;

/** Start-up checks failed: the process exits with code 1 after logging {@link #getMessage()} as one line. */
public final class StartupValidationException extends RuntimeException {

	private final List<String> failures;

	public StartupValidationException(List<String> failures) {
		super(String.join("; ", failures), null, false, false);
		this.failures = List.copyOf(failures);
	}

	/** One line per check that failed, naming its setting. */
	public List<String> failures() {
		return failures;
	}
}
