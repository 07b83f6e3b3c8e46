package io.analytips.host;

import java.util.concurrent.atomic.AtomicReference;

import io.analytips.common.BotProfile;
import io.analytips.pipeline.UpdatePipeline;
import io.analytips.telegram.BotApi;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.WebhookSource;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One bot the deployment hosts, with everything that is its own: its client (its token), its outbound scheduler
 * (Telegram's limits are per token: flood control, 429 pauses and the global rate count only this bot's messages),
 * its update source, its pipeline (its buffer, dispatcher slots, rate limits and send journal) and its meters
 * (tagged {@code bot}). What it shares with the other bots: the handlers, the database, API-Football and its cache.
 */
public final class HostedBot {

	/** How the bot came to be hosted. */
	public enum Origin {
		/** Listed in {@code TELEGRAM_BOT_TOKENS} (or {@code TELEGRAM_BOT_TOKEN}): comes back at each start. */
		CONFIGURED,
		/** Added through the admin API: its encrypted token is in the database. */
		ADDED
	}

	private final BotProfile profile;

	private final Origin origin;

	private final BotApi api;

	private final OutboundScheduler outbound;

	private final WebhookSource webhook;

	private final UpdatePipeline pipeline;

	private final MeterRegistry meters;

	private final AtomicReference<BotState> state = new AtomicReference<>(BotState.RUNNING);

	private volatile String problem;

	HostedBot(BotProfile profile, Origin origin, BotApi api, OutboundScheduler outbound, WebhookSource webhook,
			UpdatePipeline pipeline, MeterRegistry meters) {
		this.profile = profile;
		this.origin = origin;
		this.api = api;
		this.outbound = outbound;
		this.webhook = webhook;
		this.pipeline = pipeline;
		this.meters = meters;
	}

	/** A bot whose parts were built elsewhere (tests, tools), configured, running. */
	public static HostedBot of(BotProfile profile, BotApi api, OutboundScheduler outbound, WebhookSource webhook,
			UpdatePipeline pipeline, MeterRegistry meters) {
		return new HostedBot(profile, Origin.CONFIGURED, api, outbound, webhook, pipeline, meters);
	}

	public BotProfile profile() {
		return profile;
	}

	/** The bot's username without the @. */
	public String username() {
		return profile.username();
	}

	public Origin origin() {
		return origin;
	}

	public BotApi api() {
		return api;
	}

	public OutboundScheduler outbound() {
		return outbound;
	}

	/** Its webhook endpoint's source, or null for a bot that polls. */
	public WebhookSource webhook() {
		return webhook;
	}

	public UpdatePipeline pipeline() {
		return pipeline;
	}

	/** The registry through which the bot's meters are tagged {@code bot=<username>}. */
	public MeterRegistry meters() {
		return meters;
	}

	public BotState state() {
		return state.get();
	}

	/** Why the bot is not running (Telegram's answer to its token), or null. */
	public String problem() {
		return problem;
	}

	/** Moves to {@code next} if the bot is in {@code expected}; whether it did. */
	boolean move(BotState expected, BotState next, String why) {
		if (!state.compareAndSet(expected, next)) {
			return false;
		}
		if (why != null) {
			problem = why;
		}
		return true;
	}

	@Override
	public String toString() {
		return profile + " (" + state.get() + ")";
	}
}
