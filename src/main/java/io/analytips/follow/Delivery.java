package io.analytips.follow;

/**
 * What became of one claimed alert: its row's next state ({@code null}: given back as pending) and why, and the
 * metrics' outcome.
 */
record Delivery(String state, String detail, String outcome) {

	static final Delivery SENT = new Delivery("sent", null, "sent");

	static final Delivery LATE = new Delivery("dropped", "late", "dropped_late");

	static final Delivery UNREACHABLE = new Delivery("dropped", "chat unreachable", "dropped_unreachable");

	static final Delivery NO_BOT = new Delivery("dropped", "bot not hosted", "dropped_no_bot");

	static final Delivery NOTHING_TO_SAY = new Delivery("dropped", "no games", "empty");

	static final Delivery BLOCKED = new Delivery("failed", "blocked", "failed");

	/** The lead ended while it went (nothing went): given back, if no other lead took it since, for the next leader. */
	static final Delivery LEFT = new Delivery(null, "the lead ended", "left");

	static Delivery failed(String why) {
		return new Delivery("failed", why, "failed");
	}

	static Delivery retry(String why) {
		return new Delivery(null, why, "retried");
	}
}
