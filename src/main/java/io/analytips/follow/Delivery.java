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

	/** Left as it is: the lead ended while it went; the next leader gives it back and sends it. */
	static final Delivery LEFT = new Delivery("sending", null, "left");

	static Delivery failed(String why) {
		return new Delivery("failed", why, "failed");
	}

	static Delivery retry(String why) {
		return new Delivery(null, why, "retried");
	}
}
