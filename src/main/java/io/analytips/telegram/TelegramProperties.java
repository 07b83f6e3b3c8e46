package io.analytips.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Bot API settings ({@code analytips.telegram.*}; the environment names are in application.yml).
 *
 * @param botToken {@code TELEGRAM_BOT_TOKEN}
 * @param apiUrl {@code TELEGRAM_API_URL}
 * @param mode {@code TELEGRAM_MODE}
 * @param webhookUrl {@code TELEGRAM_WEBHOOK_URL}: the public URL Telegram posts to
 * @param webhookSecret {@code TELEGRAM_WEBHOOK_SECRET}: echoed by Telegram in {@code X-Telegram-Bot-Api-Secret-Token}
 * @param pollTimeout the long-poll wait Telegram holds a {@code getUpdates} call open
 * @param pollLimit updates per {@code getUpdates} call (1–100)
 * @param requestTimeout the response timeout of every other call
 * @param connectTimeout the TCP connect timeout
 * @param globalRate {@code TELEGRAM_GLOBAL_RATE}: messages per second in total
 * @param chatBurst messages a private chat may receive at once before the 1/s pace applies
 * @param groupPerMinute messages per minute to one group
 * @param outboundCapacity calls waiting in the outbound scheduler before new ones are refused
 */
@Validated
@ConfigurationProperties("analytips.telegram")
public record TelegramProperties(String botToken, @NotNull URI apiUrl, @NotNull Mode mode, URI webhookUrl,
		String webhookSecret, @NotNull Duration pollTimeout, @Min(1) @Max(100) int pollLimit,
		@NotNull Duration requestTimeout, @NotNull Duration connectTimeout, @Min(1) int globalRate,
		@Min(1) int chatBurst, @Min(1) int groupPerMinute, @Min(1) int outboundCapacity) {

	private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

	/** How updates arrive. */
	public enum Mode {
		POLLING, WEBHOOK
	}

	public TelegramProperties {
		if (mode == Mode.WEBHOOK) {
			if (webhookUrl == null || !webhookUrl.isAbsolute()) {
				throw new IllegalArgumentException("TELEGRAM_WEBHOOK_URL must be an absolute URL when TELEGRAM_MODE=webhook");
			}
			if (webhookSecret == null || !SECRET.matcher(webhookSecret).matches()) {
				throw new IllegalArgumentException(
						"TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and - when TELEGRAM_MODE=webhook");
			}
		}
		if (pollTimeout != null && (pollTimeout.isNegative() || pollTimeout.toSeconds() > 600)) {
			throw new IllegalArgumentException("analytips.telegram.poll-timeout must be between 0 and 600 seconds");
		}
	}

	/** Whether a token was given; outside the demo a missing token stops start-up. */
	public boolean hasToken() {
		return botToken != null && !botToken.isBlank();
	}
}
