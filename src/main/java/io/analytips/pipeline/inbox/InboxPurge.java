package io.analytips.pipeline.inbox;

import java.time.Duration;
import java.util.function.Function;

import io.analytips.common.Periodic;
import io.analytips.pipeline.Inbox;
import io.analytips.replica.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Deletes the inbox's finished rows once they are older than {@code analytips.bot.inbox-retention}: kept that long
 * so that a redelivery (Telegram tries for 24 h) finds its row and is not handled again.
 */
public final class InboxPurge {

	private static final Logger log = LoggerFactory.getLogger(InboxPurge.class);

	/** How often a round runs, the first an hour after the start. */
	static final Duration EVERY = Duration.ofHours(1);

	private final Function<Duration, Mono<Long>> purge;

	private final Duration retention;

	InboxPurge(Inbox inbox, Duration retention) {
		this(inbox::purgeFinishedOlderThan, retention);
	}

	/** @param purge deletes the finished rows older than the age it is given (every bot's), emitting how many */
	public InboxPurge(Function<Duration, Mono<Long>> purge, Duration retention) {
		this.purge = purge;
		this.retention = retention;
	}

	/** One round; emits the rows deleted. Never errors: a failure is logged and counts as none deleted. */
	Mono<Long> round() {
		return purge.apply(retention)
			.doOnNext(purged -> log.debug("Purged {} finished inbox rows", purged))
			.onErrorResume(error -> {
				log.warn("Could not purge finished inbox rows (next round will try again): {}", error.toString());
				return Mono.just(0L);
			});
	}

	/** The rounds every {@link #EVERY} on {@code scheduler}, by the replica that leads (one at a time for the deployment). */
	public Periodic schedule(Scheduler scheduler, Leadership leadership) {
		return new Periodic(EVERY, EVERY, scheduler, leadership.whileLeading(this::round));
	}
}
