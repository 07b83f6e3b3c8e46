package io.analytips.pipeline;

/**
 * Learns when each update this process took is over: its outcome decided (done, failed, rate limited,
 * rejected, invalid) and whatever the pipeline sent in answer to it sent, or given up on; also when its handling
 * was cancelled by a stop. Called once per update taken, on the thread that ended it: implementations must not
 * block or throw. The offline demo's console waits for it before it reads the next typed line.
 */
public interface UpdateListener {

	/** The update is over. */
	void ended(long updateId);

	/** A listener that ignores everything. */
	UpdateListener NONE = updateId -> {
	};
}
