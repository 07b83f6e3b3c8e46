package io.analytips.support;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests fail instead of hanging: both defaults are installed for the whole test JVM. */
class TestTimeoutsTest {

	@Test
	void everyStepVerifierWithoutItsOwnDurationHasTheDefaultTimeout() throws ReflectiveOperationException {
		// StepVerifier has no getter for it; the field is where setDefaultTimeout puts it.
		Field field = Class.forName("reactor.test.DefaultStepVerifierBuilder").getDeclaredField("defaultVerifyTimeout");
		field.setAccessible(true);
		assertThat(field.get(null)).isEqualTo(TestTimeouts.STEP_VERIFIER);
	}

	@Test
	void aVerificationThatNeverEndsFailsOnceItsTimeoutPasses() {
		assertThatThrownBy(() -> StepVerifier.create(Mono.never()).expectComplete().verify(Duration.ofMillis(50)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("timed out");
	}

	@Test
	void everyTestAndLifecycleMethodHasJUnitsDefaultTimeout() throws IOException {
		Properties junit = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/junit-platform.properties")) {
			junit.load(in);
		}
		assertThat(junit.getProperty("junit.jupiter.execution.timeout.default")).isEqualTo("5 m");
		assertThat(junit.getProperty("junit.jupiter.execution.timeout.mode")).as("not disabled").isNull();
	}
}
