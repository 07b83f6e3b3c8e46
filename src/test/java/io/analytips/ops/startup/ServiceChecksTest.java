package io.analytips.ops.startup;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static io.analytips.ops.startup.StartupValidatorTest.check;
import static io.analytips.ops.startup.StartupValidatorTest.validator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceChecksTest {

	private final AtomicInteger runs = new AtomicInteger();

	private ServiceChecks checks(Mono<Void> telegram) {
		return new ServiceChecks(validator(check("Telegram", "TELEGRAM_API_URL", Mono.defer(() -> {
			runs.incrementAndGet();
			return telegram;
		}))), Duration.ofSeconds(30));
	}

	@Test
	void runsTheChecksBeforeTheDatabaseAndNotAgainInTheSequence() {
		ServiceChecks checks = checks(Mono.empty());
		checks.await();
		StepVerifier.create(checks.validate()).verifyComplete();
		assertThat(runs).hasValue(1);
	}

	@Test
	void stopsTheStartBeforeTheDatabaseNamingTheSetting() {
		ServiceChecks checks = checks(Mono.error(StartupCheckFailure.invalid("TELEGRAM_BOT_TOKEN", "Telegram answered 401 Unauthorized")));
		assertThatThrownBy(checks::await).isInstanceOf(StartupValidationException.class)
			.hasMessage("TELEGRAM_BOT_TOKEN is invalid: Telegram answered 401 Unauthorized");
		StepVerifier.create(checks.validate()).verifyErrorMessage("TELEGRAM_BOT_TOKEN is invalid: Telegram answered 401 Unauthorized");
		assertThat(runs).hasValue(1);
	}

	@Test
	void runsTheChecksInTheSequenceWhenNothingRanThemBefore() {
		ServiceChecks checks = checks(Mono.empty());
		assertThat(runs).hasValue(0);
		StepVerifier.create(checks.validate()).verifyComplete();
		StepVerifier.create(checks.validate()).verifyComplete();
		assertThat(runs).hasValue(1);
	}
}
