package io.analytips.store;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The {@code follows} and {@code subscribers} tables: what each chat of a bot follows, and how it reads its alerts.
 * Every call has a deadline ({@code analytips.database.call-timeout}) and errors with the database's error.
 */
public class FollowRepository {

	private final DatabaseClient db;

	private final Deadline deadline;

	public FollowRepository(DatabaseClient db, Duration callTimeout) {
		this.db = db;
		this.deadline = new Deadline(callTimeout);
	}

	/**
	 * Writes how the chat reads (language and zone), keeping its alert settings; makes it active again. Completes once
	 * written.
	 */
	public Mono<Void> subscribe(long bot, Subscriber reader, Instant at) {
		return deadline.on(db.sql("""
				insert into subscribers (bot_id, chat_id, language, time_zone, active, updated_at)
				values ($1, $2, $3, $4, true, $5)
				on conflict (bot_id, chat_id) do update set language = excluded.language,
				    time_zone = excluded.time_zone, active = true, updated_at = excluded.updated_at""")
			.bind(0, bot)
			.bind(1, reader.chatId())
			.bind(2, reader.language())
			.bind(3, reader.timeZone())
			.bind(4, utc(at))
			.fetch()
			.rowsUpdated()
			.then());
	}

	/**
	 * Writes how a subscriber reads (language and zone), leaving the rest as it is (a chat that blocked the bot stays
	 * unreachable). Emits whether it was a subscriber.
	 */
	public Mono<Boolean> updateReader(long bot, Subscriber reader, Instant at) {
		return deadline.on(db.sql("""
				update subscribers set language = $3, time_zone = $4, updated_at = $5 where bot_id = $1 and chat_id = $2""")
			.bind(0, bot)
			.bind(1, reader.chatId())
			.bind(2, reader.language())
			.bind(3, reader.timeZone())
			.bind(4, utc(at))
			.fetch()
			.rowsUpdated()
			.map(rows -> rows > 0));
	}

	/** The chat's subscription; empty if it never followed anything. */
	public Mono<Subscriber> subscriber(long bot, long chat) {
		return deadline.on(db.sql("""
				select chat_id, language, time_zone, alert_minutes, digest_hour, active
				from subscribers where bot_id = $1 and chat_id = $2""")
			.bind(0, bot)
			.bind(1, chat)
			.map(FollowRepository::subscriber)
			.one());
	}

	/**
	 * Sets the chat's lead time (null: the default) and digest hour (null: none). Emits whether the chat was a
	 * subscriber (false: nothing was written).
	 */
	public Mono<Boolean> configure(long bot, long chat, Integer alertMinutes, Integer digestHour, Instant at) {
		var spec = db.sql("""
				update subscribers set alert_minutes = $3, digest_hour = $4, updated_at = $5
				where bot_id = $1 and chat_id = $2""")
			.bind(0, bot)
			.bind(1, chat);
		spec = alertMinutes == null ? spec.bindNull(2, Integer.class) : spec.bind(2, alertMinutes);
		spec = digestHour == null ? spec.bindNull(3, Integer.class) : spec.bind(3, digestHour);
		return deadline.on(spec.bind(4, utc(at)).fetch().rowsUpdated().map(rows -> rows > 0));
	}

	/**
	 * Marks the chat as reachable or not (a 403 or a "kicked" membership: the user blocked the bot; a "member" one:
	 * they came back). Emits whether this changed anything (false for a chat already so, or not a subscriber).
	 */
	public Mono<Boolean> setActive(long bot, long chat, boolean active, Instant at) {
		return deadline.on(db.sql("""
				update subscribers set active = $3, updated_at = $4
				where bot_id = $1 and chat_id = $2 and active <> $3""")
			.bind(0, bot)
			.bind(1, chat)
			.bind(2, active)
			.bind(3, utc(at))
			.fetch()
			.rowsUpdated()
			.map(rows -> rows > 0));
	}

