package io.analytips.ops.health;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import io.analytips.pipeline.UpdatePipeline;
import io.analytips.pipeline.UserTracker;
import io.analytips.telegram.SourceStatus;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * Telegram as the bot sees it (part of readiness): DOWN when the token was rejected (401: nothing
 * recovers without an operator) or while Telegram cannot be reached; with how long ago updates were
 * last received, so a silent intake shows up even while the state still says receiving.
 */
final class TelegramHealthIndicator implements ReactiveHealthIndicator {

	private final UpdatePipeline pipeline;

	private final UserTracker users;

	private final Clock clock;

	TelegramHealthIndicator(UpdatePipeline pipeline, UserTracker users, Clock clock) {
		this.pipeline = pipeline;
		this.users = users;
		this.clock = clock;
	}

	@Override
	public Mono<Health> health() {
		return Mono.fromSupplier(() -> {
			SourceStatus source = pipeline.source().status();
			boolean tokenRejected = users.unauthorizedError() != null || source.state() == SourceStatus.State.FAILED;
			Health.Builder health = tokenRejected || source.state() == SourceStatus.State.RETRYING ? Health.down()
					: Health.up();
			health.withDetail("intake", source.state().name().toLowerCase(Locale.ROOT))
				.withDetail("tokenRejected", tokenRejected);
			if (source.lastSuccess() != null) {
				health.withDetail("lastReceivedSecondsAgo",
						Math.max(0, Duration.between(source.lastSuccess(), clock.instant()).toSeconds()));
			}
			if (source.lastError() != null) {
				health.withDetail("lastError", source.lastError());
			}
			return health.build();
		});
	}
}
