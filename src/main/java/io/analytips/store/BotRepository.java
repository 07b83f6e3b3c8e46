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
 * The {@code bots} table: the bots the deployment hosts, added and removed by its operator. A token is only ever
 * seen here encrypted ({@link TokenCipher}; callers encrypt and decrypt). A removed bot keeps its row; adding it again
 * revives that row. Usernames are matched as Telegram does, whatever their case. Every call has a deadline
 * ({@code analytips.database.call-timeout}) and errors with a {@link org.springframework.dao.QueryTimeoutException}
 * past it, or with the database's error.
 */
public class BotRepository {

	/** A new bot, or a removed one again (same id): a hosted row is left as it is, and no row is counted. */
	private static final String ADD = """
			insert into bots (id, username, token_cipher, added_at, added_by, removed_at)
			values ($1, $2, $3, $4, $5, null)
			on conflict (id) do update
			set username = excluded.username, token_cipher = excluded.token_cipher, added_at = excluded.added_at,
			    added_by = excluded.added_by, removed_at = null
			where bots.removed_at is not null""";

	private static final String COLUMNS = "id, username, token_cipher, added_at, added_by, removed_at";

	private final DatabaseClient db;

	private final Deadline deadline;

	public BotRepository(DatabaseClient db, Duration callTimeout) {
		this.db = db;
		this.deadline = new Deadline(callTimeout);
	}

	/**
	 * Adds a bot, or hosts again a removed bot of the same id (its new username and token, and who added it when;
	 * no longer removed). Completes once written. Errors with {@link IllegalArgumentException} for a bot given as
	 * removed, with {@link IllegalStateException} when the bot is hosted already (nothing is changed), and with the
	 * database's integrity error when another bot has the username.
	 */
	public Mono<Void> add(StoredBot bot) {
		if (bot.removedAt() != null) {
			return Mono.error(new IllegalArgumentException("bot " + bot.id() + " is added hosted: its removedAt must be null"));
		}
		return deadline.on(db.sql(ADD)
			.bind(0, bot.id())
			.bind(1, bot.username())
			.bind(2, bot.tokenCipher())
			.bind(3, utc(bot.addedAt()))
			.bind(4, bot.addedBy())
			.fetch()
			.rowsUpdated())
			.flatMap(rows -> rows > 0 ? Mono.<Void>empty()
					: Mono.error(new IllegalStateException("bot " + bot.id() + " (@" + bot.username() + ") is hosted already")));
	}

	/** The bots hosted now (not removed), in the order they were added; none when there are none. */
	public Flux<StoredBot> hosted() {
		return deadline.on(db.sql("select " + COLUMNS + " from bots where removed_at is null order by added_at, id")
			.map(BotRepository::read)
			.all());
	}

	/**
	 * Marks the hosted bot of that username (without its {@code @}) as removed at {@code at}; emits true if one was,
	 * false if no hosted bot has the username (unknown, or removed already: its first removal stays).
	 */
	public Mono<Boolean> remove(String username, Instant at) {
		return deadline.on(db.sql("update bots set removed_at = $2 where lower(username) = lower($1) and removed_at is null")
			.bind(0, username)
			.bind(1, utc(at))
			.fetch()
			.rowsUpdated()
			.map(rows -> rows > 0));
	}

	/** The bot of that username (without its {@code @}), hosted or removed; empty when there is none. */
	public Mono<StoredBot> find(String username) {
		return deadline.on(db.sql("select " + COLUMNS + " from bots where lower(username) = lower($1)")
			.bind(0, username)
			.map(BotRepository::read)
			.one());
	}

	private static StoredBot read(Readable row) {
		OffsetDateTime removedAt = row.get("removed_at", OffsetDateTime.class);
		return new StoredBot(row.get("id", Long.class), row.get("username", String.class),
				row.get("token_cipher", String.class), row.get("added_at", OffsetDateTime.class).toInstant(),
				row.get("added_by", String.class), removedAt == null ? null : removedAt.toInstant());
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
