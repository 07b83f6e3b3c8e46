package io.analytips.ops.startup;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Runs every {@link StartupCheck} in parallel. Each attempt has {@code attemptTimeout}; an unreachable
 * service is retried {@code retries} times with backoff (1 s, 2 s, … with 10% jitter); and the checks
 * together have {@code total} from the start of validation, retries included, after which each check still
 * failing is reported as unreachable with its setting and its last error. So a start against hosts that
 * never answer gives up after {@code total} and names every one of them. Emits nothing and completes when all pass; errors with one
 * {@link StartupValidationException} listing every failure otherwise.
 */
public final class StartupValidator {

	private static final Logger log = LoggerFactory.getLogger(StartupValidator.class);

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	private final List<StartupCheck> checks;

	private final Duration attemptTimeout;

	private final int retries;

	private final Duration total;

	/**
	 * @param attemptTimeout how long one attempt of a check may take
	 * @param retries how many times an unreachable service is tried again
	 * @param total how long a check may take in all, retries and pauses included
	 */
	public StartupValidator(List<StartupCheck> checks, Duration attemptTimeout, int retries, Duration total) {
		this.checks = List.copyOf(checks);
		this.attemptTimeout = attemptTimeout;
		this.retries = retries;
		this.total = total;
	}

	public Mono<Void> validate() {
		return Mono.defer(() -> {
			// One deadline for all the checks, running from now: a check that starts a little later (building its
			// first request loads classes on this thread) must not get a later deadline for it.
			Mono<Long> deadline = Mono.delay(total).cache();
			Disposable started = deadline.subscribe();
			return Flux.fromIterable(checks)
				.flatMap(check -> bounded(check, deadline).then(Mono.<String>empty())
					.onErrorResume(error -> Mono.just(line(error))))
				.collectList()
				.doFinally(signal -> started.dispose())
				.flatMap(failures -> failures.isEmpty() ? Mono.<Void>empty()
						: Mono.error(new StartupValidationException(failures)));
		});
	}

	/**
	 * Several validations at once (the services' and the database's), completing when all do; errors with one
	 * {@link StartupValidationException} listing the failures of all of them, in the order of {@code validations}.
	 */
	public static Mono<Void> all(List<Mono<Void>> validations) {
		return Flux.fromIterable(validations)
			.flatMapSequential(validation -> validation.then(Mono.<List<String>>empty())
				.onErrorResume(StartupValidationException.class, failed -> Mono.just(failed.failures())))
			.flatMapIterable(failures -> failures)
			.collectList()
			.flatMap(failures -> failures.isEmpty() ? Mono.<Void>empty()
					: Mono.error(new StartupValidationException(failures)));
	}

	/** The check's attempts cut off at the deadline, naming the last error seen (per subscription). */
	private Mono<Void> bounded(StartupCheck check, Mono<Long> deadline) {
		return Mono.defer(() -> {
			AtomicReference<Throwable> last = new AtomicReference<>();
			return attempts(check, last).timeout(deadline, Mono.error(() -> gaveUp(check, last.get())));
		});
	}

	private Mono<Void> attempts(StartupCheck check, AtomicReference<Throwable> last) {
		return Mono.defer(check::run)
			.timeout(attemptTimeout)
			.onErrorMap(TimeoutException.class, timeout -> StartupCheckFailure.unreachable(check.setting(),
					"no answer within " + seconds(attemptTimeout), timeout))
			.doOnError(last::set)
			.retryWhen(Retry.backoff(retries, FIRST_BACKOFF)
				.jitter(0.1)
				.filter(error -> !(error instanceof StartupCheckFailure failure && failure.definite()))
				.doBeforeRetry(signal -> log.warn("{} check failed, retrying: {}", check.name(),
						signal.failure().getMessage()))
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()))
			.doOnSuccess(ok -> log.info("{} check passed", check.name()));
	}

	private StartupCheckFailure gaveUp(StartupCheck check, Throwable last) {
		if (last == null) {
			return StartupCheckFailure.unreachable(check.setting(), "no answer within " + seconds(total), null);
		}
		String prefix = check.setting() + " is unreachable: ";
		String why = last.getMessage() != null && last.getMessage().startsWith(prefix)
				? last.getMessage().substring(prefix.length()) : String.valueOf(last.getMessage());
		return StartupCheckFailure.unreachable(check.setting(), "gave up after " + seconds(total) + " (last: " + why + ")",
				last);
	}

	private static String seconds(Duration duration) {
		return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

	private static String line(Throwable error) {
		return error instanceof StartupCheckFailure ? error.getMessage() : "start-up check failed: " + error;
	}
}
