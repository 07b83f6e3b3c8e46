package io.analytips.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.analytips.common.Leadership;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * {@link Leadership} by a PostgreSQL session-level advisory lock held on a connection of its own (never a pooled
 * one: the pool would hand the session, and its lock, to other work). PostgreSQL ends a session when its process
 * dies, so the lock is free as soon as the leader is gone; a standby asks for it every {@code retry}.
 * <p>
 * The leader checks its connection every {@code check}; each successful check, counted from when it was sent,
 * extends its lease to {@code lease} later. A failed check ends the lead at once: the connection is closed (its
 * lock with it) and {@link #lost()} completes. A new leader waits one {@code lease} before it acts, by which time
 * a predecessor that only seemed dead has seen its own lease run out and stopped delivering.
 */
public final class AdvisoryLockLeadership implements Leadership {

	/** The lock's key: "Analytips" polling, any number not used by another advisory lock of ours. */
	static final long KEY = 0x416e616c79746970L;

	/** How long one attempt may take to connect and ask: a standby has no lease to keep, so it can wait. */
	static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(AdvisoryLockLeadership.class);

	private final ConnectionFactory connections;

	private final Clock clock;

	private final Scheduler scheduler;

	private final Duration retry;

	private final Duration check;

	private final Duration lease;

	private volatile Connection connection;

	private volatile Instant leaseUntil = Instant.MIN;

	private volatile Sinks.Empty<Void> loss = Sinks.empty();

	private volatile Disposable checking;

	private volatile boolean tried;

	/**
	 * @param connections a factory of unpooled connections to the database every replica shares
	 * @param retry how often a standby asks for the lead
	 * @param check how often the leader checks its connection (shorter than {@code lease})
	 * @param lease how long a successful check lets the leader deliver
	 */
	public AdvisoryLockLeadership(ConnectionFactory connections, Clock clock, Scheduler scheduler, Duration retry,
			Duration check, Duration lease) {
		if (check.compareTo(lease) >= 0) {
			throw new IllegalArgumentException("the check (" + check + ") must be shorter than the lease (" + lease + ")");
		}
		this.connections = connections;
		this.clock = clock;
		this.scheduler = scheduler;
		this.retry = retry;
		this.check = check;
		this.lease = lease;
	}

	@Override
	public Mono<Void> acquire() {
		return Mono.defer(this::tryOnce)
			.filter(Boolean::booleanValue)
			.repeatWhenEmpty(attempts -> attempts.concatMap(attempt -> Mono.delay(retry, scheduler)))
			.doOnNext(locked -> startChecking())
			// the previous leader's lease runs out before this one acts
			.then(Mono.delay(lease, scheduler))
			.doOnNext(waited -> log.info("This replica leads: it polls and answers"))
			.then();
	}

	@Override
	public Mono<Void> lost() {
		return loss.asMono();
	}

	@Override
	public boolean mayDeliver() {
		return connection != null && clock.instant().isBefore(leaseUntil);
	}

	@Override
	public boolean leads() {
		return connection != null;
	}

	@Override
	public boolean shared() {
		return true;
	}

	@Override
	public Mono<Void> release() {
		return Mono.defer(() -> {
			stopChecking();
			Connection held = connection;
			connection = null;
			leaseUntil = Instant.MIN;
			if (held == null) {
				return Mono.empty();
			}
			return single(held, "select pg_advisory_unlock(" + KEY + ")")
				.then(Mono.from(held.close()))
				.timeout(lease)
				.doOnSuccess(done -> log.info("Gave up the lead"))
				.onErrorResume(error -> {
					log.warn("Could not give up the lead cleanly (it ends with the connection): {}", error.toString());
					return Mono.from(held.close()).onErrorResume(ignored -> Mono.empty());
				});
		});
	}

	/** One attempt: a new connection asks for the lock, and keeps it (and the lead) if it got it. */
	private Mono<Boolean> tryOnce() {
		return Mono.from(connections.create())
			.timeout(ATTEMPT_TIMEOUT)
			.flatMap(candidate -> single(candidate, "select pg_try_advisory_lock(" + KEY + ")")
				.timeout(ATTEMPT_TIMEOUT)
				.flatMap(locked -> {
					if (Boolean.TRUE.equals(locked)) {
						// the lease counts from now, not from the attempt's start: acting starts a full lease later
						connection = candidate;
						leaseUntil = clock.instant().plus(lease);
						loss = Sinks.empty();
						return Mono.just(true);
					}
					return Mono.from(candidate.close()).thenReturn(false);
				})
				.onErrorResume(error -> Mono.from(candidate.close()).onErrorResume(ignored -> Mono.empty()).thenReturn(false)))
			.onErrorResume(error -> {
				if (!tried) {
					log.warn("Cannot ask for the lead yet (retrying every {}): {}", retry, error.toString());
				}
				return Mono.just(false);
			})
			.doFinally(signal -> tried = true);
	}

	private void startChecking() {
		stopChecking();
		checking = Flux.interval(check, check, scheduler)
			.onBackpressureDrop()
			.concatMap(tick -> checkOnce(), 1)
			.takeWhile(alive -> alive)
			.subscribe();
	}

	private void stopChecking() {
		Disposable current = checking;
		if (current != null) {
			current.dispose();
		}
		checking = null;
	}

	/** Extends the lease when the connection answers; ends the lead when it does not. */
	private Mono<Boolean> checkOnce() {
		Connection held = connection;
		if (held == null) {
			return Mono.just(false);
		}
		Instant sent = clock.instant();
		return single(held, "select 1")
			.timeout(lease.minus(check))
			.map(answer -> {
				leaseUntil = sent.plus(lease);
				return true;
			})
			.onErrorResume(error -> {
				log.error("Lost the lead: its connection did not answer ({}); this replica stops answering", error.toString());
				connection = null;
				leaseUntil = Instant.MIN;
				Mono.from(held.close()).onErrorResume(ignored -> Mono.empty()).subscribe();
				loss.tryEmitEmpty();
				return Mono.just(false);
			});
	}

	/** The first column of the statement's first row. */
	private static Mono<Object> single(Connection connection, String sql) {
		return Flux.from(connection.createStatement(sql).execute())
			.concatMap(result -> result.map((row, metadata) -> row.get(0)))
			.next();
	}
}
