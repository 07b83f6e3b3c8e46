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
 * Keeps the {@code users} table up to date: every update marks its sender as seen (batched, one
 * statement per batch), and a 403 from Telegram marks the user as having blocked the bot. The
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

	/** Users written within the last minute, with what was written: unchanged ones are not written again. */
	private final Cache<Long, UserSeen> recentlyWritten = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.maximumSize(100_000)
		.executor(Runnable::run)
		.build();

	private final Background background;

	private volatile TelegramException unauthorized;

	public UserTracker(UserRepository users, MeterRegistry registry) {
		this.users = users;
		this.background = new Background(DEADLINE, registry);
		this.seen = new BatchWriter<>("users", 500, Duration.ofMillis(5), Duration.ofSeconds(30),
				batch -> users.seen(batch).map(count -> batch.stream().map(user -> Boolean.TRUE).toList()));
	}

	/**
	 * Records the sender of an update; completes once written. {@code last_seen} is kept to the
	 * minute: a user already written unchanged within the last minute is not written again.
	 */
	public Mono<Void> seen(User user) {
		if (user == null || user.isBot()) {
			return Mono.empty();
		}
		UserSeen entry = new UserSeen(user.id(), user.languageCode(), user.username());
		if (entry.equals(recentlyWritten.getIfPresent(user.id()))) {
			return Mono.empty();
		}
		return seen.submit(entry).doOnSuccess(written -> recentlyWritten.put(user.id(), entry)).then();
	}

	/** Marks a user as having blocked the bot (their next message unblocks them). */
	public Mono<Void> blocked(long userId) {
		recentlyWritten.invalidate(userId);
		return users.markBlocked(userId);
	}

	@Override
	public void chatBlocked(long chatId) {
		if (chatId > 0) { // a private chat's id is its user's id
			background.run("mark blocked", Mono.defer(() -> blocked(chatId)));
		}
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
