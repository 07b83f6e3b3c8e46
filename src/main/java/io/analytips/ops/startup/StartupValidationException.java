package io.analytips.ops.startup;

import java.util.List;

/** Start-up checks failed: the process exits with code 1 after logging {@link #getMessage()} as one line. */
public final class StartupValidationException extends RuntimeException {

	public StartupValidationException(List<String> failures) {
		super(String.join("; ", failures), null, false, false);
	}
}
