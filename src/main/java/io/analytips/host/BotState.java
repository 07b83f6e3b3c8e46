package io.analytips.host;

/** Where one hosted bot stands. */
public enum BotState {
	/** Receiving and answering (or standing by for the lead, on a replica that does not lead). */
	RUNNING,
	/** Telegram refused its token (401): stopped alone until an operator gives it a valid one; an alert is raised. */
	UNAUTHORIZED,
	/** Removed: draining what it had taken, then gone. */
	STOPPING,
	/** Stopped. */
	STOPPED
}
