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
 * and only the leader handles what is stored. An announcement carries nothing (the leader reads the
 * unfinished rows itself), so PostgreSQL folds those of one transaction into one, and a lost one costs
 * only the leader's next look at the inbox, which it also takes on a timer.
 */
public final class InboxAnnouncements {

	/** The channel every replica announces on and the leader listens to. */
	static final String CHANNEL = "analytips_inbox";

	private static final Logger log = LoggerFactory.getLogger(InboxAnnouncements.class);

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	private final DatabaseClient db;

	private final ConnectionFactory unpooled;

	/**
	 * @param db pooled statements (announcements)
	 * @param unpooled connections of their own: a listening session must outlive any one query, which a pooled
	 *        connection would hand to other work
	 */
	public InboxAnnouncements(DatabaseClient db, ConnectionFactory unpooled) {
		this.db = db;
		this.unpooled = unpooled;
	}

	/** Announces that updates were stored (after their insert committed). Never errors: a failure is logged. */
	public Mono<Void> announce() {
		return db.sql("select pg_notify('" + CHANNEL + "', '')")
			.fetch()
			.rowsUpdated()
			.then()
			.onErrorResume(error -> {
				log.debug("Could not announce stored updates (the leader finds them on its timer): {}", error.toString());
				return Mono.empty();
			});
	}

	/**
	 * One signal per announcement heard, for as long as it is subscribed, on a connection of its own. Never
	 * errors: a lost connection is opened again with a backoff (up to {@link #MAX_BACKOFF}); what was announced
	 * meanwhile is found by the listener's timer.
	 */
	public Flux<Object> heard() {
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

	private static Flux<Object> listen(Connection connection) {
		if (!(connection instanceof PostgresqlConnection postgres)) {
			return Flux.error(new IllegalStateException("not a PostgreSQL connection: " + connection.getClass()));
		}
		return postgres.createStatement("listen " + CHANNEL)
			.execute()
			.flatMap(result -> result.getRowsUpdated())
			.thenMany(postgres.getNotifications())
			.map(notification -> (Object) notification.getName());
	}
}
