package io.analytips.bot;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payloads of the bot's deep links, {@code https://t.me/<bot>?start=<payload>}, which Telegram hands over as
 * {@code /start <payload>}: {@code f<fixture id>} opens a fixture, {@code t<team id>} a team's games. A payload is
 * what anyone can type after {@code /start}, so it is read as untrusted input: at most 64 characters of
 * {@code A-Za-z0-9_-} (Telegram's own rule), a letter, and an id of 1 to 12 digits without a leading zero (no sign,
 * no overflow). Anything else is no link.
 */
final class DeepLinks {

	/** Telegram's limit on a {@code start} payload. */
	static final int MAX_LENGTH = 64;

	private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

	private static final Pattern LINK = Pattern.compile("([ft])([1-9][0-9]{0,11})");

	/** Where a link leads. */
	enum Kind {
		FIXTURE('f'), TEAM('t');

		private final char letter;

		Kind(char letter) {
			this.letter = letter;
		}
	}

	/** A link's target: a fixture or a team, by its API-Football id (positive). */
	record Link(Kind kind, long id) {

		Link {
			if (id <= 0 || String.valueOf(id).length() > 12) {
				throw new IllegalArgumentException("not an id a link carries: " + id);
			}
		}

		/** The payload that opens it: {@code f123}. */
		String payload() {
			return kind.letter + String.valueOf(id);
		}
	}

	private DeepLinks() {
	}

	/** The link's target, or empty for anything that is not a well-formed payload of this bot (never throws). */
	static Optional<Link> parse(String payload) {
		if (payload == null || !ALLOWED.matcher(payload).matches()) {
			return Optional.empty();
		}
		Matcher link = LINK.matcher(payload);
		if (!link.matches()) {
			return Optional.empty();
		}
		Kind kind = link.group(1).equals("f") ? Kind.FIXTURE : Kind.TEAM;
		return Optional.of(new Link(kind, Long.parseLong(link.group(2))));
	}

	/** The payload that opens a fixture. */
	static String fixture(long id) {
		return new Link(Kind.FIXTURE, id).payload();
	}

	/** The link that opens {@code payload} in the private chat with the bot {@code username}; null without a username. */
	static String url(String username, String payload) {
		return username == null || username.isBlank() ? null : "https://t.me/" + username + "?start=" + payload;
	}
}
