package io.analytips.ops;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Runs every {@link StartupCheck} in parallel, each attempt within {@code attemptTimeout}, retrying
 * an unreachable service a few times with backoff. Emits nothing and completes when all pass;
 * errors with one {@link StartupValidationException} listing every failure otherwise.
 */
public final class StartupValidator {

	private static final Logger log = LoggerFactory.getLogger(StartupValidator.class);

	private final List<StartupCheck> checks;

	private final Duration attemptTimeout;

	private final int retries;

	public StartupValidator(List<StartupCheck> checks, Duration attemptTimeout, int retries) {
		this.checks = List.copyOf(checks);
		this.attemptTimeout = attemptTimeout;
		this.retries = retries;
	}

	public Mono<Void> validate() {
		return Flux.fromIterable(checks)
			.flatMap(check -> attempt(check).then(Mono.<String>empty()).onErrorResume(error -> Mono.just(line(error))))
			.collectList()
			.flatMap(failures -> failures.isEmpty() ? Mono.<Void>empty()
					: Mono.error(new StartupValidationException(failures)));
	}

	private Mono<Void> attempt(StartupCheck check) {
		return Mono.defer(check::run)
			.timeout(attemptTimeout)
			.retryWhen(Retry.backoff(retries, Duration.ofSeconds(1))
				.filter(error -> !(error instanceof StartupCheckFailure failure && failure.definite()))
				.doBeforeRetry(signal -> log.warn("{} check failed, retrying: {}", check.name(),
						signal.failure().getMessage()))
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()))
			.onErrorMap(TimeoutException.class,
					timeout -> StartupCheckFailure.unreachable(check.setting(), "no answer within " + attemptTimeout.toSeconds() + " s", timeout))
			.doOnSuccess(ok -> log.info("{} check passed", check.name()));
	}

	private static String line(Throwable error) {
		return error instanceof StartupCheckFailure ? error.getMessage() : "start-up check failed: " + error;
	}
}
