package io.analytips.ops.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.analytips.football.api.QuotaStatus;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.pipeline.QueueStats;
import io.analytips.host.BotHost;
import io.analytips.host.BotState;
import io.analytips.host.HostedBot;
import io.analytips.telegram.SourceStatus;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/** The alerts operators asked for: breaker, queue above 80%, quota below 10%, Telegram 401 (per bot), database. */
final class AlertRules {

	static final double QUEUE_PERCENT = 80;

	private AlertRules() {
	}

	static List<Alert> standard(ResilientApiFootball api, Supplier<BotHost> host, DatabaseClient db) {
		return List.of(breaker(api), queue(host), quota(api), telegram(host), database(db));
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

	/** Any bot's buffer above 80%: each bot's is its own, so one bot's flood shows as that bot's. */
	static Alert queue(Supplier<BotHost> host) {
		return new Alert("queue_high", () -> Mono.fromSupplier(() -> !crowded(host).isEmpty()),
				() -> crowded(host).stream().map(bot -> {
					QueueStats queue = bot.pipeline().stats();
					return String.format(Locale.ROOT, "%sUpdate queue at %.0f%% (%d/%d), %d in flight, %d rejected so far",
							host.get().bots().size() > 1 ? "@" + bot.username() + ": " : "", queue.utilisationPercent(),
							queue.size(), queue.capacity(), queue.inFlight(), queue.rejected());
				}).collect(Collectors.joining("\n")),
				() -> "Update queues back under " + (int) QUEUE_PERCENT + "%");
	}

	private static List<HostedBot> crowded(Supplier<BotHost> host) {
		return host.get().bots().stream().filter(bot -> bot.pipeline().stats().utilisationPercent() > QUEUE_PERCENT).toList();
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

	/** A bot whose token Telegram refused (401): that bot stopped alone; the alert names it. */
	static Alert telegram(Supplier<BotHost> host) {
		return new Alert("telegram_unauthorized", () -> Mono.fromSupplier(() -> !refused(host).isEmpty()),
				() -> "Telegram rejected the token (401) of " + refused(host).stream().map(bot -> "@" + bot.username())
					.collect(Collectors.joining(", "))
						+ ": that bot stopped, the others run on; give it a valid token (TELEGRAM_BOT_TOKENS and a restart,"
						+ " or POST /admin/bots)",
				() -> "Telegram accepts every hosted bot's token again");
	}

	private static List<HostedBot> refused(Supplier<BotHost> host) {
		return host.get().bots().stream()
			.filter(bot -> bot.state() == BotState.UNAUTHORIZED
					|| bot.pipeline().source().status().state() == SourceStatus.State.FAILED)
			.toList();
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
