package io.analytips.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.analytips.common.BotProfile;
import io.analytips.common.BotToken;
import io.analytips.telegram.BotApi;
import io.analytips.telegram.OutboundListener;
import io.analytips.telegram.SourceStatus;
import io.analytips.telegram.TelegramException;
import io.analytips.telegram.WebhookSource;
import io.micrometer.core.instrument.Gauge;
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

	/** How long the start waits for Telegram to answer one token's {@code getMe}. */
	public static final int CHECK_TIMEOUT_SECONDS = 4;

	static final Duration CHECK_TIMEOUT = Duration.ofSeconds(CHECK_TIMEOUT_SECONDS);

	private final List<String> configured;

	private final BotFactory factory;

	private final BotVault vault;

	private final SharedLead lead;

	private final List<BotListener> listeners;

	private final Duration watchEvery;

	/** The bots by the key of their username; in the order they were added. */
	private final Map<String, HostedBot> bots = new ConcurrentHashMap<>();

	private final AtomicInteger order = new AtomicInteger();

	private final Map<String, Integer> orderOf = new ConcurrentHashMap<>();

	private volatile List<TokenCheck> checked;

	private volatile boolean running;

	private volatile Disposable watching = Disposables.disposed();

	BotHost(List<String> configured, BotFactory factory, BotVault vault, SharedLead lead, List<BotListener> listeners,
			Duration watchEvery) {
		this.configured = List.copyOf(configured);
		this.factory = factory;
		this.vault = vault;
		this.lead = lead;
		this.listeners = List.copyOf(listeners);
		this.watchEvery = watchEvery;
	}

	/**
	 * A host of bots whose parts were built elsewhere (tests, tools): no token is checked and none can be added; its
	 * start starts their pipelines, its stop stops them.
	 */
	public static BotHost of(List<HostedBot> built) {
		BotHost host = new BotHost(List.of(), null, BotVault.NONE, new SharedLead(io.analytips.common.Leadership.SOLE),
				List.of(), Duration.ofDays(1));
		built.forEach(bot -> {
			host.orderOf.put(key(bot.username()), host.order.getAndIncrement());
			host.bots.put(key(bot.username()), bot);
		});
		return host;
	}

	/**
	 * Asks Telegram who each configured token's bot is ({@code getMe}, all at once). Emits one check per token, in
	 * the order of {@code TELEGRAM_BOT_TOKENS}; never errors (a refusal or a timeout is the check's
	 * {@link TokenCheck#error()}). The start uses the last checks made.
	 */
	public Mono<List<TokenCheck>> check() {
		return Flux.fromStream(IntStream.range(0, configured.size()).boxed())
			.flatMapSequential(index -> checkOne(index + 1, configured.get(index)))
			.collectList()
			.doOnNext(results -> checked = results);
	}

	private Mono<TokenCheck> checkOne(int position, String text) {
		BotToken token;
		try {
			token = new BotToken(text);
		}
		catch (IllegalArgumentException ex) {
			return Mono.just(new TokenCheck(position, null, null, ex));
		}
		return Mono.usingWhen(Mono.fromSupplier(() -> factory.checkingClient(token.value())),
				client -> client.getMe().timeout(CHECK_TIMEOUT),
				client -> Mono.fromRunnable(() -> factory.dispose(client)))
			.map(me -> new TokenCheck(position, token, me, null))
			.onErrorResume(error -> Mono.just(new TokenCheck(position, token, null, error)));
	}

	/** The bots hosted now, in the order they were added (the first configured first). */
	public List<HostedBot> bots() {
		List<HostedBot> all = new ArrayList<>(bots.values());
		all.sort((a, b) -> Integer.compare(orderOf.getOrDefault(key(a.username()), 0),
				orderOf.getOrDefault(key(b.username()), 0)));
		return all;
	}

	/** The bot named {@code username} (any case, with or without the @). */
	public Optional<HostedBot> find(String username) {
		return Optional.ofNullable(bots.get(key(username)));
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
		bots.values().forEach(bot -> bot.pipeline().start());
		List<TokenCheck> results = checked;
		Mono<List<TokenCheck>> checks = results != null ? Mono.just(results) : check();
		checks.subscribe(this::startConfigured, error -> log.error("Could not start the configured bots", error));
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
				log.error("Bot {}; the other bots start", result.describe());
				continue;
			}
			try {
				launch(result.token(), result.bot().username(), HostedBot.Origin.CONFIGURED, first);
			}
			catch (RuntimeException ex) {
				// its settings cannot make a bot (a webhook without a URL): that bot alone stays down
				log.error("Bot @{} is not started: {}; the other bots start", result.bot().username(), ex.getMessage());
			}
			first = false;
		}
	}

	private Mono<HostedBot> startKept(BotVault.Kept kept) {
		if (bots.containsKey(key(kept.username()))) {
			return Mono.empty();
		}
		BotToken token = new BotToken(kept.token());
		return whoIs(token).map(me -> launch(token, me.username(), HostedBot.Origin.ADDED, false));
	}

	private Mono<io.analytips.telegram.model.User> whoIs(BotToken token) {
		return Mono.usingWhen(Mono.fromSupplier(() -> factory.checkingClient(token.value())),
				client -> client.getMe().timeout(CHECK_TIMEOUT),
				client -> Mono.fromRunnable(() -> factory.dispose(client)));
	}

	private synchronized HostedBot launch(BotToken token, String username, HostedBot.Origin origin, boolean first) {
		String key = key(username);
		HostedBot existing = bots.get(key);
		if (existing != null) {
			return existing;
		}
		HostedBot bot = factory.build(token, username, origin, first, this::listenerOf);
		orderOf.put(key, order.getAndIncrement());
		bots.put(key, bot);
		Gauge.builder("analytips.bot.up", bot, hosted -> hosted.state() == BotState.RUNNING ? 1 : 0)
			.description("1 while the bot runs; 0 once Telegram refused its token or it is stopping")
			.register(bot.meters());
		bot.pipeline().start();
		listeners.forEach(listener -> listener.started(bot));
		log.info("Bot {} started ({}, {})", bot.profile(), origin == HostedBot.Origin.CONFIGURED ? "configured" : "added",
				bot.webhook() != null ? "webhook" : "polling");
		return bot;
	}

	/** Each bot's outbound scheduler tells the host when Telegram refuses the token while sending. */
	private OutboundListener listenerOf(BotProfile profile) {
		OutboundListener users = factory.usersOf(profile);
		return new OutboundListener() {

			@Override
			public void chatBlocked(long chatId) {
				users.chatBlocked(chatId);
			}

			@Override
			public void chatMigrated(long fromChatId, long toChatId) {
				users.chatMigrated(fromChatId, toChatId);
			}

			@Override
			public void unauthorized(TelegramException error) {
				find(profile.username()).ifPresent(bot -> refused(bot, error.getMessage()));
			}
		};
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
			return whoIs(token).flatMap(me -> {
				Optional<HostedBot> hosted = find(me.username());
				if (hosted.isPresent() && hosted.get().state() == BotState.RUNNING) {
					return Mono.error(new IllegalStateException("@" + me.username() + " is hosted already"));
				}
				// a bot whose token was refused, given a new one: the old parts go first, with their meters
				Mono<HostedBot> replaced = hosted.map(old -> stop(old, "given a new token")).orElse(Mono.empty());
				return vault.keep(token.botId(), me.username(), token.value(), by)
					.then(replaced)
					.then(Mono.fromCallable(() -> launch(token, me.username(), HostedBot.Origin.ADDED, false)));
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
			HostedBot bot = bots.get(key(username));
			if (bot == null) {
				return vault.forget(username).then(Mono.empty());
			}
			return vault.forget(bot.username()).then(stop(bot, "removed"));
		});
	}

	private Mono<HostedBot> stop(HostedBot bot, String why) {
		return Mono.defer(() -> {
			if (!bot.move(BotState.RUNNING, BotState.STOPPING, null) && !bot.move(BotState.UNAUTHORIZED, BotState.STOPPING, null)) {
				return Mono.just(bot);
			}
			log.info("Bot {} {}: draining", bot.profile(), why);
			return Mono.<HostedBot>create(sink -> bot.pipeline().stop(() -> sink.success(bot)))
				.doOnNext(stopped -> {
					stopped.move(BotState.STOPPING, BotState.STOPPED, null);
					bots.remove(key(stopped.username()), stopped);
					listeners.forEach(listener -> listener.stopped(stopped));
					if (factory != null) {
						factory.dispose(stopped.api());
						factory.forgetMeters(stopped);
					}
					log.info("Bot {} stopped", stopped.profile());
				});
		});
	}

	/**
	 * Telegram refused the token of {@code username}'s bot (its source or its outbound scheduler saw a 401): that
	 * bot stops alone ({@link BotState#UNAUTHORIZED}), the others run on.
	 */
	public void tokenRefused(String username, String why) {
		find(username).ifPresent(bot -> refused(bot, why));
	}

	void refused(HostedBot bot, String why) {
		if (!bot.move(BotState.RUNNING, BotState.UNAUTHORIZED, why)) {
			return;
		}
		log.error("Telegram refused the token of bot {} ({}): that bot is stopped until an operator gives it a valid one;"
				+ " the other bots run on", bot.profile(), why);
		bot.pipeline().stop(() -> log.info("Bot {} stopped after its token was refused", bot.profile()));
	}

	/**
	 * One look over the bots: a source whose token was refused stops its bot; with the admin API's bots kept in the
	 * database, those added or removed on another replica are started or stopped here too.
	 */
	Mono<Void> watch() {
		for (HostedBot bot : bots.values()) {
			SourceStatus status = bot.pipeline().source().status();
			if (status.state() == SourceStatus.State.FAILED && bot.state() == BotState.RUNNING) {
				refused(bot, status.lastError());
			}
		}
		if (!vault.enabled()) {
			return Mono.empty();
		}
		return vault.hosted().collectList().flatMap(kept -> {
			List<Mono<?>> changes = new ArrayList<>();
			for (BotVault.Kept one : kept) {
				if (!bots.containsKey(key(one.username()))) {
					changes.add(startKept(one).onErrorResume(error -> {
						log.warn("Bot {} was not started: {}", one, error.toString());
						return Mono.empty();
					}));
				}
			}
			for (HostedBot bot : bots.values()) {
				boolean stillKept = kept.stream().anyMatch(one -> key(one.username()).equals(key(bot.username())));
				if (bot.origin() == HostedBot.Origin.ADDED && !stillKept) {
					changes.add(stop(bot, "removed on another replica"));
				}
			}
			return Mono.when(changes);
		});
	}

	/** Ends every bot's drain now (a second SIGTERM): what is unfinished stays in the inbox. */
	public void abortDrain() {
		bots.values().forEach(bot -> bot.pipeline().abortDrain());
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
		Collection<HostedBot> all = List.copyOf(bots.values());
		Flux.fromIterable(all)
			.flatMap(bot -> Mono.<Void>create(sink -> bot.pipeline().stop(sink::success)))
			.then(Mono.defer(() -> factory == null ? Mono.<Void>empty() : factory.closeUsers()))
			.then(lead.releaseForAll())
			.onErrorResume(error -> {
				log.warn("Stopping the bots ended with an error: {}", error.toString());
				return Mono.empty();
			})
			.doFinally(signal -> {
				if (factory != null) {
					all.forEach(bot -> factory.dispose(bot.api()));
				}
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
		String name = username == null ? "" : username.strip();
		return (name.startsWith("@") ? name.substring(1) : name).toLowerCase(Locale.ROOT);
	}
}
