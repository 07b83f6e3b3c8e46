package io.analytips.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert claimed for sending, with what its writer needs to know of its reader.
 *
 * @param fixtureId the fixture's id; for a digest, the local day (days since 1970-01-01)
 * @param due when it was meant to go
 * @param reader the chat it goes to, as it reads
 */
public record Alert(long botId, long fixtureId, Kind kind, Instant due, Subscriber reader) {

	/** The kinds of alert. */
	public enum Kind {
		/** Before kick-off: the fixture and the model's forecast. */
		BEFORE("before"),
		/** After the final whistle: the score and how the forecast did. */
		RESULT("result"),
		/** The match was postponed, cancelled or abandoned. */
		NOTICE("notice"),
		/** The day's games of what the chat follows. */
		DIGEST("digest");

		private final String code;

		Kind(String code) {
			this.code = code;
		}

		/** The {@code alerts.kind} value, also the metrics' tag. */
		public String code() {
			return code;
		}

		static Kind of(String code) {
			for (Kind kind : values()) {
				if (kind.code.equals(code)) {
					return kind;
				}
			}
			throw new IllegalArgumentException("no alert kind " + code);
		}
	}

	public Alert {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(due, "due");
		Objects.requireNonNull(reader, "reader");
	}

	/** The chat the alert goes to. */
	public long chatId() {
		return reader.chatId();
	}

	/** The row's key. */
	public AlertKey key() {
		return new AlertKey(botId, reader.chatId(), fixtureId, kind);
	}
}
