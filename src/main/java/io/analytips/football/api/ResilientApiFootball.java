package io.analytips.football.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.analytips.common.Permits;
import io.analytips.common.UpstreamCalls;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * API-Football behind the whole resilience stack (docs/architecture.md, "Football data"). Per call,
 * outermost first:
 * <ol>
 * <li>the request's deadline ({@link Deadline}; {@link #budget()} from now when the caller set none): the
 * whole call, waits and retries included, ends by then, with the last failure seen or a timeout;</li>
 * <li>the quota guard (spent, or down to the reserve: fail fast until the daily reset), and the background
 * share of the daily quota ({@link QuotaPlanner});</li>
 * <li>{@code Retry.backoff}: transient failures only (5xx, 429 / {@code errors.rateLimit}, timeouts,
 * I/O), waiting about 1, 2, 4, 8 s with up to 10% jitter, 5 attempts at most;</li>
 * <li>a circuit breaker that counts upstream faults; when open, calls fail at once with
 * {@link ApiFootballException.Kind#CIRCUIT_OPEN} and are not retried;</li>
 * <li>a rate limiter at the plan's per-minute limit ({@link MinuteLimit}), waited for only while the
 * deadline allows;</li>
 * <li>a bulkhead bounding calls in flight (further calls wait their turn, see {@link Permits}), also
 * waited for only while the deadline allows;</li>
 * <li>the {@link SendGate} in the context, which may say that nobody wants the answer any more;</li>
 * <li>a response timeout per attempt.</li>
 * </ol>
 * Cancelling a call cancels whatever it is waiting for: a call whose caller has gone is never sent.
 * Each attempt that reaches the transport is counted on the {@link UpstreamCalls} in the
 * subscriber's context, if any (an update's upstream calls, for the access log).
 * Failures are {@link ApiFootballException}s; a 4xx or {@code errors.token} is never retried.
 */
public class ResilientApiFootball {

	private static final Logger log = LoggerFactory.getLogger(ResilientApiFootball.class);

	/** The budget of a call made without a deadline: the default handler timeout (60 s) less its margin. */
	static final Duration DEFAULT_BUDGET = Duration.ofSeconds(45);

	/** What an update's handling keeps for itself after its upstream work: the model, the text, the reply. */
	private static final Duration HANDLER_MARGIN = Duration.ofSeconds(15);

	private final ApiTransport transport;

	private final ApiFootballProperties properties;

	private final Clock clock;

	private final Quota quota;

	private final QuotaPlanner planner;

	private final ApiFootballCalls calls;

	private final Duration budget;

	/** The name of the breaker, limiter and bulkhead (a tag on their metrics). */
	public static final String NAME = "api-football";

	private final CircuitBreakerRegistry breakers;

	private final CircuitBreaker breaker;

	private final MinuteLimit minute;

	/** The bulkhead: calls beyond it wait (without a thread) rather than fail. */
	private final Permits bulkhead;

	/** The longest a call waits for a bulkhead slot, if its deadline is further away. */
	private static final Duration BULKHEAD_WAIT = Duration.ofSeconds(30);

	public ResilientApiFootball(ApiTransport transport, ApiFootballProperties properties, Clock clock) {
		this(transport, properties, clock, ApiFootballCalls.NONE);
	}

	public ResilientApiFootball(ApiTransport transport, ApiFootballProperties properties, Clock clock,
			ApiFootballCalls calls) {
		this(transport, properties, clock, calls, DEFAULT_BUDGET);
	}

	/**
	 * @param budget how long a call may take in all when its caller set no {@link Deadline}; also what
	 *        {@link io.analytips.football.FootballData} gives each request ({@link #budgetWithin})
	 */
	public ResilientApiFootball(ApiTransport transport, ApiFootballProperties properties, Clock clock,
			ApiFootballCalls calls, Duration budget) {
		if (budget.isNegative() || budget.isZero()) {
			throw new IllegalArgumentException("the upstream budget must be positive, not " + budget);
		}
		this.transport = transport;
		this.calls = calls;
		this.properties = properties;
		this.clock = clock;
		this.budget = budget;
		this.quota = new Quota(clock, properties.quotaReserve());
		this.planner = new QuotaPlanner(clock, properties.backgroundQuotaShare());
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
		this.minute = new MinuteLimit(properties.ratePerMinute(), clock);
		this.bulkhead = new Permits(properties.maxConcurrentCalls());
		breaker.getEventPublisher()
			.onStateTransition(event -> log.warn("API-Football circuit breaker: {}", event.getStateTransition()));
	}

	/**
	 * The upstream budget of an update whose handling may take {@code handlerTimeout}: 15 s less (the
	 * model, the text and the reply come after the data), but at least half of it.
	 */
	public static Duration budgetWithin(Duration handlerTimeout) {
		Duration budget = handlerTimeout.minus(HANDLER_MARGIN);
		Duration half = handlerTimeout.dividedBy(2);
		return budget.compareTo(half) < 0 ? half : budget;
	}

