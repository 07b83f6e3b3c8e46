package io.analytips.pipeline;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.analytips.store.BatchWriter;
import io.analytips.store.UserRepository;
import io.analytips.store.UserSeen;
import io.analytips.telegram.OutboundListener;
import io.analytips.telegram.TelegramException;
import io.analytips.telegram.model.User;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Keeps the {@code users} table up to date: every update marks its sender as seen by the bot it came to (batched, one
 * statement per batch, whichever bots), and a 403 from Telegram marks the user as having blocked that bot. Users are
 * per bot (Telegram's id of the bot names them with the user's id). As the {@link OutboundListener} of a bot's sends,
 * a tracker stands for the bot it was made for ({@link #listenerFor} gives another bot's). The
 * marks a 403 starts run in the background, tracked: bounded by {@link #DEADLINE}, failures logged
 * at WARN and counted ({@code analytips.background.failures{task="mark blocked"}}), cancelled by
 * {@link #close()} once it has waited for them.
 */
public class UserTracker implements OutboundListener {

	private static final Logger log = LoggerFactory.getLogger(UserTracker.class);

	/** The most a user's mark as blocked may take; also the most {@link #close()} waits for the marks. */
	static final Duration DEADLINE = Duration.ofSeconds(30);

	private final UserRepository users;

	private final BatchWriter<UserSeen, Boolean> seen;

	/** A user of a bot. */
	private record Key(long bot, long userId) {
	}

	/** Users written within the last minute, with what was written: unchanged ones are not written again. */
	private final Cache<Key, UserSeen> recentlyWritten = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.maximumSize(100_000)
		.executor(Runnable::run)
		.build();

	private final Background background;

	private volatile TelegramException unauthorized;

	/** The bot whose sends report to this tracker's own {@link OutboundListener} methods. */
	private final long bot;

	/** A tracker whose own listener methods stand for bot 0 (a deployment that never named its bot). */
	public UserTracker(UserRepository users, MeterRegistry registry) {
		this(users, registry, 0);
	}

	/** @param bot Telegram's id of the bot whose sends report to this tracker's own listener methods */
	public UserTracker(UserRepository users, MeterRegistry registry, long bot) {
		if (bot < 0) {
			throw new IllegalArgumentException("a bot's id is not negative: " + bot);
		}
		this.bot = bot;
		this.users = users;
		this.background = new Background(DEADLINE, registry);
		this.seen = new BatchWriter<>("users", 500, Duration.ofMillis(5), Duration.ofSeconds(30),
				batch -> users.seen(batch).map(count -> batch.stream().map(user -> Boolean.TRUE).toList()));
	}

	/**
	 * Records the sender of an update to {@code bot}; completes once written, errors if it could not be. {@code
	 * last_seen} is kept to the minute: a user already written unchanged within the last minute is not written again.
	 * Nothing is written for no user or a bot.
	 */
	public Mono<Void> seen(long bot, User user) {
		if (user == null || user.isBot()) {
			return Mono.empty();
		}
		Key key = new Key(bot, user.id());
		UserSeen entry = new UserSeen(bot, user.id(), user.languageCode(), user.username());
		if (entry.equals(recentlyWritten.getIfPresent(key))) {
			return Mono.empty();
		}
		return seen.submit(entry).doOnSuccess(written -> recentlyWritten.put(key, entry)).then();
	}

	/**
	 * Marks a user as having blocked {@code bot} (their next message to it unblocks them); completes once written,
	 * errors if it could not be.
	 */
	public Mono<Void> markBlocked(long bot, long userId) {
		recentlyWritten.invalidate(new Key(bot, userId));
		return users.markBlocked(bot, userId);
	}

	/** A 403 on a send of this tracker's bot: its user is marked in the background. */
	@Override
	public void chatBlocked(long chatId) {
		chatBlocked(bot, chatId);
	}

	private void chatBlocked(long bot, long chatId) {
		if (chatId > 0) { // a private chat's id is its user's id
			background.run("mark blocked", Mono.defer(() -> markBlocked(bot, chatId)));
		}
	}

	/**
	 * The listener of {@code bot}'s sends: a 403 marks the user as having blocked that bot; a 401 is recorded here
	 * as this tracker's own ({@link #unauthorizedError()}).
	 */
	public OutboundListener listenerFor(long bot) {
		return new OutboundListener() {
			@Override
			public void chatBlocked(long chatId) {
				UserTracker.this.chatBlocked(bot, chatId);
			}

			@Override
			public void chatMigrated(long fromChatId, long toChatId) {
				UserTracker.this.chatMigrated(fromChatId, toChatId);
			}

			@Override
			public void unauthorized(TelegramException error) {
				UserTracker.this.unauthorized(error);
			}
		};
	}

	@Override
	public void chatMigrated(long fromChatId, long toChatId) {
		log.info("Chat {} migrated to supergroup {}", fromChatId, toChatId);
	}

	@Override
	public void unauthorized(TelegramException error) {
		if (unauthorized == null) {
			log.error("ALERT: Telegram rejected the bot token while sending ({}); check TELEGRAM_BOT_TOKEN", error.getMessage());
		}
		unauthorized = error;
	}

	/** The 401 that made sending impossible, or null. */
	public TelegramException unauthorizedError() {
		return unauthorized;
	}

	/** Writes what is queued and waits for the marks under way (each bounded by {@link #DEADLINE}), then cancels any left. */
	public Mono<Void> close() {
		return Mono.when(seen.close(), background.idle()).doFinally(signal -> background.stop());
	}
}
