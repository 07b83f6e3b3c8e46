package io.analytips.ops.metrics;

import java.time.Duration;

import io.analytips.football.api.ApiFootballCalls;
import io.analytips.telegram.TelegramCalls;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Calls to the two upstreams as Micrometer counters: {@code analytips.telegram.calls{method,status}}
 * with the {@code retry_after} seconds Telegram imposed ({@code analytips.telegram.retry.after}),
 * and {@code analytips.football.calls{endpoint,outcome}} with {@code analytips.football.retries}.
 * Tags come from fixed sets (ten methods, a few statuses, a dozen endpoints), so cardinality stays low.
 */
final class CallMetrics implements TelegramCalls, ApiFootballCalls {

	private final MeterRegistry registry;

	/** Made on first use: the instance that counts API-Football's calls registers no Telegram meter. */
	private volatile Counter retryAfter;

	private volatile Timer leaseToWire;

	/** Looked up once per method and status (both from fixed sets), not built for every call. */
	private final java.util.Map<String, Counter> telegramCalls = new java.util.concurrent.ConcurrentHashMap<>();

	/** API-Football's calls; no Telegram meter is registered until a Telegram call is counted. */
	CallMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * One bot's Telegram calls, its meters registered at once (a series that exists before its first 429 reads as 0,
	 * not as missing).
	 *
	 * @param registry the bot's registry, which tags them {@code bot}
	 */
	static CallMetrics forBot(MeterRegistry registry) {
		CallMetrics metrics = new CallMetrics(registry);
		metrics.retryAfter();
		metrics.leaseToWire();
		return metrics;
	}

	@Override
	public void leaseToWire(Duration sinceCheck) {
		leaseToWire().record(sinceCheck);
	}

	private Timer leaseToWire() {
		Timer timer = leaseToWire;
		if (timer == null) {
			timer = Timer.builder("analytips.outbound.lease.to.wire")
				.description("From a message's last lease check to its request written: the window a lapsed lease can still send in")
				.publishPercentiles(0.5, 0.99)
				.register(registry);
			leaseToWire = timer;
		}
		return timer;
	}

	private Counter retryAfter() {
		Counter counter = retryAfter;
		if (counter == null) {
			counter = Counter.builder("analytips.telegram.retry.after")
				.description("Seconds Telegram asked the bot to wait (429 retry_after)")
				.baseUnit("seconds")
				.register(registry);
			retryAfter = counter;
		}
		return counter;
	}

	@Override
	public void ended(String method, String status, Duration wait) {
		telegramCalls.computeIfAbsent(method + '/' + status, key -> Counter.builder("analytips.telegram.calls")
			.description("Bot API calls by method and status")
			.tag("method", method)
			.tag("status", status)
			.register(registry)).increment();
		if (wait != null) {
			retryAfter().increment(wait.toSeconds());
		}
	}

	@Override
	public void ended(String endpoint, String outcome) {
		Counter.builder("analytips.football.calls").description("API-Football reads by endpoint and outcome (after retries)")
			.tag("endpoint", endpoint).tag("outcome", outcome).register(registry).increment();
	}

	@Override
	public void retried(String endpoint) {
		Counter.builder("analytips.football.retries").description("API-Football attempts retried after a transient failure")
			.tag("endpoint", endpoint).register(registry).increment();
	}
}
