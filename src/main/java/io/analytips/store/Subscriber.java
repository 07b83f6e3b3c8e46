package io.analytips.store;

import java.util.Objects;

/**
 * A chat that follows something, as its alerts are written.
 *
 * @param chatId the chat the alerts go to (a private chat's id is its user's)
 * @param language the language tag the user reads in ({@code pt-BR}, {@code en})
 * @param timeZone the IANA zone kick-offs are shown in
 * @param alertMinutes how long before kick-off the alert goes; null for the deployment's default
 * @param digestHour the local hour of the daily digest (0–23); null for none
 * @param active false while the user has blocked the bot: nothing is sent to them
 */
public record Subscriber(long chatId, String language, String timeZone, Integer alertMinutes, Integer digestHour,
		boolean active) {

	public Subscriber {
		Objects.requireNonNull(language, "language");
		Objects.requireNonNull(timeZone, "timeZone");
		if (alertMinutes != null && (alertMinutes < 0 || alertMinutes > 1440)) {
			throw new IllegalArgumentException("an alert goes 0 to 1440 minutes before kick-off, not " + alertMinutes);
		}
		if (digestHour != null && (digestHour < 0 || digestHour > 23)) {
			throw new IllegalArgumentException("the digest's hour is 0 to 23, not " + digestHour);
		}
	}

	/** A new subscriber reading in {@code language} and {@code timeZone}, with the default alert and no digest. */
	public static Subscriber of(long chatId, String language, String timeZone) {
		return new Subscriber(chatId, language, timeZone, null, null, true);
	}
}
