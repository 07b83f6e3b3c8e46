package io.analytips.store;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

import static io.analytips.store.Columns.longs;
import static io.analytips.store.Columns.texts;

/**
 * The {@code inbox} table: one row per update ever received, with its outcome once finished.
 * Every write is one statement per batch ({@code unnest} over arrays).
 */
public class InboxRepository {

	private static final String INSERT = """
			insert into inbox (update_id, kind, chat_id, user_id, payload, outcome, detail, finished_at)
			select u.id, u.kind, u.chat_id, u.user_id, u.payload, u.outcome, u.detail,
			       case when u.outcome is null then null else now() end
			from unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[])
			     as u(id, kind, chat_id, user_id, payload, outcome, detail)
			on conflict (update_id) do nothing
			returning update_id""";

	private static final String FINISH = """
			update inbox i set outcome = u.outcome, detail = u.detail, finished_at = now()
			from unnest($1::bigint[], $2::text[], $3::text[]) as u(id, outcome, detail)
			where i.update_id = u.id and i.outcome is null""";

	private static final String UNFINISHED = """
			select update_id, payload from inbox
			where outcome is null and update_id > $1
			order by update_id limit $2""";

	/**
	 * Only ids, from the partial index of unfinished rows: the caller leaves out those it holds (kept in memory, up to
	 * thousands after an outage, never sent here) and reads the payloads of the rest ({@link #UNFINISHED_AMONG}).
	 */
	private static final String UNFINISHED_IDS = """
			select update_id from inbox where outcome is null
			order by update_id limit $1""";

	/** The same, stored more than an age ago by the database's clock (which also stamped {@code received_at}). */
	private static final String UNFINISHED_IDS_OLDER_THAN = """
			select update_id from inbox
			where outcome is null and received_at < now() - make_interval(secs => $1)
			order by update_id limit $2""";

	private static final String UNFINISHED_AMONG = """
			select update_id, payload from inbox
			where update_id = any($1::bigint[]) and outcome is null
			order by update_id""";

	private final DatabaseClient db;

	public InboxRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Inserts the rows not already present; emits the ids actually inserted. */
	public Mono<Set<Long>> insertNew(List<InboxRow> rows) {
		if (rows.isEmpty()) {
			return Mono.just(Set.of());
		}
		return Columns.bind(db.sql(INSERT), rows, longs(InboxRow::updateId), texts(InboxRow::kind),
				longs(InboxRow::chatId), longs(InboxRow::userId), texts(InboxRow::payload), texts(InboxRow::outcome),
				texts(InboxRow::detail))
			.map(row -> row.get(0, Long.class))
			.all()
			.collect(HashSet<Long>::new, Set::add)
			.map(Set::copyOf);
	}

	/** Records outcomes; an update that already has one keeps it. Emits the number of rows changed. */
	public Mono<Long> finish(List<InboxFinish> finishes) {
		if (finishes.isEmpty()) {
			return Mono.just(0L);
		}
		return Columns.bind(db.sql(FINISH), finishes, longs(InboxFinish::updateId), texts(InboxFinish::outcome),
				texts(InboxFinish::detail))
			.fetch()
			.rowsUpdated();
	}

	/** Updates without an outcome, oldest first, in pages so no connection is held for long. */
	public Flux<StoredUpdate> unfinished(int pageSize) {
		return page(0, pageSize).expand(page -> page.size() < pageSize ? Mono.empty()
				: page(page.get(page.size() - 1).updateId(), pageSize))
			.concatMapIterable(page -> page);
	}

	/** The ids of updates without an outcome, oldest first, at most {@code limit}; errors if the read fails. */
	public Mono<List<Long>> unfinishedIds(int limit) {
		return db.sql(UNFINISHED_IDS).bind(0, limit).map(row -> row.get(0, Long.class)).all().collectList();
	}

	/**
	 * The ids of updates without an outcome stored more than {@code age} ago (by the database's clock), oldest first,
	 * at most {@code limit}; errors if the read fails.
	 */
	public Mono<List<Long>> unfinishedIdsOlderThan(Duration age, int limit) {
		return db.sql(UNFINISHED_IDS_OLDER_THAN)
			.bind(0, age.toMillis() / 1000.0)
			.bind(1, limit)
			.map(row -> row.get(0, Long.class))
			.all()
			.collectList();
	}

	/**
	 * Those of {@code ids} (a page of what {@link #unfinishedIds} found) still without an outcome, with their payloads,
	 * oldest first; errors if the read fails.
	 */
	public Flux<StoredUpdate> unfinishedAmong(List<Long> ids) {
		if (ids.isEmpty()) {
			return Flux.empty();
		}
		return db.sql(UNFINISHED_AMONG)
			.bind(0, ids.toArray(Long[]::new))
			.map(row -> new StoredUpdate(row.get("update_id", Long.class), row.get("payload", String.class)))
			.all();
	}

	private Mono<List<StoredUpdate>> page(long afterId, int size) {
		return db.sql(UNFINISHED)
			.bind(0, afterId)
			.bind(1, size)
			.map(row -> new StoredUpdate(row.get("update_id", Long.class), row.get("payload", String.class)))
			.all()
			.collectList();
	}

	/** Deletes finished rows older than {@code age}; emits how many. Kept long enough to dedup redeliveries. */
	public Mono<Long> purgeFinishedOlderThan(Duration age) {
		return db.sql("delete from inbox where finished_at < now() - make_interval(secs => $1)")
			.bind(0, (double) age.toSeconds())
			.fetch()
			.rowsUpdated();
	}

	/** The highest update id stored (finished or not), or 0 when the inbox is empty. */
	public Mono<Long> highestUpdateId() {
		return db.sql("select coalesce(max(update_id), 0) from inbox").map(row -> row.get(0, Long.class)).one();
	}

	/** Updates stored but not finished yet: in the buffer, in flight, or waiting for a restart. */
	public Mono<Long> backlog() {
		return db.sql("select count(*) from inbox where outcome is null").map(row -> row.get(0, Long.class)).one();
	}

	/** Rows per outcome ({@code "pending"} for unfinished ones), for status pages and tests. */
	public Mono<Map<String, Long>> countByOutcome() {
		return db.sql("select coalesce(outcome, 'pending') as outcome, count(*) as n from inbox group by 1")
			.map(row -> Map.entry(row.get("outcome", String.class), row.get("n", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
	}
	/**
	 * Marks that Telegram acknowledged the first message of each of these updates (once: the first mark stays).
	 * Emits the number of rows changed.
	 */
	public Mono<Long> markFirstSent(List<Long> updateIds) {
		if (updateIds.isEmpty()) {
			return Mono.just(0L);
		}
		return db.sql("update inbox set first_sent_at = now() where update_id = any($1::bigint[]) and first_sent_at is null")
			.bind(0, updateIds.toArray(Long[]::new))
			.fetch()
			.rowsUpdated();
	}

	/** The updates without an outcome whose first message was acknowledged ({@link #markFirstSent}). */
	public Mono<Set<Long>> firstSentUnfinished() {
		return db.sql("select update_id from inbox where outcome is null and first_sent_at is not null")
			.map(row -> row.get(0, Long.class))
			.all()
			.collect(HashSet<Long>::new, Set::add)
			.map(Set::copyOf);
	}
}
