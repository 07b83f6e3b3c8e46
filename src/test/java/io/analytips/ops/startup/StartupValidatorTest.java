package io.analytips.ops.startup;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up checks in virtual time, with the budget the application uses: 4 s an attempt, 2 retries, 15 s in all. */
class StartupValidatorTest {

	static StartupCheck check(String name, String setting, Mono<Void> run) {
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

	static StartupValidator validator(StartupCheck... checks) {
		return new StartupValidator(List.of(checks), Duration.ofSeconds(4), 2, Duration.ofSeconds(15));
	}

	@Test
	void passesWhenEveryCheckPasses() {
		StepVerifier.create(validator(check("A", "A_URL", Mono.empty()), check("B", "B_URL", Mono.empty())).validate())
			.verifyComplete();
	}

	@Test
	void runsTheChecksInParallel() {
		StepVerifier.withVirtualTime(() -> validator(check("A", "A_URL", Mono.delay(Duration.ofSeconds(3)).then()),
				check("B", "B_URL", Mono.delay(Duration.ofSeconds(3)).then())).validate())
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(3))
			.verifyComplete();
	}

	@Test
	void failsAtOnceOnADefiniteRejectionNamingTheSetting() {
		AtomicInteger attempts = new AtomicInteger();
		StartupValidator validator = validator(check("Telegram", "TELEGRAM_API_URL", Mono.defer(() -> {
			attempts.incrementAndGet();
			return Mono.error(StartupCheckFailure.invalid("TELEGRAM_BOT_TOKEN", "Telegram answered 401 Unauthorized"));
		})));
		StepVerifier.create(validator.validate())
			.expectErrorSatisfies(error -> {
				assertThat(error).isInstanceOf(StartupValidationException.class)
					.hasMessage("TELEGRAM_BOT_TOKEN is invalid: Telegram answered 401 Unauthorized");
			})
			.verify();
		assertThat(attempts).hasValue(1);
	}

	@Test
	void retriesAnUnreachableServiceTwiceThenReportsIt() {
		AtomicInteger attempts = new AtomicInteger();
		StepVerifier.withVirtualTime(() -> validator(check("PostgreSQL", "DATABASE_URL", Mono.defer(() -> {
			attempts.incrementAndGet();
			return Mono.error(StartupCheckFailure.unreachable("DATABASE_URL", "Connection refused", null));
		}))).validate())
			// pauses of 1 s and 2 s, each at most 10% longer
			.thenAwait(Duration.ofMillis(3300))
			.expectErrorMessage("DATABASE_URL is unreachable: Connection refused")
			.verify();
		assertThat(attempts).hasValue(3);
	}

	@Test
	void retriesAfterOneThenTwoSecondsEachWithinTenPercent() {
		// twenty validations of a service that never answers: 40 gaps show the jitter's spread
		Map<Integer, List<Long>> attempts = new ConcurrentHashMap<>();
		StepVerifier.withVirtualTime(() -> Flux.range(0, 20).flatMap(i -> validator(check("PostgreSQL", "DATABASE_URL",
				Mono.defer(() -> {
					attempts.computeIfAbsent(i, k -> new CopyOnWriteArrayList<>())
						.add(Schedulers.parallel().now(TimeUnit.MILLISECONDS));
					return Mono.error(StartupCheckFailure.unreachable("DATABASE_URL", "Connection refused", null));
				}))).validate().onErrorResume(error -> Mono.empty())))
			.thenAwait(Duration.ofSeconds(15))
			.verifyComplete();
		assertThat(attempts).hasSize(20).allSatisfy((i, times) -> {
			assertThat(times).hasSize(3);
			assertThat(times.get(1) - times.get(0)).isBetween(900L, 1100L);
			assertThat(times.get(2) - times.get(1)).isBetween(1800L, 2200L);
		});
	}

	@Test
	void recoversWhenAServiceAnswersOnARetry() {
		AtomicInteger attempts = new AtomicInteger();
		StepVerifier.withVirtualTime(() -> validator(check("PostgreSQL", "DATABASE_URL", Mono.defer(() ->
				attempts.incrementAndGet() == 1 ? Mono.error(new IllegalStateException("starting up")) : Mono.empty())))
			.validate())
			.thenAwait(Duration.ofSeconds(2))
			.verifyComplete();
	}

	@Test
	void cutsOffEachAttemptThatHangsAfterFourSecondsAndRetries() {
		AtomicInteger attempts = new AtomicInteger();
		StepVerifier.withVirtualTime(() -> validator(check("Telegram", "TELEGRAM_API_URL",
				Mono.defer(() -> {
					attempts.incrementAndGet();
					return Mono.never();
				}))).validate())
			.expectSubscription()
			.then(() -> assertThat(attempts).hasValue(1))
			.thenAwait(Duration.ofSeconds(4))
			// the first pause is 1 to 1.1 s
			.thenAwait(Duration.ofMillis(1100))
			.then(() -> assertThat(attempts).hasValue(2))
			.thenAwait(Duration.ofSeconds(10))
			.expectErrorSatisfies(error -> assertThat(error.getMessage()).startsWith("TELEGRAM_API_URL is unreachable: ")
				.contains("no answer within 4 s"))
			.verify();
		assertThat(attempts).hasValue(3);
	}

