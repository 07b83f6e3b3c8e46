package io.analytips.football.api;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.analytips.common.Permits;
import io.analytips.common.UpstreamCalls;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * API-Football behind the whole resilience stack (DESIGN §4). Per call, outermost first:
 * <ol>
 * <li>the quota guard (spent, or down to the reserve: fail fast until the daily reset);</li>
 * <li>{@code Retry.backoff}: transient failures only (5xx, 429 / {@code errors.rateLimit}, timeouts,
 * I/O), waiting about 1, 2, 4, 8 s with up to 10% jitter, 5 attempts at most;</li>
 * <li>a circuit breaker that counts upstream faults; when open, calls fail at once with
 * {@link ApiFootballException.Kind#CIRCUIT_OPEN} and are not retried;</li>
 * <li>a rate limiter at the plan's per-minute limit;</li>
 * <li>a bulkhead bounding calls in flight (further calls wait their turn, see {@link Permits});</li>
 * <li>a response timeout per attempt.</li>
 * </ol>
 * Each attempt that reaches the transport is counted on the {@link UpstreamCalls} in the
 * subscriber's context, if any (an update's upstream calls, for the access log).
 * Failures are {@link ApiFootballException}s; a 4xx or {@code errors.token} is never retried.
 */
public class ResilientApiFootball {

	private static final Logger log = LoggerFactory.getLogger(ResilientApiFootball.class);

	private final ApiTransport transport;

	private final ApiFootballProperties properties;

	private final Quota quota;

	private final ApiFootballCalls calls;

	/** The name of the breaker, limiter and bulkhead (a tag on their metrics). */
	public static final String NAME = "api-football";

	private final CircuitBreakerRegistry breakers;

	private final RateLimiterRegistry limiters;

	private final CircuitBreaker breaker;

	private final RateLimiter limiter;

	/** The bulkhead: calls beyond it wait (without a thread) rather than fail. */
	private final Permits bulkhead;

	/** The longest a call waits for a bulkhead slot before failing as busy. */
	private static final Duration BULKHEAD_WAIT = Duration.ofSeconds(30);

	public ResilientApiFootball(ApiTransport transport, ApiFootballProperties properties, Clock clock) {
		this(transport, properties, clock, ApiFootballCalls.NONE);
	}

	public ResilientApiFootball(ApiTransport transport, ApiFootballProperties properties, Clock clock,
			ApiFootballCalls calls) {
		this.transport = transport;
		this.calls = calls;
		this.properties = properties;
		this.quota = new Quota(clock, properties.quotaReserve());
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(properties.breakerWindow())
			.minimumNumberOfCalls(properties.breakerMinimumCalls())
			.failureRateThreshold(properties.breakerFailureRatePercent())
			.waitDurationInOpenState(properties.breakerOpenFor())
			.permittedNumberOfCallsInHalfOpenState(1)
			.recordException(error -> error instanceof ApiFootballException ex && ex.isUpstreamFault())
			.clock(clock)
			.build());
		this.breaker = breakers.circuitBreaker(NAME);
		this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
			.limitForPeriod(properties.ratePerMinute())
			.limitRefreshPeriod(Duration.ofMinutes(1))
			.timeoutDuration(Duration.ofSeconds(30))
			.build());
		this.limiter = limiters.rateLimiter(NAME);
		this.bulkhead = new Permits(properties.maxConcurrentCalls());
		breaker.getEventPublisher()
			.onStateTransition(event -> log.warn("API-Football circuit breaker: {}", event.getStateTransition()));
	}

	/**
	 * Fetches a request. Emits the response envelope (its {@code errors} empty); errors with an
	 * {@link ApiFootballException} once retries are exhausted or the failure is not transient.
	 */
	public Mono<JsonNode> fetch(ApiRequest request) {
		Mono<JsonNode> attempt = bulkhead.run(() -> once(request), BULKHEAD_WAIT)
			.onErrorMap(TimeoutException.class, error -> new ApiFootballException(
					ApiFootballException.Kind.BUSY, request.path() + ": " + error.getMessage(), error))
			.transformDeferred(RateLimiterOperator.of(limiter))
			.transformDeferred(CircuitBreakerOperator.of(breaker))
			.onErrorMap(ResilientApiFootball::classify);
		long retries = Math.max(0, properties.retryAttempts() - 1);
		return Mono.fromRunnable(quota::check)
			.then(attempt.retryWhen(Retry.backoff(retries, properties.retryFirstBackoff())
				.maxBackoff(properties.retryFirstBackoff().multipliedBy(8))
				.jitter(0.1)
				.filter(error -> error instanceof ApiFootballException ex && ex.isTransient())
				.doBeforeRetry(signal -> {
					calls.retried(request.path());
					log.debug("Retrying {} after {}", request, signal.failure().getMessage());
				})
				.onRetryExhaustedThrow((spec, signal) -> signal.failure())))
			.doOnSuccess(envelope -> calls.ended(request.path(), "ok"))
			.doOnError(error -> calls.ended(request.path(), ApiFootballCalls.outcomeOf(error)));
	}

	/**
	 * One attempt with the timeout and nothing else: for the start-up check, which has its own
	 * retries and must not be hidden by the breaker.
	 */
	public Mono<JsonNode> probe(ApiRequest request) {
		return once(request);
	}

	/** One request on the wire, counted on the {@link UpstreamCalls} of whoever it is made for. */
	private Mono<JsonNode> once(ApiRequest request) {
		return UpstreamCalls.counted(transport.exchange(request))
			.timeout(properties.timeout(), Mono.error(() -> new ApiFootballException(ApiFootballException.Kind.TIMEOUT,
					request.path() + ": no answer within " + properties.timeout().toMillis() + " ms")))
			.map(response -> {
				quota.record(response);
				try {
					return Envelope.read(response, request);
				}
				catch (ApiFootballException ex) {
					if (ex.kind() == ApiFootballException.Kind.QUOTA_EXHAUSTED) {
						quota.exhausted();
					}
					throw ex;
				}
			});
	}

	private static Throwable classify(Throwable error) {
		if (error instanceof CallNotPermittedException) {
			return new ApiFootballException(ApiFootballException.Kind.CIRCUIT_OPEN,
					"API-Football circuit breaker is open: failing fast", error);
		}
		if (error instanceof RequestNotPermitted) {
			return new ApiFootballException(ApiFootballException.Kind.BUSY, error.getMessage(), error);
		}
		return error;
	}

	public QuotaStatus quota() {
		return quota.status();
	}

	public CircuitBreaker breaker() {
		return breaker;
	}

	public RateLimiter rateLimiter() {
		return limiter;
	}

	public Permits bulkhead() {
		return bulkhead;
	}

	/** The registries holding the breaker, limiter and bulkhead, for resilience4j-micrometer. */
	public CircuitBreakerRegistry breakerRegistry() {
		return breakers;
	}

	public RateLimiterRegistry rateLimiterRegistry() {
		return limiters;
	}

}
