package io.analytips.store;

/**
 * What a user chose for themselves; a null field was not chosen (the bot then decides from their client).
 *
 * @param userId the Telegram user id
 * @param language a language tag ({@code pt-BR}, {@code en}), or null
 * @param timeZone an IANA time zone id ({@code America/Sao_Paulo}), or null
 */
public record UserSettings(long userId, String language, String timeZone) {

	/** Nothing chosen yet. */
	public static UserSettings none(long userId) {
		return new UserSettings(userId, null, null);
	}

	public UserSettings withLanguage(String language) {
		return new UserSettings(userId, language, timeZone);
	}

	public UserSettings withTimeZone(String timeZone) {
		return new UserSettings(userId, language, timeZone);
	}
}
