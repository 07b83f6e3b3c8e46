package io.analytips.ops.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.analytips.football.api.QuotaStatus;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.pipeline.QueueStats;
import io.analytips.pipeline.UpdatePipeline;
import io.analytips.pipeline.UserTracker;
import io.analytips.telegram.SourceStatus;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/** The alerts operators asked for: breaker, queue above 80%, quota below 10%, Telegram 401, database. */
final class AlertRules {

	static final double QUEUE_PERCENT = 80;

	private AlertRules() {
	}

	static List<Alert> standard(ResilientApiFootball api, Supplier<UpdatePipeline> pipeline, UserTracker users,
			DatabaseClient db) {
		return List.of(breaker(api), queue(pipeline), quota(api), telegram(pipeline, users), database(db));
	}

	static Alert breaker(ResilientApiFootball api) {
		CircuitBreaker breaker = api.breaker();
		return new Alert("breaker_open",
				() -> Mono.fromSupplier(() -> breaker.getState() != CircuitBreaker.State.CLOSED
						&& breaker.getState() != CircuitBreaker.State.DISABLED),
				() -> String.format(Locale.ROOT,
						"API-Football circuit breaker %s: %.0f%% of the last %d calls failed; users get cached data or an apology",
						breaker.getState().name().toLowerCase(Locale.ROOT), Math.max(0, breaker.getMetrics().getFailureRate()),
						breaker.getMetrics().getNumberOfBufferedCalls()),
				() -> "API-Football circuit breaker closed again");
	}

	static Alert queue(Supplier<UpdatePipeline> pipeline) {
		return new Alert("queue_high", () -> Mono.fromSupplier(() -> pipeline.get().stats().utilisationPercent() > QUEUE_PERCENT),
				() -> {
					QueueStats queue = pipeline.get().stats();
					return String.format(Locale.ROOT, "Update queue at %.0f%% (%d/%d), %d in flight, %d rejected so far",
							queue.utilisationPercent(), queue.size(), queue.capacity(), queue.inFlight(), queue.rejected());
				},
				() -> String.format(Locale.ROOT, "Update queue back to %.0f%%", pipeline.get().stats().utilisationPercent()));
	}

	static Alert quota(ResilientApiFootball api) {
		return new Alert("quota_low", () -> Mono.fromSupplier(() -> low(api.quota())), () -> {
			QuotaStatus quota = api.quota();
			return "API-Football daily quota below 10%: " + Math.max(0, quota.dailyRemaining()) + "/" + quota.dailyLimit()
					+ " calls left" + (quota.exhaustedUntil() == null ? "" : "; calls stopped until " + quota.exhaustedUntil());
		}, () -> "API-Football quota available again: " + api.quota().dailyRemaining() + "/" + api.quota().dailyLimit());
	}

	private static boolean low(QuotaStatus quota) {
		return quota.exhaustedUntil() != null
				|| (quota.dailyLimit() > 0 && quota.dailyRemaining() >= 0 && quota.dailyRemaining() * 10 < quota.dailyLimit());
	}

	static Alert telegram(Supplier<UpdatePipeline> pipeline, UserTracker users) {
		return new Alert("telegram_unauthorized",
				() -> Mono.fromSupplier(() -> users.unauthorizedError() != null
						|| pipeline.get().source().status().state() == SourceStatus.State.FAILED),
				() -> "Telegram rejected the bot token (401): intake stopped; set a valid TELEGRAM_BOT_TOKEN and restart",
				() -> "Telegram accepts the bot token again");
	}

	static Alert database(DatabaseClient db) {
		String[] lastError = { "" };
		return new Alert("database_unreachable",
				() -> db.sql("select 1").fetch().rowsUpdated().timeout(Duration.ofSeconds(5)).thenReturn(false)
					.onErrorResume(error -> {
						lastError[0] = error.getMessage();
						return Mono.just(true);
					}),
				() -> "PostgreSQL unreachable: " + lastError[0] + "; intake paused, nothing is lost (Telegram keeps updates for 24 h)",
				() -> "PostgreSQL reachable again; intake resumed");
	}
}
