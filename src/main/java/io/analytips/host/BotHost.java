package io.analytips.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.analytips.common.BotToken;
import io.analytips.replica.SharedLead;
import io.analytips.telegram.SourceStatus;
import io.analytips.telegram.TelegramException;
import io.analytips.telegram.WebhookSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;

/**
 * The bots this deployment hosts: those of {@code TELEGRAM_BOT_TOKENS} (each checked with {@code getMe} at start;
 * the start fails only if none is valid) and those added through the admin API (kept encrypted in the database).
 * Each bot runs on parts of its own ({@link HostedBot}), so one cannot take another down: a token Telegram refuses
 * stops that bot alone ({@link BotState#UNAUTHORIZED}), a flood fills that bot's buffer alone, a 429 pauses that
 * bot's messages alone. Bots are added ({@link #add}) and removed ({@link #remove}) while the others run.
 */
public final class BotHost implements SmartLifecycle {

	/** With the update pipelines: after everything else has started, first to stop. */
	public static final int PHASE = io.analytips.pipeline.UpdatePipeline.PHASE;

	private static final Logger log = LoggerFactory.getLogger(BotHost.class);


	private final TokenChecks checks;

	private final BotFactory factory;

	private final BotVault vault;

	private final SharedLead lead;


	private final Duration watchEvery;

	private final BotRoster roster;

	private volatile boolean running;

	private volatile Disposable watching = Disposables.disposed();

	BotHost(TokenChecks checks, BotFactory factory, BotVault vault, SharedLead lead, List<BotListener> listeners,
			Duration watchEvery) {
		this.checks = checks;
		this.factory = factory;
		this.vault = vault;
		this.lead = lead;
		this.roster = new BotRoster(factory, listeners);
		this.watchEvery = watchEvery;
	}

	/**
	 * A host of bots whose parts were built elsewhere (tests, tools): no token is checked and none can be added; its
	 * start starts their pipelines, its stop stops them.
	 */
	public static BotHost of(List<HostedBot> built) {
		BotHost host = new BotHost(new TokenChecks(List.of(), null, null), null, BotVault.NONE, new SharedLead(io.analytips.replica.Leadership.SOLE),
				List.of(), Duration.ofDays(1));
		built.forEach(host.roster::put);
		return host;
	}

	/**
	 * Asks Telegram who each configured token's bot is ({@link TokenChecks#check()}); the start uses the last checks
	 * made.
	 */
	public Mono<List<TokenCheck>> check() {
		return checks.check();
	}

	/** The bots hosted now, in the order they were added (the first configured first). */
	public List<HostedBot> bots() {
		return roster.all();
	}

	/** The bot named {@code username} (any case, with or without the @). */
	public Optional<HostedBot> find(String username) {
		return roster.find(username);
	}

	/** The deployment's first bot (what a single-bot deployment had), if any runs. */
	public Optional<HostedBot> first() {
		return bots().stream().findFirst();
	}

	/** The webhook source of a bot hosted by webhook (null {@code username}: the first bot's), or null. */
	public WebhookSource webhookOf(String username) {
		Optional<HostedBot> bot = username == null ? first() : find(username);
		return bot.filter(hosted -> hosted.state() == BotState.RUNNING).map(HostedBot::webhook).orElse(null);
	}

