package io.analytips.replica.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;

import io.analytips.replica.Leadership;
import io.analytips.replica.Lease;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * {@link Leadership} by a row in {@code leader_lease} whose expiry every replica reads on the database's clock. The
 * leader renews it every {@code check}; a standby asks every {@code retry} and takes it only once it has expired,
 * bumping its epoch. A renewal names the epoch it holds, so the first renewal after a successor took over finds
 * nothing to renew: the lead is then lost ({@link #lost()} completes and its term {@linkplain Lease#ended() ends}).
 * <p>
 * The leader's own lease runs {@code lease} minus a margin from the moment a successful renewal was <em>sent</em>
 * (measured on this process's monotonic clock), so it ends before the expiry the database wrote, which counts from
 * when the statement ran: a leader that froze, was cut off or lost its database stops delivering before a standby
 * can take the row, and nobody waits for TCP to notice a dead session. A renewal that fails (a blip) ends nothing:
 * the leader stops delivering when its lease runs out and goes on as before once a renewal answers, if nobody took
 * the row meanwhile; its work and what it knows are kept. A standby takes a row only once it has seen it expired and
 * unchanged for one more {@code lease}, so that when the database comes back from a blip, however long, the leader,
 * which renews every {@code check}, finds its row first; a leader that froze is replaced within about two leases and
 * two {@code retry}s. A row given up is taken at once.
 * <p>
 * Statements run on a connection of its own (not the pool's: a pool exhausted by load must not starve the
 * renewal), each in its own transaction with no session state, so a transaction-mode pooler (PgBouncer) in front
 * of PostgreSQL changes nothing. A failed connection is replaced at the next attempt.
 */
public final class LeaseRowLeadership implements Leadership {

	/** The row's name: one lead per database. */
	static final String NAME = "polling";

	/** How long one statement may take: longer and the attempt counts as failed. */
	static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(LeaseRowLeadership.class);

	/** The row as a standby sees it: who holds which term, and whether it expired or was given up. */
	private static final String LOOK = "select holder, epoch, expires_at::text, expires_at <= now(), expires_at = '-infinity'"
			+ " from leader_lease where name = $1";

	/** The first lead of a database (no row yet). */
	private static final String FIRST = "insert into leader_lease (name, holder, epoch, taken_at, expires_at)"
			+ " values ($1, $2, 1, now(), now() + $3 * interval '1 millisecond') on conflict (name) do nothing returning epoch";

	/** The row as it was seen, if it is still that row and still expired. */
	private static final String TAKE = "update leader_lease set holder = $1, epoch = epoch + 1, taken_at = now(),"
			+ " expires_at = now() + $2 * interval '1 millisecond'"
			+ " where name = $3 and holder = $4 and epoch = $5 and expires_at::text = $6 and expires_at <= now()"
			+ " returning epoch";

	private static final String RENEW = "update leader_lease set expires_at = now() + $1 * interval '1 millisecond'"
			+ " where name = $2 and holder = $3 and epoch = $4 returning epoch";

	private static final String GIVE_UP = "update leader_lease set expires_at = '-infinity'"
			+ " where name = $1 and holder = $2 and epoch = $3";

	private final LongSupplier nanos;

	private final Scheduler scheduler;

	private final Duration retry;

	private final Duration check;

	private final Duration lease;

	/** What this process's lease keeps back from the database's expiry, for clocks that run at slightly other rates. */
	private final long marginNanos;

	/** This process among the candidates: a new one at every start, so a restarted replica is a new holder. */
	private final String holder = UUID.randomUUID().toString();

	private final OwnConnection connection;

	private volatile LeaseTerm term;

	private volatile Disposable renewing;

	private volatile boolean renewalFailing;

	private volatile boolean tried;

	/** The expired row this standby saw last, to take it once it has stayed so for a lease; null before any look. */
	private volatile Seen lastSeen;

	/**
	 * @param connections a factory of unpooled connections to the database every replica shares
	 * @param nanos a monotonic clock in nanoseconds ({@code System::nanoTime})
	 * @param retry how often a standby asks for the lead
	 * @param check how often the leader renews (shorter than {@code lease})
	 * @param lease how long a renewal lets the leader deliver, and after how long a silent leader's row may be taken
	 */
	public LeaseRowLeadership(ConnectionFactory connections, LongSupplier nanos, Scheduler scheduler, Duration retry,
			Duration check, Duration lease) {
		if (check.compareTo(lease) >= 0) {
			throw new IllegalArgumentException("the check (" + check + ") must be shorter than the lease (" + lease + ")");
		}
		this.connection = new OwnConnection(connections, STATEMENT_TIMEOUT);
		this.nanos = nanos;
		this.scheduler = scheduler;
		this.retry = retry;
		this.check = check;
		this.lease = lease;
		this.marginNanos = Math.max(lease.toNanos() / 10, Duration.ofMillis(10).toNanos());
	}

	@Override
	public Mono<Void> acquire() {
		return Mono.defer(this::tryOnce)
			.repeatWhenEmpty(attempts -> attempts.concatMap(attempt -> Mono.delay(retry, scheduler)))
			.doOnNext(taken -> {
				term = taken;
				startRenewing(taken);
				log.info("This replica leads (term {}): it polls and answers", taken.epoch);
			})
			.then();
	}

	@Override
	public Mono<Void> lost() {
		LeaseTerm current = term;
		return current == null ? Mono.never() : current.lost();
	}

	@Override
	public Lease lease() {
		LeaseTerm current = term;
		return current == null ? Lease.NONE : current;
	}

	@Override
	public boolean leads() {
		LeaseTerm current = term;
		return current != null && !current.ended();
	}

	@Override
	public boolean shared() {
		return true;
	}

	@Override
	public Mono<Void> release() {
		return Mono.defer(() -> {
			stopRenewing();
			LeaseTerm given = term;
			term = null;
			if (given == null || given.ended()) {
				return connection.close();
			}
			given.end();
			return statement(GIVE_UP, NAME, holder, given.epoch)
				.doOnSuccess(done -> log.info("Gave up the lead (term {})", given.epoch))
				.onErrorResume(error -> {
					log.warn("Could not give up the lead cleanly (a standby takes it once it expires): {}", error.toString());
					return Mono.empty();
				})
				.then(connection.close());
		});
	}

	/**
	 * Stops renewing without giving the lead up, as a process that died or froze would: the row expires and a
	 * standby takes it (for tests).
	 */
	public void halt() {
		stopRenewing();
	}

	/**
	 * One attempt: the row if it was given up, or if this standby saw it expired, unchanged, at least one
	 * {@code lease} ago (and it still is); empty otherwise, or when the database fails. Seeing it twice on the
	 * database's side, rather than comparing its expiry with the time, lets a leader whose database was away renew
	 * first when it comes back, however long it was away.
	 */
	private Mono<LeaseTerm> tryOnce() {
		return Mono.defer(() -> {
			long sent = nanos.getAsLong();
			return columns(LOOK, NAME)
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.flatMap(row -> row.isPresent() ? decide(row.get(), sent) : statement(FIRST, NAME, holder, lease.toMillis()))
				.map(epoch -> new LeaseTerm(nanos, ((Number) epoch).longValue(), sent + lease.toNanos() - marginNanos));
		})
			.onErrorResume(error -> {
				if (!tried) {
					log.warn("Cannot ask for the lead yet (retrying every {}): {}", retry, error.toString());
				}
				return Mono.empty();
			})
			.doFinally(signal -> tried = true);
	}

	/** What to do with the row as read: take it, or remember it and wait. Empty when not taken. */
	private Mono<Object> decide(Object[] row, long now) {
		Seen seen = new Seen((String) row[0], ((Number) row[1]).longValue(), (String) row[2], now);
		boolean expired = Boolean.TRUE.equals(row[3]);
		boolean givenUp = Boolean.TRUE.equals(row[4]);
		if (!expired) {
			lastSeen = NOBODY;
			return Mono.empty();
		}
		Seen before = lastSeen;
		if (!givenUp && (before == null || !before.sameRow(seen) || now - before.at < lease.toNanos())) {
			if (before == null || !before.sameRow(seen)) {
				lastSeen = seen;
			}
			return Mono.empty();
		}
		return statement(TAKE, holder, lease.toMillis(), NAME, seen.holder, seen.epoch, seen.expiresAt);
	}

	/** A row as a standby saw it, and when (this process's monotonic clock). */
	private record Seen(String holder, long epoch, String expiresAt, long at) {

		boolean sameRow(Seen other) {
			return holder.equals(other.holder) && epoch == other.epoch && expiresAt.equals(other.expiresAt);
		}
	}

	/** A row seen valid: nothing to wait for yet (distinct from null, which is "no row seen at all"). */
	private static final Seen NOBODY = new Seen("", -1, "", 0);

	private void startRenewing(LeaseTerm held) {
		stopRenewing();
		renewing = Flux.interval(check, check, scheduler)
			.onBackpressureDrop()
			.concatMap(tick -> renewOnce(held), 1)
			.takeWhile(holding -> holding)
			.subscribe();
	}

	private void stopRenewing() {
		Disposable current = renewing;
		if (current != null) {
			current.dispose();
		}
		renewing = null;
	}

	/** Extends the lease when the row is still this term's; ends the term when another replica took it. */
	private Mono<Boolean> renewOnce(LeaseTerm held) {
		long sent = nanos.getAsLong();
		return statement(RENEW, lease.toMillis(), NAME, holder, held.epoch)
			.map(epoch -> {
				held.extend(sent + lease.toNanos() - marginNanos);
				if (renewalFailing) {
					renewalFailing = false;
					log.info("The lead's renewal answers again (term {}); this replica goes on", held.epoch);
				}
				return true;
			})
			.switchIfEmpty(Mono.fromSupplier(() -> {
				log.error("Lost the lead (term {}): another replica took it; this replica stops answering", held.epoch);
				held.end();
				if (term == held) {
					term = null;
				}
				return false;
			}))
			.onErrorResume(error -> {
				if (!renewalFailing) {
					renewalFailing = true;
					log.warn("Cannot renew the lead (term {}): {}; delivering stops when the lease runs out and goes on"
							+ " once a renewal answers, unless another replica took over", held.epoch, error.toString());
				}
				return Mono.just(true);
			});
	}

	private Mono<Object> statement(String sql, Object... parameters) {
		return connection.statement(sql, parameters);
	}

	private Mono<Object[]> columns(String sql, Object... parameters) {
		return connection.columns(sql, parameters);
	}
}
