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
 * Every write is one statement per batch ({@code unnest} over arrays). Telegram numbers updates per bot, so a row is
 * keyed by its bot (Telegram's id of the bot, the number before the colon of its token) and its update id: what a
 * method reads or writes of one bot's updates names the bot first. The purge, the backlog and the counts go over
 * every bot's rows.
 */
public class InboxRepository {

	private static final String INSERT = """
			insert into inbox (bot_id, update_id, kind, chat_id, user_id, payload, outcome, detail, finished_at)
			select $8, u.id, u.kind, u.chat_id, u.user_id, u.payload, u.outcome, u.detail,
			       case when u.outcome is null then null else now() end
			from unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[])
			     as u(id, kind, chat_id, user_id, payload, outcome, detail)
			on conflict (bot_id, update_id) do nothing
			returning update_id""";

	/**
	 * The {@code update_id = any($1)} is for the planner, not the result: without it the rows to finish are found by
	 * reading every entry of the bot in {@code inbox_unfinished} (a hash join over the index, which the plan thinks
	 * holds a row or two) and with it by looking each id up. In a burst the index also holds the entries of rows
	 * finished since the last vacuum: 1 176 entries were read for a batch of 17 updates.
	 */
	static final String FINISH = """
			update inbox i set outcome = u.outcome, detail = u.detail, finished_at = now()
			from unnest($1::bigint[], $2::text[], $3::text[]) as u(id, outcome, detail)
			where i.bot_id = $4 and i.update_id = any($1::bigint[]) and i.update_id = u.id and i.outcome is null""";

	private static final String UNFINISHED = """
			select update_id, payload from inbox
			where bot_id = $1 and outcome is null and update_id > $2
			order by update_id limit $3""";

	/**
	 * Only ids, from the partial index of unfinished rows: the caller leaves out those it holds (kept in memory, up to
	 * thousands after an outage, never sent here) and reads the payloads of the rest ({@link #UNFINISHED_AMONG}).
	 */
	private static final String UNFINISHED_IDS = """
			select update_id from inbox where bot_id = $1 and outcome is null
			order by update_id limit $2""";

	/** The same, stored more than an age ago by the database's clock (which also stamped {@code received_at}). */
	private static final String UNFINISHED_IDS_OLDER_THAN = """
			select update_id from inbox
			where bot_id = $1 and outcome is null and received_at < now() - make_interval(secs => $2)
			order by update_id limit $3""";

	private static final String UNFINISHED_AMONG = """
			select update_id, payload from inbox
			where bot_id = $1 and update_id = any($2::bigint[]) and outcome is null
			order by update_id""";

	private final DatabaseClient db;

	public InboxRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Inserts the rows of {@code bot} not already present; emits the ids actually inserted. */
	public Mono<Set<Long>> insertNew(long bot, List<InboxRow> rows) {
		if (rows.isEmpty()) {
			return Mono.just(Set.of());
		}
		return Columns.bind(db.sql(INSERT).bind(7, bot), rows, longs(InboxRow::updateId), texts(InboxRow::kind),
				longs(InboxRow::chatId), longs(InboxRow::userId), texts(InboxRow::payload), texts(InboxRow::outcome),
				texts(InboxRow::detail))
			.map(row -> row.get(0, Long.class))
			.all()
			.collect(HashSet<Long>::new, Set::add)
			.map(Set::copyOf);
	}

	/**
	 * Records outcomes of {@code bot}'s updates; an update that already has one keeps it. Emits the number of rows
	 * changed.
	 */
	public Mono<Long> finish(long bot, List<InboxFinish> finishes) {
		if (finishes.isEmpty()) {
			return Mono.just(0L);
		}
		return Columns.bind(db.sql(FINISH).bind(3, bot), finishes, longs(InboxFinish::updateId), texts(InboxFinish::outcome),
				texts(InboxFinish::detail))
			.fetch()
			.rowsUpdated();
	}

	/** {@code bot}'s updates without an outcome, oldest first, in pages so no connection is held for long. */
	public Flux<StoredUpdate> unfinished(long bot, int pageSize) {
		return page(bot, 0, pageSize).expand(page -> page.size() < pageSize ? Mono.empty()
				: page(bot, page.get(page.size() - 1).updateId(), pageSize))
			.concatMapIterable(page -> page);
	}

	/**
	 * The ids of {@code bot}'s updates without an outcome, oldest first, at most {@code limit}; errors if the read
	 * fails.
	 */
	public Mono<List<Long>> unfinishedIds(long bot, int limit) {
		return db.sql(UNFINISHED_IDS).bind(0, bot).bind(1, limit).map(row -> row.get(0, Long.class)).all().collectList();
	}

	/**
	 * The ids of {@code bot}'s updates without an outcome stored more than {@code age} ago (by the database's clock),
	 * oldest first, at most {@code limit}; errors if the read fails.
	 */
	public Mono<List<Long>> unfinishedIdsOlderThan(long bot, Duration age, int limit) {
		return db.sql(UNFINISHED_IDS_OLDER_THAN)
			.bind(0, bot)
			.bind(1, age.toMillis() / 1000.0)
			.bind(2, limit)
			.map(row -> row.get(0, Long.class))
			.all()
			.collectList();
	}

	/**
	 * Those of {@code bot}'s {@code ids} (a page of what {@link #unfinishedIds} found) still without an outcome, with
	 * their payloads, oldest first; errors if the read fails.
	 */
	public Flux<StoredUpdate> unfinishedAmong(long bot, List<Long> ids) {
		if (ids.isEmpty()) {
			return Flux.empty();
		}
		return db.sql(UNFINISHED_AMONG)
			.bind(0, bot)
			.bind(1, ids.toArray(Long[]::new))
			.map(row -> new StoredUpdate(row.get("update_id", Long.class), row.get("payload", String.class)))
			.all();
	}

	private Mono<List<StoredUpdate>> page(long bot, long afterId, int size) {
		return db.sql(UNFINISHED)
			.bind(0, bot)
			.bind(1, afterId)
			.bind(2, size)
			.map(row -> new StoredUpdate(row.get("update_id", Long.class), row.get("payload", String.class)))
			.all()
			.collectList();
	}

	/** Deletes finished rows older than {@code age}, every bot's; emits how many. Kept long enough to dedup redeliveries. */
	public Mono<Long> purgeFinishedOlderThan(Duration age) {
		return db.sql("delete from inbox where finished_at < now() - make_interval(secs => $1)")
			.bind(0, (double) age.toSeconds())
			.fetch()
			.rowsUpdated();
	}

	/** The highest update id stored (finished or not) for any bot, or 0 when the inbox is empty. */
	public Mono<Long> highestUpdateId() {
		return db.sql("select coalesce(max(update_id), 0) from inbox").map(row -> row.get(0, Long.class)).one();
	}

	/** Updates stored but not finished yet, every bot's: in the buffer, in flight, or waiting for a restart. */
	public Mono<Long> backlog() {
		return db.sql("select count(*) from inbox where outcome is null").map(row -> row.get(0, Long.class)).one();
	}

	/** Rows per outcome ({@code "pending"} for unfinished ones), every bot's, for status pages and tests. */
	public Mono<Map<String, Long>> countByOutcome() {
		return db.sql("select coalesce(outcome, 'pending') as outcome, count(*) as n from inbox group by 1")
			.map(row -> Map.entry(row.get("outcome", String.class), row.get("n", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
	}

	/**
	 * Marks that Telegram acknowledged the first message of each of these updates of {@code bot} (once: the first mark
	 * stays). Emits the number of rows changed.
	 */
	public Mono<Long> markFirstSent(long bot, List<Long> updateIds) {
		if (updateIds.isEmpty()) {
			return Mono.just(0L);
		}
		return db.sql("""
				update inbox set first_sent_at = now()
				where bot_id = $1 and update_id = any($2::bigint[]) and first_sent_at is null""")
			.bind(0, bot)
			.bind(1, updateIds.toArray(Long[]::new))
			.fetch()
			.rowsUpdated();
	}

	/** {@code bot}'s updates without an outcome whose first message was acknowledged ({@link #markFirstSent}). */
	public Mono<Set<Long>> firstSentUnfinished(long bot) {
		return db.sql("select update_id from inbox where bot_id = $1 and outcome is null and first_sent_at is not null")
			.bind(0, bot)
			.map(row -> row.get(0, Long.class))
			.all()
			.collect(HashSet<Long>::new, Set::add)
			.map(Set::copyOf);
	}
}
