package io.analytips.telegram;

import java.time.Clock;

/** The mutable holder behind {@link SourceStatus}, logging transitions once instead of once per retry. */
final class SourceState {

	private final Clock clock;

	private final org.slf4j.Logger log;

	private volatile SourceStatus status;

	private int failuresInARow;

	SourceState(Clock clock, org.slf4j.Logger log) {
		this.clock = clock;
		this.log = log;
		this.status = new SourceStatus(SourceStatus.State.IDLE, clock.instant(), null, null);
	}

	SourceStatus get() {
		return status;
	}

	/** A poll answered and stored, or a webhook call accepted. */
	synchronized void receiving() {
		enter(clock.instant());
	}

	/**
	 * Intake is open and nothing has arrived yet: the webhook is removed and the first long poll goes (a quiet bot's
	 * first answer may be a whole poll timeout away, and readiness must not wait for it).
	 */
	synchronized void listening() {
		enter(status.lastSuccess());
	}

	private void enter(java.time.Instant lastSuccess) {
		if (status.state() != SourceStatus.State.RECEIVING) {
			if (failuresInARow > 0) {
				log.info("Update intake recovered after {} failed attempts", failuresInARow);
			}
			failuresInARow = 0;
			status = new SourceStatus(SourceStatus.State.RECEIVING, clock.instant(), status.lastError(), lastSuccess);
		}
		else {
			status = new SourceStatus(SourceStatus.State.RECEIVING, status.since(), status.lastError(), lastSuccess);
		}
	}

	/** Logs the first failure of a streak, then every tenth, so an outage does not flood the logs. */
	synchronized void retrying(Throwable error) {
		failuresInARow++;
		if (failuresInARow == 1 || failuresInARow % 10 == 0) {
			log.warn("Update intake failing ({} in a row), retrying with backoff: {}", failuresInARow,
					error.toString());
		}
		if (status.state() != SourceStatus.State.RETRYING) {
			status = new SourceStatus(SourceStatus.State.RETRYING, clock.instant(), error.toString(), status.lastSuccess());
		}
		else {
			status = new SourceStatus(SourceStatus.State.RETRYING, status.since(), error.toString(), status.lastSuccess());
		}
	}

	synchronized void failed(Throwable error) {
		log.error("Update intake stopped: {}", error.toString());
		status = new SourceStatus(SourceStatus.State.FAILED, clock.instant(), error.toString(), status.lastSuccess());
	}

	synchronized void idle() {
		if (status.state() != SourceStatus.State.FAILED) {
			status = new SourceStatus(SourceStatus.State.IDLE, clock.instant(), status.lastError(), status.lastSuccess());
		}
	}
}
