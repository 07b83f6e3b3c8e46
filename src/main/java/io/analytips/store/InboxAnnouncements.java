package io.analytips.store;

import java.time.Duration;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Tells the replica that handles updates that another replica stored some, by PostgreSQL's
 * {@code NOTIFY} on {@link #CHANNEL}: a webhook request can reach any replica behind a load balancer,
 * and only the leader handles what is stored. An announcement carries only the id of the bot whose inbox got rows
 * (the leader reads the unfinished rows itself), so PostgreSQL folds those of one transaction and bot into one, and
 * a lost one costs only the leader's next look at that inbox, which it also takes on a timer. All bots share the
 * channel, and one listening session of this process hears them all ({@link #heard(long)} picks one bot's).
 */
public final class InboxAnnouncements {

	/** The channel every replica announces on and the leader listens to. */
	static final String CHANNEL = "analytips_inbox";

	private static final Logger log = LoggerFactory.getLogger(InboxAnnouncements.class);

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	/**
	 * What {@link #heard()} emits for an announcement that names no bot (a replica of a version from before several
	 * bots, during a rolling upgrade): every bot's listener takes it, as a look too many costs little.
	 */
	public static final long ANY_BOT = -1;

	private final DatabaseClient db;

	private final ConnectionFactory unpooled;

	/** One listening session for every bot's listener while any is subscribed. */
	private final Flux<Long> shared;

	/**
	 * @param db pooled statements (announcements)
	 * @param unpooled connections of their own: a listening session must outlive any one query, which a pooled
	 *        connection would hand to other work
	 */
	public InboxAnnouncements(DatabaseClient db, ConnectionFactory unpooled) {
		this.db = db;
		this.unpooled = unpooled;
		this.shared = heardOnce().publish().refCount();
	}

	/**
	 * Announces that updates of {@code bot} were stored (after their insert committed). Never errors: a failure is
	 * logged.
	 */
	public Mono<Void> announce(long bot) {
		return db.sql("select pg_notify('" + CHANNEL + "', $1)")
			.bind(0, Long.toString(bot))
			.fetch()
			.rowsUpdated()
			.then()
			.onErrorResume(error -> {
				log.debug("Could not announce stored updates (the leader finds them on its timer): {}", error.toString());
				return Mono.empty();
			});
	}

	/**
	 * The id of the bot of each announcement heard ({@link #ANY_BOT} for one that names none), for as long as it is
	 * subscribed, on a connection of its own that every subscriber of this instance shares. Never errors: a lost
	 * connection is opened again with a backoff (up to {@link #MAX_BACKOFF}); what was announced meanwhile is found by
	 * the listener's timer.
	 */
	public Flux<Long> heard() {
		return shared.onBackpressureLatest();
	}

	/**
	 * One signal per announcement heard for {@code bot} (or naming no bot), as {@link #heard()}: never errors. A
	 * subscriber that falls behind gets the latest (they all say the same: look at the inbox).
	 */
	public Flux<Long> heard(long bot) {
		return shared.filter(announced -> announced == bot || announced == ANY_BOT).onBackpressureLatest();
	}

	private Flux<Long> heardOnce() {
		return Flux.usingWhen(unpooled.create(), InboxAnnouncements::listen, Connection::close,
				(connection, error) -> connection.close(), Connection::close)
			.concatWith(Mono.error(() -> new IllegalStateException("the listening connection closed")))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF)
				.maxBackoff(MAX_BACKOFF)
				.doBeforeRetry(signal -> {
					if (signal.totalRetriesInARow() == 0) {
						log.warn("Not hearing inbox announcements ({}); listening again", signal.failure().toString());
					}
				}));
	}

	private static Flux<Long> listen(Connection connection) {
		if (!(connection instanceof PostgresqlConnection postgres)) {
			return Flux.error(new IllegalStateException("not a PostgreSQL connection: " + connection.getClass()));
		}
		return postgres.createStatement("listen " + CHANNEL)
			.execute()
			.flatMap(result -> result.getRowsUpdated())
			.thenMany(postgres.getNotifications())
			.map(notification -> botOf(notification.getParameter()));
	}

	/** The bot an announcement names; {@link #ANY_BOT} when it names none. */
	static long botOf(String payload) {
		if (payload == null || payload.isBlank()) {
			return ANY_BOT;
		}
		try {
			long bot = Long.parseLong(payload.strip());
			return bot < 0 ? ANY_BOT : bot;
		}
		catch (NumberFormatException unreadable) {
			return ANY_BOT;
		}
	}
}
