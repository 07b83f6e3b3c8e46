package io.analytips.host;

/** Told when a hosted bot starts and stops (its commands registered, its meters bound). Must not block. */
public interface BotListener {

	/** The bot has started (its pipeline is running, or standing by for the lead). */
	default void started(HostedBot bot) {
	}

	/** The bot has stopped and left the host. */
	default void stopped(HostedBot bot) {
	}
}
