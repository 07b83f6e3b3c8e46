package io.analytips.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A bot of the deployment as the {@code bots} table keeps it. The token is only ever here encrypted
 * ({@link TokenCipher}); {@link #toString()} leaves even that out.
 *
 * @param id Telegram's id of the bot (the number before the colon of its token)
 * @param username the bot's username without the {@code @}
 * @param tokenCipher the token as {@link TokenCipher#encrypt} made it
 * @param addedAt when the operator added it
 * @param addedBy who added it (as the audit log names actors)
 * @param removedAt when the operator removed it; null while it is hosted
 */
public record StoredBot(long id, String username, String tokenCipher, Instant addedAt, String addedBy,
		Instant removedAt) {

	public StoredBot {
		if (id <= 0) {
			throw new IllegalArgumentException("a bot's id is positive: " + id);
		}
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("a bot needs its username");
		}
		if (tokenCipher == null || !tokenCipher.startsWith(TokenCipher.VERSION)) {
			throw new IllegalArgumentException("a bot's token is stored encrypted (TokenCipher), never in plain");
		}
		Objects.requireNonNull(addedAt, "addedAt");
		if (addedBy == null || addedBy.isBlank()) {
			throw new IllegalArgumentException("a bot is added by someone");
		}
	}

	/** Whether the bot is hosted (not removed). */
	public boolean hosted() {
		return removedAt == null;
	}

	@Override
	public String toString() {
		return "StoredBot[id=" + id + ", username=" + username + ", addedAt=" + addedAt + ", addedBy=" + addedBy
				+ ", removedAt=" + removedAt + "]";
	}
}
