package io.analytips.ops.startup;

import io.analytips.telegram.BotApi;
import io.analytips.telegram.TelegramException;
import io.analytips.telegram.TelegramProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** Telegram {@code getMe}: the token is accepted and the Bot API reachable. */
final class TelegramStartupCheck implements StartupCheck {

	private static final Logger log = LoggerFactory.getLogger(TelegramStartupCheck.class);

	private final BotApi client;

	private final TelegramProperties properties;

	TelegramStartupCheck(BotApi client, TelegramProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "Telegram";
	}

	@Override
	public String setting() {
		return "TELEGRAM_API_URL";
	}

	@Override
	public Mono<Void> run() {
		if (!properties.hasToken()) {
			return Mono.error(StartupCheckFailure.invalid("TELEGRAM_BOT_TOKEN", "it is not set"));
		}
		return client.getMe()
			.doOnNext(me -> log.info("Telegram accepted the token: bot @{} (id {})", me.username(), me.id()))
			.onErrorMap(TelegramException.class, TelegramStartupCheck::failure)
			.then();
	}

	private static StartupCheckFailure failure(TelegramException ex) {
		return switch (ex.kind()) {
			case UNAUTHORIZED -> StartupCheckFailure.invalid("TELEGRAM_BOT_TOKEN",
					"Telegram answered " + ex.errorCode() + (ex.errorCode() == 401 ? " Unauthorized" : " Not Found"));
			case NETWORK, TIMEOUT, SERVER_ERROR, TOO_MANY_REQUESTS, CONFLICT ->
				StartupCheckFailure.unreachable("TELEGRAM_API_URL", ex.getMessage(), ex);
			default -> StartupCheckFailure.invalid("TELEGRAM_BOT_TOKEN", "Telegram answered " + ex.getMessage());
		};
	}
}