	/** How long a request's upstream work may take when its caller set no {@link Deadline}. */
	public Duration budget() {
		return budget;
	}

	/**
	 * Fetches a request. Emits the response envelope (its {@code errors} empty); errors with an
	 * {@link ApiFootballException} once retries are exhausted, the failure is not transient, or the
	 * request's deadline has passed (then with the last failure seen, or a {@code TIMEOUT}).
	 */
	public Mono<JsonNode> fetch(ApiRequest request) {
		return Mono.deferContextual(context -> {
			Instant now = clock.instant();
			Instant deadline = Deadline.of(context).orElseGet(() -> now.plus(budget));
			Duration left = Duration.between(now, deadline);
			if (left.isNegative() || left.isZero()) {
				return Mono.error(outOfTime(request, null));
			}
			boolean background = QuotaPlanner.isBackground(context);
			SendGate gate = SendGate.of(context);
			AtomicReference<Throwable> last = new AtomicReference<>();
			Mono<JsonNode> attempt = Mono.defer(() -> minute.permit(deadline, background)
				.then(bulkhead.run(() -> send(request, background, gate), bulkheadWait(deadline))))
				.onErrorMap(TimeoutException.class, error -> new ApiFootballException(ApiFootballException.Kind.BUSY,
						request.path() + ": " + error.getMessage(), error))
				.transformDeferred(CircuitBreakerOperator.of(breaker))
				.onErrorMap(ResilientApiFootball::classify)
				.doOnError(last::set);
			return Mono.fromRunnable(() -> admit(request, background))
				.then(attempt.retryWhen(retry(request, gate)))
				.timeout(left, Mono.error(() -> outOfTime(request, last.get())));
		})
			.doOnSuccess(envelope -> calls.ended(request.path(), "ok"))
			.doOnError(error -> calls.ended(request.path(), ApiFootballCalls.outcomeOf(error)));
	}

	/** Fails fast while the quota is stopped, or for background work whose share of the day is spent. */
	private void admit(ApiRequest request, boolean background) {
		quota.check();
		if (background && !planner.allowsBackground(quota.status().dailyLimit())) {
			throw new ApiFootballException(ApiFootballException.Kind.BUSY,
					request.path() + ": the background share of today's quota is spent");
		}
	}

	private Retry retry(ApiRequest request, SendGate gate) {
		long retries = Math.max(0, properties.retryAttempts() - 1);
		return Retry.backoff(retries, properties.retryFirstBackoff())
			.maxBackoff(properties.retryFirstBackoff().multipliedBy(8))
			.jitter(0.1)
			.filter(error -> error instanceof ApiFootballException ex && ex.isTransient() && gate.wanted())
			.doBeforeRetry(signal -> {
				calls.retried(request.path());
				log.debug("Retrying {} after {}", request, signal.failure().getMessage());
			})
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	/** The bulkhead wait: 30 s, or less when the deadline is nearer. */
	private Duration bulkheadWait(Instant deadline) {
		Duration left = Duration.between(clock.instant(), deadline);
		Duration wait = left.compareTo(BULKHEAD_WAIT) < 0 ? left : BULKHEAD_WAIT;
		return wait.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : wait;
	}

	/** One attempt, unless nobody wants it any more or it is background work over its share. */
	private Mono<JsonNode> send(ApiRequest request, boolean background, SendGate gate) {
		return Mono.defer(() -> {
			if (!gate.open()) {
				return Mono.error(new ApiFootballException(ApiFootballException.Kind.BUSY,
						request.path() + ": not sent, nobody waits for the answer any more"));
			}
			if (!planner.take(background, quota.status().dailyLimit())) {
				gate.closed();
				return Mono.error(new ApiFootballException(ApiFootballException.Kind.BUSY,
						request.path() + ": the background share of today's quota is spent"));
			}
			return once(request).doFinally(signal -> gate.closed());
		});
	}

	private ApiFootballException outOfTime(ApiRequest request, Throwable last) {
		if (last instanceof ApiFootballException ex) {
			return ex;
		}
		return new ApiFootballException(ApiFootballException.Kind.TIMEOUT,
				request.path() + ": no answer within the request's deadline", last);
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
		return error;
	}

	public QuotaStatus quota() {
		return quota.status();
	}

	public CircuitBreaker breaker() {
		return breaker;
	}

	/** The calls the client-side per-minute limit allows now ({@code API_FOOTBALL_RATE_PER_MINUTE}, this minute's). */
	public long minuteCallsLeft() {
		return minute.available();
	}

	/** The background side of today's quota. */
	public QuotaPlanner.QuotaPlan quotaPlan() {
		return planner.status(quota.status().dailyLimit());
	}

	public Permits bulkhead() {
		return bulkhead;
	}

	/** The registry holding the breaker, for resilience4j-micrometer. */
	public CircuitBreakerRegistry breakerRegistry() {
		return breakers;
	}

}
