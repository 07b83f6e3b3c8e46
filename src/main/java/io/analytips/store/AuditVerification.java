package io.analytips.store;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Walks the audit trail from its first row and reports the first row that was altered or removed:
 * ids must run 1, 2, 3… (a gap is a removed row), each row must link to the previous row's hash,
 * and each row's hash must match its content. (Removing the newest rows leaves a shorter, valid
 * chain: compare the tip with one kept elsewhere, e.g. the last verification's output.)
 */
public final class AuditVerification {

	private AuditVerification() {
	}

	/** Emits the verdict once the entries end, or at the first bad row (the rest is not read). */
	public static Mono<AuditVerdict> verify(Flux<AuditEntry> entries) {
		return entries.scan(Walk.START, Walk::next)
			.takeUntil(walk -> walk.verdict() != null)
			.last(Walk.START)
			.map(walk -> walk.verdict() != null ? walk.verdict() : AuditVerdict.intact(walk.rows()));
	}

	/** How far the walk got: rows checked, the hash the next row must link to, and a verdict once something is wrong. */
	private record Walk(long rows, String lastHash, AuditVerdict verdict) {

		static final Walk START = new Walk(0, AuditEntry.GENESIS, null);

		Walk next(AuditEntry entry) {
			long expected = rows + 1;
			if (entry.id() != expected) {
				return failed(expected, entry.id() > expected
						? "row " + expected + (entry.id() - 1 > expected ? " to " + (entry.id() - 1) : "") + " removed"
						: "row " + entry.id() + " appears twice or out of order");
			}
			if (!entry.prevHash().equals(lastHash) && expected == 1) {
				return failed(1, "it does not start the chain (the row was altered)");
			}
			if (!entry.prevHash().equals(lastHash)) {
				// Row `expected - 1` was changed and its hash recomputed to hide it: the link shows it.
				return failed(expected - 1, "its hash no longer matches the link stored in row " + expected
						+ " (the row was altered and re-hashed)");
			}
			if (!entry.hash().equals(entry.expectedHash())) {
				return failed(expected, "its content no longer matches its hash (the row was altered)");
			}
			return new Walk(expected, entry.hash(), null);
		}

		private Walk failed(long row, String problem) {
			return new Walk(rows, lastHash, new AuditVerdict(rows, row, problem));
		}
	}
}
