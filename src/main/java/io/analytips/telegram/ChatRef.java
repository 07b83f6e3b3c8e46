package io.analytips.telegram;

/** The chat an outbound call goes to (null for none, as for callback answers); a group migration changes it for the retries. */
final class ChatRef {

	volatile Long id;

	ChatRef(Long id) {
		this.id = id;
	}

	long idOrZero() {
		Long current = id;
		return current == null ? 0 : current;
	}
}
