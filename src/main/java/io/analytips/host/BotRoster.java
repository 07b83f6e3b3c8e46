package io.analytips.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.common.BotProfile;
import io.analytips.common.BotToken;
import io.analytips.telegram.OutboundListener;
import io.analytips.telegram.TelegramException;
import io.micrometer.core.instrument.Gauge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The bots running in this process, by username (any case), in the order they came: each one's start (its parts
 * built, its pipeline started, the listeners told), its stop alone (drained, then its client and meters let go),
 * and its stop when Telegram refuses its token.
 */
final class BotRoster {

	private static final Logger log = LoggerFactory.getLogger(BotHost.class);

	/** Null for bots built elsewhere ({@link BotHost#of}). */
	private final BotFactory factory;

	private final List<BotListener> listeners;

	private final Map<String, HostedBot> bots = new ConcurrentHashMap<>();

	private final AtomicInteger order = new AtomicInteger();

	private final Map<String, Integer> orderOf = new ConcurrentHashMap<>();

	BotRoster(BotFactory factory, List<BotListener> listeners) {
		this.factory = factory;
		this.listeners = List.copyOf(listeners);
	}

	/** In the order they came (the first configured first). */
	List<HostedBot> all() {
		List<HostedBot> all = new ArrayList<>(bots.values());
		all.sort((a, b) -> Integer.compare(orderOf.getOrDefault(key(a.username()), 0),
				orderOf.getOrDefault(key(b.username()), 0)));
		return all;
	}

	Optional<HostedBot> find(String username) {
		return Optional.ofNullable(bots.get(key(username)));
	}

	boolean contains(String username) {
		return bots.containsKey(key(username));
	}

	/** A bot whose parts were built elsewhere. */
	void put(HostedBot bot) {
		orderOf.put(key(bot.username()), order.getAndIncrement());
		bots.put(key(bot.username()), bot);
	}

	/**
	 * Builds and starts a bot, unless one of that username runs already (then that one).
	 *
	 * @param sharing how many bots share the deployment's bounds when this one starts (at least those running and it)
	 */
	synchronized HostedBot launch(BotToken token, String username, HostedBot.Origin origin, boolean first, int sharing) {
		HostedBot existing = bots.get(key(username));
		if (existing != null) {
			return existing;
		}
		HostedBot bot = factory.build(token, username, origin, first, Math.max(sharing, bots.size() + 1),
				this::listenerOf);
		put(bot);
		Gauge.builder("analytips.bot.up", bot, hosted -> hosted.state() == BotState.RUNNING ? 1 : 0)
			.description("1 while the bot runs; 0 once Telegram refused its token or it is stopping")
			.register(bot.meters());
		bot.pipeline().start();
		listeners.forEach(listener -> listener.started(bot));
		log.info("Bot {} started ({}, {})", bot.profile(), origin == HostedBot.Origin.CONFIGURED ? "configured" : "added",
				bot.webhook() != null ? "webhook" : "polling");
		return bot;
	}

	/** Each bot's outbound scheduler: a 403 marks that bot's user; a 401 stops that bot. */
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

	/** Stops one bot alone: no more updates, what it took drained; emits it once it has left. */
	Mono<HostedBot> stop(HostedBot bot, String why) {
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

	/** Telegram refused the bot's token: it stops alone ({@link BotState#UNAUTHORIZED}) and stays listed. */
	void refused(HostedBot bot, String why) {
		if (!bot.move(BotState.RUNNING, BotState.UNAUTHORIZED, why)) {
			return;
		}
		log.error("Telegram refused the token of bot {} ({}): that bot is stopped until an operator gives it a valid one;"
				+ " the other bots run on", bot.profile(), why);
		bot.pipeline().stop(() -> log.info("Bot {} stopped after its token was refused", bot.profile()));
	}

	/** Lets every bot's client go (after the host stopped them all). */
	void disposeAll() {
		if (factory != null) {
			bots.values().forEach(bot -> factory.dispose(bot.api()));
		}
	}

	static String key(String username) {
		String name = username == null ? "" : username.strip();
		return (name.startsWith("@") ? name.substring(1) : name).toLowerCase(Locale.ROOT);
	}
}