	/** Follows {@code target}; emits true if it is new, false if the chat followed it already. */
	public Mono<Boolean> follow(long bot, long chat, Followed target, Instant at) {
		return deadline.on(db.sql("""
				insert into follows (bot_id, chat_id, kind, target_id, name, created_at) values ($1, $2, $3, $4, $5, $6)
				on conflict do nothing""")
			.bind(0, bot)
			.bind(1, chat)
			.bind(2, target.kind().code())
			.bind(3, target.id())
			.bind(4, target.name())
			.bind(5, utc(at))
			.fetch()
			.rowsUpdated()
			.map(rows -> rows > 0));
	}

	/**
	 * Stops following {@code target}, and cancels the chat's pending alerts of fixtures it no longer follows by any
	 * other team or league, in one statement (both or neither). Emits whether it was followed.
	 */
	public Mono<Boolean> unfollow(long bot, long chat, Followed.Kind kind, long target, Instant at) {
		// The statement's parts see the follows as they were before it: the removed one is left out by hand.
		return deadline.on(db.sql("""
				with removed as (
				    delete from follows where bot_id = $1 and chat_id = $2 and kind = $3 and target_id = $4 returning 1),
				cancelled as (
				    update alerts a set state = 'cancelled', finished_at = $5, detail = 'unfollowed'
				    from watched_fixtures w
				    where exists (select 1 from removed)
				      and a.bot_id = $1 and a.chat_id = $2 and a.state = 'pending' and a.kind <> 'digest'
				      and w.fixture_id = a.fixture_id
				      and not exists (select 1 from follows f where f.bot_id = a.bot_id and f.chat_id = a.chat_id
				          and not (f.kind = $3 and f.target_id = $4)
				          and ((f.kind = 'team' and f.target_id in (w.home_id, w.away_id))
				            or (f.kind = 'league' and f.target_id = w.league_id)))
				    returning 1)
				select (select count(*) from removed) as removed, (select count(*) from cancelled) as cancelled""")
			.bind(0, bot)
			.bind(1, chat)
			.bind(2, kind.code())
			.bind(3, target)
			.bind(4, utc(at))
			.map(row -> row.get("removed", Long.class) > 0)
			.one());
	}

	/** What the chat follows: leagues first, then teams, each by name. */
	public Flux<Followed> following(long bot, long chat) {
		return deadline.on(db.sql("""
				select kind, target_id, name from follows where bot_id = $1 and chat_id = $2
				order by kind = 'team', lower(name)""")
			.bind(0, bot)
			.bind(1, chat)
			.map(row -> new Followed(Followed.Kind.of(row.get("kind", String.class)), row.get("target_id", Long.class),
					row.get("name", String.class)))
			.all());
	}

	/** Every team and league an active chat of any bot follows, each once (names left empty): what the planner looks for. */
	public Flux<Followed> followedTargets() {
		return deadline.on(db.sql("""
				select distinct f.kind, f.target_id from follows f
				join subscribers s on s.bot_id = f.bot_id and s.chat_id = f.chat_id where s.active""")
			.map(row -> new Followed(Followed.Kind.of(row.get("kind", String.class)), row.get("target_id", Long.class), ""))
			.all());
	}

	/** How many chats follow something, and how many of those can be reached (for the status). */
	public Mono<long[]> counts() {
		return deadline.on(db.sql("""
				select count(*) as total, count(*) filter (where active) as active from subscribers s
				where exists (select 1 from follows f where f.bot_id = s.bot_id and f.chat_id = s.chat_id)""")
			.map(row -> new long[] { row.get("total", Long.class), row.get("active", Long.class) })
			.one());
	}

	static Subscriber subscriber(Readable row) {
		return new Subscriber(row.get("chat_id", Long.class), row.get("language", String.class),
				row.get("time_zone", String.class), row.get("alert_minutes", Integer.class),
				row.get("digest_hour", Integer.class), Boolean.TRUE.equals(row.get("active", Boolean.class)));
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
