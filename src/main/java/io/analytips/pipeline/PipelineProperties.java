package io.analytips.pipeline;

import java.nio.file.Path;
import java.time.Duration;

import io.analytips.pipeline.intake.UpdateBuffer;
import io.analytips.pipeline.intake.UserRateLimiter;
import io.analytips.pipeline.journal.SendJournal;
import io.analytips.pipeline.journal.SendWindow;
import io.analytips.pipeline.log.AccessLog;
import io.analytips.pipeline.recovery.ParkedUpdates;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Update pipeline settings ({@code analytips.bot.*}; environment names in application.yml).
 *
 * @param rateLimit {@code BOT_RATE_LIMIT}: work (commands, text, analyses) one user may send at once, then
 *        per window, refilled evenly ({@link UserRateLimiter})
 * @param navigationRateLimit {@code BOT_NAVIGATION_RATE_LIMIT}: the same for button presses that only move
 *        between menus answered from memory ({@link Handler#isNavigation})
 * @param rateWindow {@code BOT_RATE_WINDOW}: the window over which both limits refill
 * @param queueCapacity {@code BOT_QUEUE_CAPACITY}: the bounded buffer (with long polling it bounds memory: what
 *        does not fit waits at Telegram; with a webhook, what does not fit is refused with the overload notice)
 * @param concurrency {@code BOT_CONCURRENCY}: updates in the dispatcher at once
 * @param chatBacklog {@code BOT_CHAT_BACKLOG}: updates one chat may hold in the dispatcher (running or waiting
 *        for its turn); beyond it that chat's updates are rejected with the overload notice, so one busy group
 *        cannot take every slot
 * @param handlerTimeout the per-update timeout
 * @param shutdownDrainTimeout {@code SHUTDOWN_DRAIN_TIMEOUT}: how long a stop waits for the buffer and in-flight updates
 * @param overloadNoticeInterval at most one overload notice per user per this interval
 * @param inbox where the inbox lives ({@code memory} only to measure its cost)
 * @param inboxRetention how long finished inbox rows are kept (at least a day: Telegram redelivers for 24 h)
 * @param parkedAfter {@code BOT_PARKED_AFTER}: how old an unfinished inbox row nobody holds must be to be handled
 *        again while the bot runs ({@link ParkedUpdates}); at least 10 s, above the 5 s for which an insert is retried
 * @param logUpdates {@code LOG_UPDATES}: one access-log line per finished update ({@link AccessLog})
 * @param sendWindow how many updates may have their first message on its way, or acknowledged and not yet
 *        recorded, at once: what a crash can answer twice ({@link SendWindow})
 * @param sendJournal the directory of the {@link SendJournal} (keep it with the data: a restart elsewhere
 *        answers at least once)
 * @param maxWait {@code BOT_MAX_WAIT}: how long an update may wait in the buffer for the dispatcher; one that
 *        waited longer gets the overload notice instead of a late answer ({@link UpdateBuffer})
 */
@Validated
@ConfigurationProperties("analytips.bot")
public record PipelineProperties(@Min(1) int rateLimit, @Min(1) int navigationRateLimit, @NotNull Duration rateWindow, @Min(1) int queueCapacity,
		@Min(1) int concurrency, @Min(1) int chatBacklog, @NotNull Duration handlerTimeout, @NotNull Duration shutdownDrainTimeout,
		@NotNull Duration overloadNoticeInterval, @NotNull InboxKind inbox, @NotNull Duration inboxRetention,
		@NotNull Boolean logUpdates, @NotNull Duration parkedAfter, @Min(1) int sendWindow, @NotNull Path sendJournal,
		@NotNull Duration maxWait) {

	/** Where the inbox lives. */
	public enum InboxKind {
		POSTGRES, MEMORY
	}

	public PipelineProperties {
		if (rateWindow != null && (rateWindow.isNegative() || rateWindow.isZero())) {
			throw new IllegalArgumentException("BOT_RATE_WINDOW must be positive");
		}
		if (handlerTimeout != null && (handlerTimeout.isNegative() || handlerTimeout.isZero())) {
			throw new IllegalArgumentException("analytips.bot.handler-timeout must be positive");
		}
		if (shutdownDrainTimeout != null && shutdownDrainTimeout.isNegative()) {
			throw new IllegalArgumentException("SHUTDOWN_DRAIN_TIMEOUT must not be negative");
		}
		if (maxWait != null && (maxWait.isNegative() || maxWait.isZero())) {
			throw new IllegalArgumentException("BOT_MAX_WAIT must be positive");
		}
		if (parkedAfter != null && parkedAfter.compareTo(Duration.ofSeconds(10)) < 0) {
			throw new IllegalArgumentException(
					"BOT_PARKED_AFTER must be at least 10s (an insert is retried for 5 s and may still hand its update over)");
		}
		if (inboxRetention != null && inboxRetention.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException(
					"analytips.bot.inbox-retention must be at least 1 day (Telegram redelivers for 24 h)");
		}
	}

	/** The least buffer and dispatcher slots a bot's share gives it, however many bots share the totals. */
	public static final int MIN_SHARE_QUEUE = 100;

	public static final int MIN_SHARE_CONCURRENCY = 16;

	/**
	 * These settings for one of {@code bots} bots sharing the deployment's totals: {@code BOT_QUEUE_CAPACITY} and
	 * {@code BOT_CONCURRENCY} divided evenly (rounded up; at least {@link #MIN_SHARE_QUEUE} and
	 * {@link #MIN_SHARE_CONCURRENCY}), so that what the process holds stays bounded however many bots it hosts, and
	 * a bot over its share is refused while the others flow. One bot keeps the totals.
	 */
	public PipelineProperties shareOf(int bots) {
		if (bots <= 1) {
			return this;
		}
		return new PipelineProperties(rateLimit, navigationRateLimit, rateWindow, share(queueCapacity, bots, MIN_SHARE_QUEUE),
				share(concurrency, bots, MIN_SHARE_CONCURRENCY), chatBacklog, handlerTimeout, shutdownDrainTimeout,
				overloadNoticeInterval, inbox, inboxRetention, logUpdates, parkedAfter, sendWindow, sendJournal, maxWait);
	}

	/** {@code total} divided among {@code parts}, rounded up, at least {@code least} (and at most {@code total}). */
	public static int share(int total, int parts, int least) {
		return Math.min(total, Math.max(least, (total + parts - 1) / parts));
	}
}
