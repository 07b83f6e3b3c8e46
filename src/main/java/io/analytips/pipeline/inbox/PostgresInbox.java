package io.analytips.pipeline.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.analytips.pipeline.Inbox;
import io.analytips.pipeline.Outcome;
import io.analytips.store.BatchWriter;
import io.analytips.store.InboxAnnouncements;
import io.analytips.store.InboxFinish;
import io.analytips.store.InboxRepository;
import io.analytips.store.InboxRow;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.model.Chat;
import io.analytips.telegram.model.User;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The inbox of one bot in PostgreSQL. Inserts and outcomes are group-committed ({@link BatchWriter}): many
 * webhook requests or finished updates share one statement, so the inbox does not cap throughput. Every read and
 * write names its bot (Telegram's id of the bot): the inboxes of the bots of a deployment share the table but never
 * see each other's rows or announcements. The counts and the purge go over every bot's rows.
 */
public class PostgresInbox implements Inbox {

	private static final int MAX_BATCH = 500;

	private static final Duration LINGER = Duration.ofMillis(2);

	private final InboxRepository repository;

	/** Telegram's id of the bot whose updates this inbox keeps. */
	private final long bot;

	private final BatchWriter<InboxRow, Boolean> inserts;

	private final BatchWriter<InboxFinish, Boolean> finishes;

	/** Marks of acknowledged first messages, for a successor's replay; null when no other replica shares the database. */
	private final BatchWriter<Long, Boolean> firstSends;

	private volatile boolean failing;

	/** Null when no other replica shares the database. */
	private final InboxAnnouncements announcements;

	/**
	 * @param storeRetry how long an insert is retried before the source is told it failed (it then
	 * retries by itself, without confirming anything)
	 * @param finishRetry how long an outcome write is retried before it is given up (the update is then replayed at the next start)
	 */
	public PostgresInbox(InboxRepository repository, Duration storeRetry, Duration finishRetry) {
		this(repository, storeRetry, finishRetry, null);
	}

	/** @param announcements how replicas sharing the database tell the leader what they stored; null for none */
	public PostgresInbox(InboxRepository repository, Duration storeRetry, Duration finishRetry,
			InboxAnnouncements announcements) {
		this(repository, storeRetry, finishRetry, announcements, 0);
	}

	/**
	 * @param announcements how replicas sharing the database tell the leader what they stored; null for none
	 * @param bot Telegram's id of the bot whose updates this inbox keeps (0: a deployment that never named one)
	 */
	public PostgresInbox(InboxRepository repository, Duration storeRetry, Duration finishRetry,
			InboxAnnouncements announcements, long bot) {
		if (bot < 0) {
			throw new IllegalArgumentException("a bot's id is not negative: " + bot);
		}
		this.bot = bot;
		this.announcements = announcements;
		this.repository = repository;
		this.inserts = new BatchWriter<>("inbox insert", MAX_BATCH, LINGER, storeRetry, this::insert);
		this.finishes = new BatchWriter<>("inbox outcome", MAX_BATCH, LINGER, finishRetry, this::finishAll);
		this.firstSends = announcements == null ? null
				: new BatchWriter<>("inbox sent mark", MAX_BATCH, LINGER, finishRetry, this::markAll);
	}

	@Override
	public boolean marksFirstSends() {
		return firstSends != null;
	}

	@Override
	public Mono<Void> markFirstSent(long updateId) {
		return firstSends == null ? Mono.empty() : firstSends.submit(updateId).then();
	}

	@Override
	public Mono<Set<Long>> firstSentUnfinished() {
		return firstSends == null ? Mono.just(Set.of()) : repository.firstSentUnfinished(bot);
	}

	@Override
	public Mono<List<ReceivedUpdate>> storeNew(List<ReceivedUpdate> batch) {
		// All or none into the group commit: when it is full, a batch half accepted would leave rows
		// that the source's retry then takes for redeliveries.
		return inserts.submitAll(batch.stream().map(PostgresInbox::row).toList())
			.map(isNew -> {
				List<ReceivedUpdate> fresh = new ArrayList<>(batch.size());
				for (int i = 0; i < batch.size(); i++) {
					if (isNew.get(i)) {
						fresh.add(batch.get(i));
					}
				}
				return fresh;
			})
			.doOnSuccess(ok -> failing = false)
			.doOnError(error -> failing = true);
	}

	@Override
	public Mono<Void> announceStored() {
		return announcements == null ? Mono.empty() : announcements.announce(bot);
	}

	/** The announcements of this bot's stored updates (never another bot's), as {@link Inbox#announced()}. */
	@Override
	public Flux<?> announced() {
		return announcements == null ? Flux.never() : announcements.heard(bot);
	}

	@Override
	public Mono<Void> finish(long updateId, Outcome outcome, String detail) {
		return finishes.submit(new InboxFinish(updateId, outcome.code(), shorten(detail)))
			.doOnSuccess(ok -> failing = false)
			.doOnError(error -> failing = true)
			.then();
	}

	@Override
	public Flux<ReceivedUpdate> unfinished() {
		return repository.unfinished(bot, MAX_BATCH).map(stored -> ReceivedUpdate.parse(stored.updateId(), stored.payload()));
	}

	@Override
	public Flux<ReceivedUpdate> unfinishedOlderThan(Duration age, Collection<Long> except, int limit) {
		return notHeld(repository.unfinishedIdsOlderThan(bot, age, enough(except, limit)), except, limit);
	}

	@Override
	public Flux<ReceivedUpdate> unfinishedExcept(Collection<Long> except, int limit) {
		return notHeld(repository.unfinishedIds(bot, enough(except, limit)), except, limit);
	}

	/** Ids enough to hold {@code limit} that are not {@code except}, if there are so many unfinished rows. */
	private static int enough(Collection<Long> except, int limit) {
		return (int) Math.min(Integer.MAX_VALUE, (long) except.size() + limit);
	}

	/**
	 * Leaves out here, not in the query, the ids this process holds (thousands after an outage, read every quarter
	 * second in hand-over mode): the database is sent one number, and then at most {@code limit} ids whose rows to read.
	 */
	private Flux<ReceivedUpdate> notHeld(Mono<List<Long>> unfinishedIds, Collection<Long> except, int limit) {
		Set<Long> held = except instanceof Set<Long> set ? set : new HashSet<>(except);
		return unfinishedIds.map(ids -> ids.stream().filter(id -> !held.contains(id)).limit(limit).toList())
			.flatMapMany(ids -> repository.unfinishedAmong(bot, ids))
			.map(stored -> ReceivedUpdate.parse(stored.updateId(), stored.payload()));
	}

	@Override
	public Mono<Map<String, Long>> counts() {
		return repository.countByOutcome();
	}

	@Override
	public Mono<Long> purgeFinishedOlderThan(Duration age) {
		return repository.purgeFinishedOlderThan(age);
	}

	@Override
	public Mono<Void> close() {
		return Mono.when(inserts.close(), finishes.close(), firstSends == null ? Mono.empty() : firstSends.close());
	}

	@Override
	public boolean isFailing() {
		return failing;
	}

	/** One statement for the batch; only the first row of an id seen twice in a batch counts as new. */
	private Mono<List<Boolean>> insert(List<InboxRow> rows) {
		return repository.insertNew(bot, rows).map(inserted -> {
			Set<Long> unclaimed = new HashSet<>(inserted);
			List<Boolean> results = new ArrayList<>(rows.size());
			rows.forEach(row -> results.add(unclaimed.remove(row.updateId())));
			return results;
		});
	}

	private Mono<List<Boolean>> markAll(List<Long> updateIds) {
		return repository.markFirstSent(bot, updateIds).map(changed -> updateIds.stream().map(id -> Boolean.TRUE).toList());
	}

	private Mono<List<Boolean>> finishAll(List<InboxFinish> rows) {
		return repository.finish(bot, rows).map(changed -> rows.stream().map(row -> Boolean.TRUE).toList());
	}

	static InboxRow row(ReceivedUpdate received) {
		if (!received.isValid()) {
			return new InboxRow(received.updateId(), "invalid", null, null, received.json(), Outcome.INVALID.code(),
					shorten(received.problem()));
		}
		Chat chat = received.update().chat();
		User user = received.update().user();
		return new InboxRow(received.updateId(), received.update().kind(), chat == null ? null : chat.id(),
				user == null ? null : user.id(), received.json(), null, null);
	}

	private static String shorten(String detail) {
		return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
	}
}