	@Test
	void givesUpWithinFifteenSecondsNamingEverySettingThatCannotBeReached() {
		StepVerifier.withVirtualTime(() -> validator(
				check("Telegram", "TELEGRAM_API_URL", Mono.never()),
				check("API-Football", "API_FOOTBALL_URL", Mono.delay(Duration.ofMillis(3900))
					.then(Mono.error(StartupCheckFailure.unreachable("API_FOOTBALL_URL", "connection timed out", null)))),
				check("PostgreSQL", "DATABASE_URL", Mono.delay(Duration.ofSeconds(30)).then()),
				check("Other", "OTHER_URL", Mono.empty())).validate())
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(14))
			.thenAwait(Duration.ofSeconds(1))
			.expectErrorSatisfies(error -> assertThat(error.getMessage().split("; "))
				.hasSize(3)
				.anySatisfy(line -> assertThat(line).startsWith("TELEGRAM_API_URL is unreachable: ").contains("4 s"))
				.anySatisfy(line -> assertThat(line).startsWith("API_FOOTBALL_URL is unreachable: ")
					.contains("connection timed out"))
				.anySatisfy(line -> assertThat(line).startsWith("DATABASE_URL is unreachable: ").contains("4 s")))
			.verify();
	}

	@Test
	void boundsTheWholeCheckEvenWhenItsAttemptsWouldTakeLonger() {
		StepVerifier.withVirtualTime(() -> new StartupValidator(List.of(check("Telegram", "TELEGRAM_API_URL",
				Mono.never())), Duration.ofSeconds(10), 2, Duration.ofSeconds(15)).validate())
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(14_999))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorMessage("TELEGRAM_API_URL is unreachable: gave up after 15 s (last: no answer within 10 s)")
			.verify();
	}

	@Test
	void countsTheFifteenSecondsFromTheStartOfValidationNotOfEachCheck() {
		StepVerifier.withVirtualTime(() -> new StartupValidator(List.of(
				// building this check's request takes a second of the caller's time, as class loading does
				check("Slow to build", "A_URL", Mono.defer(() -> {
					VirtualTimeScheduler.get().advanceTimeBy(Duration.ofSeconds(1));
					return Mono.empty();
				})),
				check("Telegram", "TELEGRAM_API_URL", Mono.never())), Duration.ofSeconds(20), 2, Duration.ofSeconds(15))
			.validate())
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(14))
			.expectErrorMessage("TELEGRAM_API_URL is unreachable: no answer within 15 s")
			// real time: a deadline counted per check would leave the error a virtual second away, forever
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void saysNoAnswerWhenNotEvenTheFirstAttemptEnded() {
		StepVerifier.withVirtualTime(() -> new StartupValidator(List.of(check("PostgreSQL", "DATABASE_URL",
				Mono.never())), Duration.ofSeconds(20), 2, Duration.ofSeconds(15)).validate())
			.thenAwait(Duration.ofSeconds(15))
			.expectErrorMessage("DATABASE_URL is unreachable: no answer within 15 s")
			.verify();
	}

	@Test
	void reportsEveryFailureInOneLine() {
		StartupValidator validator = validator(
				check("Telegram", "TELEGRAM_API_URL", Mono.error(StartupCheckFailure.invalid("TELEGRAM_BOT_TOKEN", "it is not set"))),
				check("PostgreSQL", "DATABASE_URL", Mono.error(StartupCheckFailure.invalid("DATABASE_URL", "password authentication failed"))));
		StepVerifier.create(validator.validate())
			.expectErrorSatisfies(error -> assertThat(error.getMessage()).doesNotContain("\n")
				.contains("TELEGRAM_BOT_TOKEN is invalid: it is not set", "DATABASE_URL is invalid: password authentication failed"))
			.verify();
	}

	@Test
	void runsSeveralValidationsAtOnceAndReportsTheFailuresOfAllInOneLine() {
		Mono<Void> services = validator(check("Telegram", "TELEGRAM_API_URL",
				Mono.delay(Duration.ofSeconds(2)).then(Mono.error(StartupCheckFailure.invalid("TELEGRAM_BOT_TOKEN", "Telegram answered 401 Unauthorized"))))).validate();
		Mono<Void> database = validator(check("PostgreSQL", "DATABASE_URL", Mono.delay(Duration.ofSeconds(2))
			.then(Mono.error(StartupCheckFailure.invalid("DATABASE_URL", "password authentication failed"))))).validate();
		StepVerifier.withVirtualTime(() -> StartupValidator.all(List.of(services, database)))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(2))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(StartupValidationException.class)
				.hasMessage("TELEGRAM_BOT_TOKEN is invalid: Telegram answered 401 Unauthorized; DATABASE_URL is invalid:"
						+ " password authentication failed"))
			.verify();
	}

	@Test
	void completesSeveralValidationsWhenAllPassAndWhenThereAreNone() {
		StepVerifier.create(StartupValidator.all(List.of(validator(check("A", "A_URL", Mono.empty())).validate(),
				validator(check("B", "B_URL", Mono.empty())).validate())))
			.verifyComplete();
		StepVerifier.create(StartupValidator.all(List.of())).verifyComplete();
	}
}