	/** Whether bots can be added while running (a key to encrypt their tokens). */
	public boolean canAdd() {
		return vault.enabled();
	}

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		roster.all().forEach(bot -> bot.pipeline().start());
		List<TokenCheck> results = checks.last();
		Mono<List<TokenCheck>> made = results != null ? Mono.just(results) : checks.check();
		made.subscribe(this::startConfigured, error -> log.error("Could not start the configured bots", error));
		vault.hosted()
			.concatMap(kept -> startKept(kept).onErrorResume(error -> {
				log.error("Bot {} was not started: {}", kept, error.toString());
				return Mono.empty();
			}))
			.subscribe(null, error -> log.error("Could not read the bots added through the admin API: {}", error.toString()));
		watching = Flux.interval(watchEvery, watchEvery, Schedulers.parallel())
			.onBackpressureDrop()
			.concatMap(tick -> watch().onErrorResume(error -> {
				log.warn("Could not look over the bots: {}", error.toString());
				return Mono.empty();
			}))
			.subscribe();
	}

	private void startConfigured(List<TokenCheck> results) {
		boolean first = true;
		for (TokenCheck result : results) {
			if (!result.valid()) {
				log.error("Bot {}; the other bots start", result.describe(), result.unexpected() ? result.error() : null);
				continue;
			}
			try {
				roster.launch(result.token(), result.bot().username(), HostedBot.Origin.CONFIGURED, first, sharing(results));
			}
			catch (RuntimeException ex) {
				// its settings cannot make a bot (a webhook without a URL): that bot alone stays down
				log.error("Bot @{} is not started: {}; the other bots start", result.bot().username(), ex.getMessage());
			}
			first = false;
		}
	}

	/** The bots sharing the deployment's bounds at the start: every token accepted. */
	private static int sharing(List<TokenCheck> results) {
		return (int) results.stream().filter(TokenCheck::valid).count();
	}

	private Mono<HostedBot> startKept(BotVault.Kept kept) {
		if (roster.contains(kept.username())) {
			return Mono.empty();
		}
		BotToken token = new BotToken(kept.token());
		return checks.whoIs(token).map(me -> roster.launch(token, me.username(), HostedBot.Origin.ADDED, false, 0));
	}

	/**
	 * Adds a bot while running: asks Telegram who it is, keeps its token (encrypted), starts it. Emits the bot;
	 * errors with {@link IllegalArgumentException} for text not shaped as a token, {@link TelegramException} when
	 * Telegram refuses it, {@link IllegalStateException} when the bot is hosted already or bots cannot be kept.
	 */
	public Mono<HostedBot> add(String text, String by) {
		return Mono.defer(() -> {
			BotToken token = new BotToken(text == null ? "" : text.strip());
			if (!vault.enabled()) {
				return vault.keep(token.botId(), "", "", by).then(Mono.empty());
			}
			return checks.whoIs(token).flatMap(me -> {
				Optional<HostedBot> hosted = find(me.username());
				if (hosted.isPresent() && hosted.get().state() == BotState.RUNNING) {
					return Mono.error(new IllegalStateException("@" + me.username() + " is hosted already"));
				}
				// a bot whose token was refused, given a new one: the old parts go first, with their meters
				Mono<HostedBot> replaced = hosted.map(old -> roster.stop(old, "given a new token")).orElse(Mono.empty());
				return vault.keep(token.botId(), me.username(), token.value(), by)
					.then(replaced)
					.then(Mono.fromCallable(() -> roster.launch(token, me.username(), HostedBot.Origin.ADDED, false, 0)));
			});
		});
	}

	/**
	 * Removes a bot while running: it is forgotten by the database (a bot added through the admin API stays away
	 * after a restart; a configured one comes back unless its token leaves {@code TELEGRAM_BOT_TOKENS}), stops
	 * taking updates, and drains what it had taken. Emits the bot once it has stopped; empty if no such bot.
	 */
	public Mono<HostedBot> remove(String username) {
		return Mono.defer(() -> {
			Optional<HostedBot> bot = roster.find(username);
			if (bot.isEmpty()) {
				return vault.forget(username).then(Mono.empty());
			}
			return vault.forget(bot.get().username()).then(roster.stop(bot.get(), "removed"));
		});
	}

	/**
	 * Telegram refused the token of {@code username}'s bot (its source or its outbound scheduler saw a 401): that
	 * bot stops alone ({@link BotState#UNAUTHORIZED}), the others run on.
	 */
	public void tokenRefused(String username, String why) {
		find(username).ifPresent(bot -> roster.refused(bot, why));
	}

	/**
	 * One look over the bots: a source whose token was refused stops its bot; with the admin API's bots kept in the
	 * database, those added or removed on another replica are started or stopped here too.
	 */
	Mono<Void> watch() {
		for (HostedBot bot : roster.all()) {
			SourceStatus status = bot.pipeline().source().status();
			if (status.state() == SourceStatus.State.FAILED && bot.state() == BotState.RUNNING) {
				roster.refused(bot, status.lastError());
			}
		}
		if (!vault.enabled()) {
			return Mono.empty();
		}
		return vault.hosted().collectList().flatMap(kept -> {
			List<Mono<?>> changes = new ArrayList<>();
			for (BotVault.Kept one : kept) {
				if (!roster.contains(one.username())) {
					changes.add(startKept(one).onErrorResume(error -> {
						log.warn("Bot {} was not started: {}", one, error.toString());
						return Mono.empty();
					}));
				}
			}
			for (HostedBot bot : roster.all()) {
				boolean stillKept = kept.stream().anyMatch(one -> key(one.username()).equals(key(bot.username())));
				if (bot.origin() == HostedBot.Origin.ADDED && !stillKept) {
					changes.add(roster.stop(bot, "removed on another replica"));
				}
			}
			return Mono.when(changes);
		});
	}

	/** Ends every bot's drain now (a second SIGTERM): what is unfinished stays in the inbox. */
	public void abortDrain() {
		roster.all().forEach(bot -> bot.pipeline().abortDrain());
	}

	@Override
	public void stop() {
		stop(() -> {
		});
	}

	/** Stops every bot at once (each drains), then gives the lead up; then runs {@code callback}. */
	@Override
	public synchronized void stop(Runnable callback) {
		if (!running) {
			callback.run();
			return;
		}
		running = false;
		watching.dispose();
		Collection<HostedBot> all = roster.all();
		Flux.fromIterable(all)
			.flatMap(bot -> Mono.<Void>create(sink -> bot.pipeline().stop(sink::success)))
			.then(Mono.defer(() -> factory == null ? Mono.<Void>empty() : factory.closeUsers()))
			.then(lead.releaseForAll())
			.onErrorResume(error -> {
				log.warn("Stopping the bots ended with an error: {}", error.toString());
				return Mono.empty();
			})
			.doFinally(signal -> {
				roster.disposeAll();
				callback.run();
			})
			.subscribe();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	static String key(String username) {
		return BotRoster.key(username);
	}
}
