package io.analytips.host;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.analytips.common.BotProfile;
import io.analytips.common.BotToken;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.Inbox;
import io.analytips.pipeline.inbox.MemoryInbox;
import io.analytips.pipeline.Notices;
import io.analytips.pipeline.PipelineMetrics;
import io.analytips.pipeline.PipelineProperties;
import io.analytips.pipeline.Pipelines;
import io.analytips.pipeline.inbox.PostgresInbox;
import io.analytips.pipeline.UpdateListener;
import io.analytips.pipeline.UpdatePipeline;
import io.analytips.pipeline.UserTracker;
import io.analytips.replica.SharedLead;
import io.analytips.store.InboxAnnouncements;
import io.analytips.store.InboxRepository;
import io.analytips.telegram.BotApi;
import io.analytips.telegram.LongPollingSource;
import io.analytips.telegram.OutboundListener;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.TelegramCallsFactory;
import io.analytips.telegram.TelegramClient;
import io.analytips.telegram.TelegramException;
import io.analytips.telegram.TelegramProperties;
import io.analytips.telegram.UpdateSource;
import io.analytips.telegram.WebhookSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Builds the parts that are one bot's own (see {@link HostedBot}) around the parts all bots share. The first bot
 * of the deployment keeps what a single-bot deployment had: the webhook URL and secret as configured and the send
 * journal's directory itself; every other bot gets its own URL ({@code <TELEGRAM_WEBHOOK_URL>/<username>}), a secret
 * derived from the configured one and its id, and a journal directory of its own.
 */
final class BotFactory {

	private final TelegramProperties telegram;

	private final PipelineProperties pipeline;

	private final BotsProperties bots;

	private final Shared shared;

	/** The least outbound queue a bot's share gives it. */
	static final int MIN_SHARE_OUTBOUND = 500;

	/**
	 * What every bot's parts are made with.
	 *
	 * @param fixedApi the one Bot API every bot talks to instead of Telegram (the demo's console), or null
	 * @param inbox the inbox's table, or null for an inbox in memory
	 * @param announcements with replicas, how stored updates are announced to the leader; else null
	 */
	record Shared(List<Handler> handlers, Notices notices, UserTracker users, Clock clock, SharedLead lead,
			UpdateListener listener, MeterRegistry registry, TelegramCallsFactory calls, BotApi fixedApi,
			InboxRepository inbox, InboxAnnouncements announcements) {
	}

	BotFactory(TelegramProperties telegram, PipelineProperties pipeline, BotsProperties bots, Shared shared) {
		this.telegram = telegram;
		this.pipeline = pipeline;
		this.bots = bots;
		this.shared = shared;
	}

	/** Disposes a bot's client (not the one that stands in for Telegram). */
	void dispose(BotApi client) {
		if (client != shared.fixedApi() && client instanceof TelegramClient http) {
			http.destroy();
		}
	}

	/**
	 * A bot's parts, not started yet.
	 *
	 * @param first whether it is the deployment's first configured bot
	 * @param sharing how many bots share the deployment's buffer, dispatcher slots and outbound queue: this one gets
	 *        an even share of each ({@link PipelineProperties#shareOf}), fixed for its life
	 * @param listenerOf what its outbound scheduler tells (a 403, a 401)
	 */
	HostedBot build(BotToken token, String username, HostedBot.Origin origin, boolean first, int sharing,
			Function<BotProfile, OutboundListener> listenerOf) {
		BotProfile profile = bots.of(username).profile(token.botId(), username);
		TelegramProperties settings = settingsOf(token.value(), username, first, sharing);
		PipelineProperties share = pipeline.shareOf(sharing);
		MeterRegistry meters = metersOf(profile);
		BotApi api = shared.fixedApi() != null ? shared.fixedApi()
				: new TelegramClient(settings, shared.calls().forBot(meters));
		OutboundScheduler outbound = new OutboundScheduler(api, settings, shared.clock(), listenerOf.apply(profile),
				shared.lead());
		Inbox inbox = inboxOf(profile);
		WebhookSource webhook = null;
		UpdateSource source;
		if (settings.mode() == TelegramProperties.Mode.WEBHOOK) {
			webhook = new WebhookSource(api, inbox, settings, shared.clock(), shared.lead().shared());
			source = webhook;
		}
		else {
			source = new LongPollingSource(api, inbox, settings, shared.clock(), shared.lead());
		}
		Path journal = first ? pipeline.sendJournal() : pipeline.sendJournal().resolve("bot-" + profile.id());
		UpdatePipeline updates = Pipelines.build(source, inbox, outbound, shared.handlers(), shared.notices(),
				shared.users(), share, new PipelineMetrics(meters), shared.clock(), shared.lead(), shared.listener(),
				profile, journal);
		return new HostedBot(profile, origin, api, outbound, webhook, updates, meters);
	}

