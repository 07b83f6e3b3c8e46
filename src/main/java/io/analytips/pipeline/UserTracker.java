package io.analytips.pipeline;

import java.time.Duration;

import io.analytips.store.BatchWriter;
import io.analytips.store.UserRepository;
import io.analytips.store.UserSeen;
import io.analytips.telegram.OutboundListener;
import io.analytips.telegram.TelegramException;
import io.analytips.telegram.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Keeps the {@code users} table up to date: every update marks its sender as seen (batched, one
 * statement per batch), and a 403 from Telegram marks the user as having blocked the bot.
 */
public class UserTracker implements OutboundListener {

	private static final Logger log = LoggerFactory.getLogger(UserTracker.class);

	private final UserRepository users;

	private final BatchWriter<UserSeen, Boolean> seen;

	private volatile TelegramException unauthorized;

	public UserTracker(UserRepository users) {
		this.users = users;
		this.seen = new BatchWriter<>("users", 500, Duration.ofMillis(5), Duration.ofSeconds(30),
				batch -> users.seen(batch).map(count -> batch.stream().map(user -> Boolean.TRUE).toList()));
	}

	/** Records the sender of an update; completes once written. */
	public Mono<Void> seen(User user) {
		if (user == null || user.isBot()) {
			return Mono.empty();
		}
		return seen.submit(new UserSeen(user.id(), user.languageCode(), user.username())).then();
	}

	/** Marks a user as having blocked the bot. */
	public Mono<Void> blocked(long userId) {
		return users.markBlocked(userId);
	}

	@Override
	public void chatBlocked(long chatId) {
		if (chatId > 0) { // a private chat's id is its user's id
			users.markBlocked(chatId).subscribe(null, error -> log.warn("Could not mark user {} as blocked: {}",
					chatId, error.toString()));
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

	/** Writes what is queued. */
	public Mono<Void> close() {
		return seen.close();
	}
}
