package io.analytips.ops;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up checks in virtual time. */
class StartupValidatorTest {

	private static StartupCheck check(String name, String setting, Mono<Void> run) {
		return new StartupCheck() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public String setting() {
				return setting;
			}

			@Override
			public Mono<Void> run() {
				return run;
			}
		};
	}

	@Test
	void passesWhenEveryCheckPasses() {
		StartupValidator validator = new StartupValidator(List.of(check("A", "A_URL", Mono.empty()),
				check("B", "B_URL", Mono.empty())), Duration.ofSeconds(10), 2);
		StepVerifier.create(validator.validate()).verifyComplete();
	}

	@Test
	void runsTheChecksInParallel() {
		StartupValidator validator = new StartupValidator(List.of(
				check("A", "A_URL", Mono.delay(Duration.ofSeconds(5)).then()),
				check("B", "B_URL", Mono.delay(Duration.ofSeconds(5)).then())), Duration.ofSeconds(10), 2);
		StepVerifier.withVirtualTime(validator::validate)
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(5))
			.verifyComplete();
	}

	@Test
	void failsAtOnceOnADefiniteRejectionNamingTheSetting() {
		AtomicInteger attempts = new AtomicInteger();
		StartupValidator validator = new StartupValidator(List.of(check("Telegram", "TELEGRAM_API_URL", Mono.defer(() -> {
			attempts.incrementAndGet();
			return Mono.error(StartupCheckFailure.invalid("TELEGRAM_BOT_TOKEN", "Telegram answered 401 Unauthorized"));
		}))), Duration.ofSeconds(10), 2);
		StepVerifier.create(validator.validate())
			.expectErrorSatisfies(error -> {
				assertThat(error).isInstanceOf(StartupValidationException.class)
					.hasMessage("TELEGRAM_BOT_TOKEN is invalid: Telegram answered 401 Unauthorized");
			})
			.verify();
		assertThat(attempts).hasValue(1);
	}

	@Test
	void retriesAnUnreachableServiceThenReportsIt() {
		AtomicInteger attempts = new AtomicInteger();
		StartupValidator validator = new StartupValidator(List.of(check("PostgreSQL", "DATABASE_URL", Mono.defer(() -> {
			attempts.incrementAndGet();
			return Mono.error(StartupCheckFailure.unreachable("DATABASE_URL", "Connection refused", null));
		}))), Duration.ofSeconds(10), 2);
		StepVerifier.withVirtualTime(validator::validate)
			.thenAwait(Duration.ofSeconds(10))
			.expectErrorMessage("DATABASE_URL is unreachable: Connection refused")
			.verify();
		assertThat(attempts).hasValue(3);
	}

	@Test
	void recoversWhenAServiceAnswersOnARetry() {
		AtomicInteger attempts = new AtomicInteger();
		StartupValidator validator = new StartupValidator(List.of(check("PostgreSQL", "DATABASE_URL", Mono.defer(() ->
				attempts.incrementAndGet() == 1 ? Mono.error(new IllegalStateException("starting up")) : Mono.empty()))),
				Duration.ofSeconds(10), 2);
		StepVerifier.withVirtualTime(validator::validate).thenAwait(Duration.ofSeconds(3)).verifyComplete();
	}

	@Test
	void aCheckThatNeverAnswersTimesOutNamingItsSetting() {
		StartupValidator validator = new StartupValidator(List.of(check("Telegram", "TELEGRAM_API_URL", Mono.never())),
				Duration.ofSeconds(10), 1);
		StepVerifier.withVirtualTime(validator::validate)
			.thenAwait(Duration.ofSeconds(30))
			.expectErrorMessage("TELEGRAM_API_URL is unreachable: no answer within 10 s")
			.verify();
	}

	@Test
	void reportsEveryFailureInOneLine() {
		StartupValidator validator = new StartupValidator(List.of(
				check("Telegram", "TELEGRAM_API_URL", Mono.error(StartupCheckFailure.invalid("TELEGRAM_BOT_TOKEN", "it is not set"))),
				check("PostgreSQL", "DATABASE_URL", Mono.error(StartupCheckFailure.invalid("DATABASE_URL", "password authentication failed")))),
				Duration.ofSeconds(10), 2);
		StepVerifier.create(validator.validate())
			.expectErrorSatisfies(error -> assertThat(error.getMessage()).doesNotContain("\n")
				.contains("TELEGRAM_BOT_TOKEN is invalid: it is not set", "DATABASE_URL is invalid: password authentication failed"))
			.verify();
	}
}
