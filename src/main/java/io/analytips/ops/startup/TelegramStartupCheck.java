package io.analytips.ops.startup;

import java.util.List;
import java.util.stream.Collectors;

import io.analytips.host.TokenChecks;
import io.analytips.host.TokenCheck;
import io.analytips.telegram.TelegramException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Telegram {@code getMe} for each configured token: the start goes on while at least one is accepted (each refused
 * one is named in one line by the host, without its secret, and that bot does not start); it fails only when none is.
 */
final class TelegramStartupCheck implements StartupCheck {

	private static final Logger log = LoggerFactory.getLogger(TelegramStartupCheck.class);

	private final TokenChecks checks;

	private final List<String> tokens;

	TelegramStartupCheck(TokenChecks checks) {
		this.checks = checks;
		this.tokens = checks.configured();
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
		if (tokens.isEmpty()) {
			return Mono.error(StartupCheckFailure.invalid("TELEGRAM_BOT_TOKEN", "it is not set"));
		}
		return this.checks.check().flatMap(checks -> {
			List<TokenCheck> valid = checks.stream().filter(TokenCheck::valid).toList();
			if (!valid.isEmpty()) {
				valid.forEach(check -> log.info("Telegram accepted the token: bot @{} (id {})", check.bot().username(),
						check.bot().id()));
				return Mono.empty();
			}
			return Mono.error(failure(checks));
		});
	}

	/** None accepted: unreachable if Telegram could not be asked, else the refusal (of the one token, or of all). */
	private StartupCheckFailure failure(List<TokenCheck> checks) {
		String setting = tokens.size() > 1 ? "TELEGRAM_BOT_TOKENS" : "TELEGRAM_BOT_TOKEN";
		for (TokenCheck check : checks) {
			if (check.error() instanceof TelegramException ex && !ex.isFatal()
					&& ex.kind() != TelegramException.Kind.BAD_REQUEST) {
				return StartupCheckFailure.unreachable("TELEGRAM_API_URL", ex.getMessage(), ex);
			}
			if (check.error() instanceof java.util.concurrent.TimeoutException timeout) {
				return StartupCheckFailure.unreachable("TELEGRAM_API_URL", "no answer to getMe within "
						+ TokenChecks.TIMEOUT_SECONDS + " s", timeout);
			}
		}
		if (checks.size() == 1) {
			return StartupCheckFailure.invalid(setting, reason(checks.get(0)));
		}
		return StartupCheckFailure.invalid(setting, "none of its " + checks.size() + " tokens is accepted: "
				+ checks.stream().map(check -> "token " + check.position() + ": " + reason(check))
					.collect(Collectors.joining("; ")));
	}

	private static String reason(TokenCheck check) {
		if (check.error() instanceof TelegramException ex) {
			return ex.kind() == TelegramException.Kind.UNAUTHORIZED
					? "Telegram answered " + ex.errorCode() + (ex.errorCode() == 401 ? " Unauthorized" : " Not Found")
					: "Telegram answered " + ex.getMessage();
		}
		return check.error() == null ? "not checked" : check.error().getMessage();
	}
}
