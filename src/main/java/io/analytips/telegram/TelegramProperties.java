package io.analytips.telegram;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.analytips.common.HttpClients;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Bot API settings ({@code analytips.telegram.*}; the environment names are in application.yml).
 *
 * @param botToken {@code TELEGRAM_BOT_TOKEN}: blank (the demo, or a start that then stops: the check before
 *        Spring says it is missing) or shaped as @BotFather gives it, {@code 123456789:AAE…}; the shape is also
 *        what the logs recognise to cut the token out of every line ({@code TokenRedaction}), so a token of
 *        another shape could reach a log whole
 * @param apiUrl {@code TELEGRAM_API_URL}: an http(s) URL
 * @param mode {@code TELEGRAM_MODE}
 * @param webhookUrl {@code TELEGRAM_WEBHOOK_URL}: the public HTTPS URL Telegram posts to (Telegram posts only to
 *        HTTPS)
 * @param webhookSecret {@code TELEGRAM_WEBHOOK_SECRET}: echoed by Telegram in {@code X-Telegram-Bot-Api-Secret-Token}
 * @param pollTimeout the long-poll wait Telegram holds a {@code getUpdates} call open
 * @param pollLimit updates per {@code getUpdates} call (1–100)
 * @param requestTimeout the response timeout of every other call
 * @param connectTimeout the TCP connect timeout
 * @param globalRate {@code TELEGRAM_GLOBAL_RATE}: messages per second in total
 * @param chatBurst messages a private chat may receive at once before the 1/s pace applies
 * @param groupPerMinute messages per minute to one group
 * @param outboundCapacity calls waiting in the outbound scheduler before new ones are refused (and, apart, broadcasts
 *        waiting: see {@link OutboundScheduler#broadcast})
 * @param allowPaidBroadcast {@code TELEGRAM_ALLOW_PAID_BROADCAST}: broadcasts go with {@code allow_paid_broadcast}, paced
 *        by their own bucket at {@code paidBroadcastRate} instead of the global rate; Telegram charges the bot's Stars
 *        balance for every message beyond the free rate
 * @param paidBroadcastRate broadcasts per second when {@code allowPaidBroadcast} (Telegram allows up to 1000)
 */
@Validated
@ConfigurationProperties("analytips.telegram")
public record TelegramProperties(
		@Pattern(regexp = "|\\d{5,}:[A-Za-z0-9_-]{30,}", message = "must be the token @BotFather gave the bot: its id,"
				+ " a colon and 35 letters, digits, _ and - (like 123456789:AAEhBOw...)") String botToken,
		@NotNull URI apiUrl, @NotNull Mode mode, URI webhookUrl,
		String webhookSecret, @NotNull Duration pollTimeout, @Min(1) @Max(100) int pollLimit,
		@NotNull Duration requestTimeout, @NotNull Duration connectTimeout, @Min(1) int globalRate,
		@Min(1) int chatBurst, @Min(1) int groupPerMinute, @Min(1) int outboundCapacity, boolean allowPaidBroadcast,
		@Min(1) int paidBroadcastRate) {

	/** How updates arrive. */
	public enum Mode {
		POLLING, WEBHOOK
	}

	public TelegramProperties {
		if (apiUrl != null && !HttpClients.isHttpUrl(apiUrl)) {
			throw new IllegalArgumentException("TELEGRAM_API_URL must be an http(s) URL like https://api.telegram.org (was \""
					+ apiUrl + "\")");
		}
		if (mode == Mode.WEBHOOK) {
			if (webhookUrl == null || !HttpClients.isHttpUrl(webhookUrl) || !"https".equalsIgnoreCase(webhookUrl.getScheme())) {
				throw new IllegalArgumentException("TELEGRAM_WEBHOOK_URL must be an https URL like"
						+ " https://bot.example.org/telegram/webhook when TELEGRAM_MODE=webhook (was \""
						+ (webhookUrl == null ? "" : webhookUrl) + "\")");
			}
			if (webhookSecret == null || !webhookSecret.matches("[A-Za-z0-9_-]{1,256}")) {
				throw new IllegalArgumentException(
						"TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and - when TELEGRAM_MODE=webhook");
			}
		}
		if (pollTimeout != null && (pollTimeout.isNegative() || pollTimeout.toSeconds() > 600)) {
			throw new IllegalArgumentException("analytips.telegram.poll-timeout must be between 0 and 600 seconds");
		}
	}

	/**
	 * These settings for one of the deployment's bots: its token, how its updates arrive, where Telegram posts them
	 * and the secret it echoes; the rest (timeouts, limits) as for every bot. Each bot's limits are its own: a
	 * scheduler made with these counts only that bot's messages.
	 */
	public TelegramProperties forBot(String token, Mode botMode, URI botWebhookUrl, String botWebhookSecret) {
		return forBot(token, botMode, botWebhookUrl, botWebhookSecret, outboundCapacity);
	}

	/** As above, the bot's outbound scheduler holding at most {@code capacity} calls (its share of the deployment's). */
	public TelegramProperties forBot(String token, Mode botMode, URI botWebhookUrl, String botWebhookSecret, int capacity) {
		return new TelegramProperties(token, apiUrl, botMode, botWebhookUrl, botWebhookSecret, pollTimeout, pollLimit,
				requestTimeout, connectTimeout, globalRate, chatBurst, groupPerMinute, capacity, allowPaidBroadcast,
				paidBroadcastRate);
	}

	/** Whether a token was given; outside the demo a missing token stops start-up. */
	public boolean hasToken() {
		return botToken != null && !botToken.isBlank();
	}
}
