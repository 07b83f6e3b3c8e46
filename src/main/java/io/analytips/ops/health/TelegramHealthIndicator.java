package io.analytips.ops.health;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import io.analytips.host.BotHost;
import io.analytips.host.BotState;
import io.analytips.host.HostedBot;
import io.analytips.telegram.SourceStatus;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * Telegram as the bots see it (part of readiness): DOWN when no bot can receive (every token rejected: nothing
 * recovers without an operator; or Telegram cannot be reached). Each bot's state is in {@code bots}; the top-level
 * details are the first bot's, with how long ago it last received updates, so a silent intake shows up even while
 * the state still says receiving.
 */
final class TelegramHealthIndicator implements ReactiveHealthIndicator {

	private final BotHost host;

	private final Clock clock;

	TelegramHealthIndicator(BotHost host, Clock clock) {
		this.host = host;
		this.clock = clock;
	}

	@Override
	public Mono<Health> health() {
		return Mono.fromSupplier(() -> {
			List<HostedBot> bots = host.bots();
			if (bots.isEmpty()) {
				return Health.down().withDetail("intake", "no bot runs").build();
			}
			boolean anyReceiving = bots.stream().anyMatch(bot -> bot.state() == BotState.RUNNING
					&& bot.pipeline().source().status().state() != SourceStatus.State.RETRYING
					&& bot.pipeline().source().status().state() != SourceStatus.State.FAILED);
			HostedBot first = bots.get(0);
			SourceStatus source = first.pipeline().source().status();
			boolean tokenRejected = rejected(first);
			Health.Builder health = anyReceiving ? Health.up() : Health.down();
			health.withDetail("intake", source.state().name().toLowerCase(Locale.ROOT))
				.withDetail("tokenRejected", tokenRejected);
			if (source.lastSuccess() != null) {
				health.withDetail("lastReceivedSecondsAgo",
						Math.max(0, Duration.between(source.lastSuccess(), clock.instant()).toSeconds()));
			}
			if (source.lastError() != null) {
				health.withDetail("lastError", source.lastError());
			}
			Map<String, Object> each = new LinkedHashMap<>();
			for (HostedBot bot : bots) {
				Map<String, Object> one = new LinkedHashMap<>();
				SourceStatus status = bot.pipeline().source().status();
				one.put("state", bot.state().name().toLowerCase(Locale.ROOT));
				one.put("intake", status.state().name().toLowerCase(Locale.ROOT));
				one.put("tokenRejected", rejected(bot));
				if (status.lastSuccess() != null) {
					one.put("lastReceivedSecondsAgo", Math.max(0, Duration.between(status.lastSuccess(), clock.instant()).toSeconds()));
				}
				if (bot.problem() != null) {
					one.put("problem", bot.problem());
				}
				each.put(bot.username(), one);
			}
			return health.withDetail("bots", each).build();
		});
	}

	private static boolean rejected(HostedBot bot) {
		return bot.state() == BotState.UNAUTHORIZED || bot.pipeline().source().status().state() == SourceStatus.State.FAILED;
	}
}