	private Inbox inboxOf(BotProfile profile) {
		if (shared.inbox() == null) {
			return new MemoryInbox(shared.clock(), profile.id());
		}
		return new PostgresInbox(shared.inbox(), Duration.ofSeconds(5), Duration.ofSeconds(30),
				shared.lead().shared() ? shared.announcements() : null, profile.id());
	}

	/**
	 * Each bot's meters carry its username ({@code bot} tag) on top of the deployment's tags: one registry over the
	 * application's, so that every meter of the bot's parts is tagged without them knowing.
	 */
	private MeterRegistry metersOf(BotProfile profile) {
		CompositeMeterRegistry meters = new CompositeMeterRegistry();
		meters.config().commonTags(Tags.of("bot", profile.name()));
		meters.add(shared.registry());
		return meters;
	}

	/** 403 from a chat: its user blocked that bot (that bot only); a chat that became a supergroup is logged. */
	OutboundListener usersOf(BotProfile profile) {
		return shared.users().listenerFor(profile.id());
	}

	/** Writes the users seen that are still queued: once, after every bot stopped. */
	reactor.core.publisher.Mono<Void> closeUsers() {
		return shared.users().close();
	}

	/** Removes a stopped bot's meters from the application's registry, so a removed bot leaves no series behind. */
	void forgetMeters(HostedBot bot) {
		MeterRegistry root = shared.registry();
		root.getMeters().stream()
			.filter(meter -> bot.profile().name().equals(meter.getId().getTag("bot")))
			.forEach(root::remove);
		bot.meters().close();
	}

	private TelegramProperties settingsOf(String token, String username, boolean first, int sharing) {
		BotsProperties.BotSettings chosen = bots.of(username);
		TelegramProperties.Mode mode = chosen.mode() != null ? chosen.mode() : telegram.mode();
		URI url = chosen.webhookUrl() != null ? chosen.webhookUrl() : webhookUrlOf(username, first);
		String secret = chosen.webhookSecret() != null && !chosen.webhookSecret().isEmpty() ? chosen.webhookSecret()
				: first ? telegram.webhookSecret() : derivedSecret(telegram.webhookSecret(), new BotToken(token).botId());
		if (mode == TelegramProperties.Mode.WEBHOOK && username.isEmpty()) {
			// only asked who it is: no webhook is registered with these settings
			mode = TelegramProperties.Mode.POLLING;
		}
		return telegram.forBot(token, mode, url, secret,
				PipelineProperties.share(telegram.outboundCapacity(), sharing, MIN_SHARE_OUTBOUND));
	}

	private URI webhookUrlOf(String username, boolean first) {
		return webhookUrlOf(telegram.webhookUrl(), username, first);
	}

	static URI webhookUrlOf(URI base, String username, boolean first) {
		if (base == null || first || username.isEmpty()) {
			return base;
		}
		String text = base.toString();
		return URI.create((text.endsWith("/") ? text : text + "/") + username);
	}

	/**
	 * Each bot's own webhook secret when the operator set none: HMAC-SHA256 of the bot's id under
	 * {@code TELEGRAM_WEBHOOK_SECRET}, base64url (43 characters, as Telegram allows): a request carrying one bot's
	 * secret is refused at another's endpoint.
	 */
	static String derivedSecret(String base, long botId) {
		if (base == null || base.isEmpty()) {
			return base;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(base.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal(("bot:" + botId).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is missing from this JVM", ex);
		}
	}

	/** Whether Telegram's answer says the token itself is refused (401, or 404 for a token of no bot). */
	static boolean refusesToken(Throwable error) {
		return error instanceof TelegramException ex && ex.isFatal();
	}
}
