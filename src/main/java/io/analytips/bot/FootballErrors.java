package io.analytips.bot;

import java.util.Locale;

import io.analytips.football.FixtureNotFoundException;
import io.analytips.football.api.ApiFootballException;
import io.analytips.common.LogContext;
import io.analytips.telegram.Html;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** What to tell a user when football data cannot be had: a clear sentence, never a stack trace. */
final class FootballErrors {

	private static final Logger log = LoggerFactory.getLogger(FootballErrors.class);

	private FootballErrors() {
	}

	/**
	 * The message for an error; empty when the error is not about football data (a bug: let the
	 * pipeline apologise). Lines it logs carry the ids of the update being handled.
	 */
	static Mono<String> message(Throwable error, Messages messages, Locale locale) {
		return Mono.deferContextual(ids -> Mono.justOrEmpty(LogContext.in(ids, () -> describe(error, messages, locale))));
	}

	/**
	 * The message for an error as a screen with the way back to the menu; the error itself when it is not about
	 * football data.
	 */
	static Mono<Screen> screen(Throwable error, Messages messages, Menus menus, Locale locale) {
		return message(error, messages, locale)
			.map(message -> new Screen(Html.escape(message), menus.backOnly(CallbackData.MENU, locale)))
			.switchIfEmpty(Mono.error(error));
	}

	private static String describe(Throwable error, Messages messages, Locale locale) {
		if (error instanceof FixtureNotFoundException) {
			return messages.get(locale, "football.notfound");
		}
		if (error instanceof ApiFootballException ex) {
			return switch (ex.kind()) {
				case QUOTA_EXHAUSTED -> messages.get(locale, "football.quota");
				case CONFIGURATION -> {
					log.error("ALERT: API-Football refused the key while serving a user ({}); check API_FOOTBALL_KEY",
							ex.getMessage());
					yield messages.get(locale, "football.misconfigured");
				}
				case BAD_REQUEST -> {
					log.warn("API-Football refused a request: {}", ex.getMessage());
					yield messages.get(locale, "football.unavailable");
				}
				default -> messages.get(locale, "football.unavailable");
			};
		}
		return null;
	}
}
