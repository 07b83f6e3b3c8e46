package io.analytips.follow;

import java.util.Optional;

import io.analytips.telegram.OutboundScheduler;

/** Where a bot's alerts go out: the outbound scheduler of each bot the deployment hosts now. */
@FunctionalInterface
public interface BotOutlets {

	/** The outbound scheduler of the bot with this Telegram id; empty if it is not hosted (removed, never added). */
	Optional<OutboundScheduler> outbound(long botId);
}
