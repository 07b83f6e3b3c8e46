package io.analytips.host;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;

import io.analytips.common.BotProfile;
import io.analytips.store.TokenCipher;
import io.analytips.telegram.TelegramProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The bots a deployment hosts ({@code analytips.bots.*}; docs/multi-bot.md).
 *
 * @param tokens {@code TELEGRAM_BOT_TOKENS}: several tokens, comma-separated; when blank, the single
 *        {@code TELEGRAM_BOT_TOKEN}
 * @param settings what the operator chose for each bot, keyed by its username (the file named by {@code BOTS_FILE},
 *        or {@code ANALYTIPS_BOTS_SETTINGS_0_USERNAME}-style variables); a bot without an entry takes the defaults
 * @param tokenKey {@code BOTS_TOKEN_KEY}: 32 bytes, base64-encoded, that encrypt the tokens of bots added through the
 *        admin API before they are stored; without it bots cannot be added while running
 */
@Validated
@ConfigurationProperties("analytips.bots")
public record BotsProperties(String tokens, List<@Valid BotSettings> settings, String tokenKey) {

	public BotsProperties {
		tokens = tokens == null ? "" : tokens;
		settings = settings == null ? List.of() : List.copyOf(settings);
		tokenKey = tokenKey == null ? "" : tokenKey.strip();
		if (!tokenKey.isEmpty()) {
			TokenCipher.fromBase64Key(tokenKey); // a key that cannot encrypt stops the start, naming BOTS_TOKEN_KEY
		}
		Set<String> seen = new HashSet<>();
		for (BotSettings bot : settings) {
			if (!seen.add(bot.key())) {
				throw new IllegalArgumentException("analytips.bots.settings names @" + bot.username() + " twice");
			}
		}
	}

	/** The settings of the bot named {@code username} (any case, with or without the @), or the defaults. */
	public BotSettings of(String username) {
		String key = BotSettings.key(username);
		return settings.stream().filter(bot -> bot.key().equals(key)).findFirst().orElse(BotSettings.DEFAULTS);
	}

	@Override
	public String toString() {
		return "BotsProperties[tokens=(" + (tokens.isBlank() ? "unset" : "set") + "), settings=" + settings
				+ ", tokenKey=(" + (tokenKey.isEmpty() ? "unset" : "set") + ")]";
	}

	/**
	 * One bot's settings; each left out takes the deployment's default.
	 *
	 * @param username the bot's username, as @BotFather shows it (the @ optional, any case)
	 * @param language {@code en} or {@code pt}: the language of users whose client sends one the bot does not speak
	 * @param timeZone an IANA zone ({@code Europe/Lisbon}) for users who chose none
	 * @param leagues the API-Football league ids the bot offers
	 * @param admins Telegram user ids with the admin commands in this bot's chats, besides {@code ADMIN_IDS}
	 * @param mode polling or webhook ({@code TELEGRAM_MODE} by default)
	 * @param webhookUrl where Telegram posts this bot's updates (by default {@code TELEGRAM_WEBHOOK_URL}, and for
	 *        any bot but the first, that URL followed by {@code /<username>})
	 * @param webhookSecret the secret Telegram echoes (by default, one derived from {@code TELEGRAM_WEBHOOK_SECRET}
	 *        and the bot's id: each bot's differs)
	 */
	public record BotSettings(String username, String language, String timeZone, List<Integer> leagues,
			List<Long> admins, TelegramProperties.Mode mode, URI webhookUrl, String webhookSecret) {

		static final BotSettings DEFAULTS = new BotSettings("", null, null, List.of(), List.of(), null, null, null);

		public BotSettings {
			username = username == null ? "" : username.strip();
			leagues = leagues == null ? List.of() : List.copyOf(leagues);
			admins = admins == null ? List.of() : List.copyOf(admins);
			if (language != null && !language.isBlank() && !language.strip().toLowerCase(Locale.ROOT).matches("en|pt|pt-br")) {
				throw new IllegalArgumentException("analytips.bots.settings: @" + username + "'s language must be en or pt"
						+ " (was \"" + language + "\")");
			}
			if (timeZone != null && !timeZone.isBlank()) {
				try {
					ZoneId.of(timeZone.strip());
				}
				catch (DateTimeException ex) {
					throw new IllegalArgumentException("analytips.bots.settings: @" + username
							+ "'s time-zone must be an IANA zone like Europe/Lisbon (was \"" + timeZone + "\")");
				}
			}
			if (webhookSecret != null && !webhookSecret.isEmpty() && !webhookSecret.matches("[A-Za-z0-9_-]{1,256}")) {
				throw new IllegalArgumentException("analytips.bots.settings: @" + username
						+ "'s webhook-secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -");
			}
			if (admins.stream().anyMatch(id -> id == null || id <= 0)) {
				throw new IllegalArgumentException("analytips.bots.settings: @" + username
						+ "'s admins must be Telegram user ids like 123456789");
			}
		}

		/** The username as the settings are looked up by: lower case, without the @. */
		static String key(String username) {
			String name = username == null ? "" : username.strip();
			return (name.startsWith("@") ? name.substring(1) : name).toLowerCase(Locale.ROOT);
		}

		String key() {
			return key(username);
		}

		/** The bot as the rest of the code sees it. */
		BotProfile profile(long id, String botUsername) {
			Locale locale = language == null || language.isBlank() ? null
					: language.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
							: Locale.forLanguageTag("pt-BR");
			ZoneId zone = timeZone == null || timeZone.isBlank() ? null : ZoneId.of(timeZone.strip());
			return new BotProfile(id, botUsername, locale, zone, Set.copyOf(leagues), Set.copyOf(admins));
		}

		@Override
		public String toString() {
			return "BotSettings[username=" + username + ", language=" + language + ", timeZone=" + timeZone
					+ ", leagues=" + leagues + ", admins=" + admins + ", mode=" + mode + ", webhookUrl=" + webhookUrl
					+ ", webhookSecret=" + (webhookSecret == null || webhookSecret.isEmpty() ? "(unset)" : "(set)") + "]";
		}
	}
}
