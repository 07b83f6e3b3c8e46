package io.analytips.pipeline.recovery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import io.analytips.pipeline.Inbox;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.SourceStatus;
import io.analytips.telegram.UpdateSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The leader's intake when every replica stores what it receives ({@link UpdateSource#handsOver()}: a webhook
 * behind a load balancer): the stored, unfinished updates this process does not hold, oldest first, read from
 * the inbox each time a replica announces some ({@link Inbox#announced()}) and every {@link #LOOK_EVERY} in any
 * case. Reading in {@code update_id} order keeps a chat's updates in the order they were stored, whichever
 * replica stored them. A look reads at most what the buffer has room for, so a burst waits in the database
 * (durable, answered 200) rather than in memory, as the webhook's own 503s make Telegram wait for a lone bot.
 */
public final class HandedOverUpdates implements UpdateSource {

	private static final Logger log = LoggerFactory.getLogger(HandedOverUpdates.class);

	/** How often to look without an announcement: bounds the wait for one that was lost, or for room. */
	static final Duration LOOK_EVERY = Duration.ofMillis(250);

	/** The most one look reads. */
	static final int PAGE = 256;

	/** The most one page of the replay reads. */
	static final int REPLAY_PAGE = 500;

	private final UpdateSource source;

	private final Inbox inbox;

	private final InFlight inFlight;

	private final IntSupplier room;

	private final Scheduler scheduler;

	private int failuresInARow;

	/**
	 * @param source the replica's own source: registers the webhook, and emits nothing itself
	 * @param room how many more updates the pipeline's buffer takes now
	 */
	public HandedOverUpdates(UpdateSource source, Inbox inbox, InFlight inFlight, IntSupplier room, Scheduler scheduler) {
		this.source = source;
		this.inbox = inbox;
		this.inFlight = inFlight;
		this.room = room;
		this.scheduler = scheduler;
	}

	/** The stored updates nobody here holds yet, as they are announced; never errors but as the source does. */
	@Override
	public Flux<ReceivedUpdate> updates() {
		Flux<Object> looks = Flux.merge(inbox.announced(), Flux.interval(Duration.ZERO, LOOK_EVERY, scheduler));
		return source.updates().mergeWith(looks.onBackpressureLatest().concatMap(signal -> look(), 1));
	}

	/**
	 * What is stored and unfinished at the start, for the replay: a page at a time, each read once the previous
	 * page's updates entered {@link InFlight} (they are left out of the next), so that no page starts after the
	 * last one's highest id. Paging by id would miss a row that another replica committed below that id while the
	 * replay ran, and hand it over after later updates of its chat.
	 */
	public Flux<ReceivedUpdate> unfinished() {
		AtomicInteger lastPage = new AtomicInteger();
		return Mono.defer(() -> inbox.unfinishedExcept(inFlight.ids(), REPLAY_PAGE).collectList())
			.doOnNext(page -> lastPage.set(page.size()))
			.flatMapIterable(page -> page)
			.repeat(() -> lastPage.get() == REPLAY_PAGE);
	}

	/** One read of the inbox; each update it emits enters {@link InFlight} in the pipeline before the next read. */
	private Flux<ReceivedUpdate> look() {
		return Flux.defer(() -> {
			int limit = Math.min(PAGE, room.getAsInt());
			if (limit <= 0) {
				return Flux.empty();
			}
			return inbox.unfinishedExcept(inFlight.ids(), limit)
				.doOnComplete(() -> failuresInARow = 0)
				.onErrorResume(error -> {
					if (failuresInARow++ % 40 == 0) {
						log.warn("Could not read the updates other replicas stored ({} in a row); looking again: {}",
								failuresInARow, error.toString());
					}
					return Mono.empty();
				});
		});
	}

	@Override
	public Mono<Void> confirmReceived() {
		return source.confirmReceived();
	}

	@Override
	public SourceStatus status() {
		return source.status();
	}
}
