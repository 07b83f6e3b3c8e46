package io.analytips.replica;

import java.time.Duration;
import java.util.function.Supplier;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Which of the replicas sharing one database polls Telegram and answers: exactly one leads at a time, the others
 * stand by and take over when it dies. A single process with its own database always leads ({@link #SOLE}).
 * <p>
 * The lead comes with a lease: a leader delivers messages only while its lease is valid ({@link #mayDeliver()}),
 * and its successor can take the lead only once that lease has run out, so a leader that only seemed dead (a long
 * pause, a broken network) has stopped delivering before its successor starts. Each lead is a term
 * ({@link #lease()}): the messages written under a term that is over never go.
 */
public interface Leadership {

	/** How often {@link #awaitLease()} looks again. */
	long LEASE_POLL_MILLIS = 50;

	/** A process that is alone: it leads from the start and never loses the lead. */
	Leadership SOLE = new Leadership() {

		@Override
		public Mono<Void> acquire() {
			return Mono.empty();
		}

		@Override
		public Mono<Void> lost() {
			return Mono.never();
		}

		@Override
		public Lease lease() {
			return Lease.ALWAYS;
		}

		@Override
		public boolean leads() {
			return true;
		}

		@Override
		public boolean shared() {
			return false;
		}

		@Override
		public Mono<Void> release() {
			return Mono.empty();
		}
	};

	/**
	 * Completes once this process leads and the previous leader's lease has run out; until then it keeps trying.
	 * Never errors. Cancel it to stop standing by.
	 */
	Mono<Void> acquire();

	/** Completes when the current lead is lost (its lock's session ended); never before {@link #acquire()}. */
	Mono<Void> lost();

	/**
	 * The current term: while this process leads, the lease of this lead ({@link Lease#ALWAYS} for {@link #SOLE});
	 * otherwise {@link Lease#NONE}. A term stays the same object for the whole lead, and is ended once it is lost.
	 */
	Lease lease();

	/** Whether this process may deliver a message now: it leads and its lease has not run out. */
	default boolean mayDeliver() {
		return lease().valid();
	}

	/**
	 * Completes at once while {@link #mayDeliver()}, otherwise as soon as it is true again (the lease renewed, or a
	 * new lead taken); cancel it when the lead is lost. Looks every {@value #LEASE_POLL_MILLIS} ms while it waits.
	 */
	default Mono<Void> awaitLease() {
		if (mayDeliver()) {
			return Mono.empty();
		}
		return Mono.defer(() -> mayDeliver() ? Mono.just(true) : Mono.<Boolean>empty())
			.repeatWhenEmpty(attempts -> attempts.concatMap(attempt -> Mono.delay(Duration.ofMillis(LEASE_POLL_MILLIS))))
			.then();
	}

	/**
	 * Completes at once while {@code term} is valid, otherwise as soon as it is again (renewed); errors with a
	 * {@link LeaseEndedException} once the term is over, because its messages must never go. Looks every
	 * {@value #LEASE_POLL_MILLIS} ms while it waits.
	 */
	static Mono<Void> awaitValid(Lease term) {
		return Mono.defer(() -> {
			if (term.valid()) {
				return Mono.just(true);
			}
			return term.ended() ? Mono.error(new LeaseEndedException(term)) : Mono.<Boolean>empty();
		})
			.repeatWhenEmpty(attempts -> attempts.concatMap(attempt -> Mono.delay(Duration.ofMillis(LEASE_POLL_MILLIS))))
			.then();
	}

	/**
	 * {@code round} while this process leads, nothing otherwise: background work done once for the whole deployment
	 * (the market sweep, alerts, purges) runs on the leader alone, so it does not grow with the replicas.
	 */
	default Supplier<Publisher<?>> whileLeading(Supplier<? extends Publisher<?>> round) {
		return () -> leads() ? round.get() : Mono.empty();
	}

	/** Whether this process leads (for health and status). */
	boolean leads();

	/** Whether the lead is shared with other replicas (false for {@link #SOLE}): the start then waits to lead. */
	boolean shared();

	/** Gives the lead up after a clean stop, so that a standby takes over at once. Never errors. */
	Mono<Void> release();
}
