package io.analytips.support;

import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.test.StepVerifier;

/**
 * Makes a test that waits for something that never comes fail instead of hanging the build:
 * installs {@link #STEP_VERIFIER} as the default of every {@code StepVerifier.verify()} without a
 * duration. (JUnit's own default, {@code junit.jupiter.execution.timeout.default} in
 * {@code junit-platform.properties}, bounds every test and lifecycle method.) Registered for every
 * test class, unit and process tests alike, through {@code junit-platform.properties}; setting the
 * same static default again is harmless.
 */
public final class TestTimeouts implements BeforeAllCallback {

	/**
	 * Far above any verification that ends (the slowest, against a real database, take a few
	 * seconds) and far below JUnit's default, so a hang reports the StepVerifier's expectations.
	 */
	public static final Duration STEP_VERIFIER = Duration.ofMinutes(1);

	@Override
	public void beforeAll(ExtensionContext context) {
		StepVerifier.setDefaultTimeout(STEP_VERIFIER);
	}
}
