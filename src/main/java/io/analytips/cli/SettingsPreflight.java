package io.analytips.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.analytips.cli.CommandLine.Mode;

/**
 * The settings the bot cannot start without, checked before Spring and the embedded database start, so that
 * a first run without them ends within a second with one line per missing setting saying what it is and
 * where to get it (instead of 15 s of start-up and a line about a failed check). Only what is certain
 * without reading any configuration file is reported: when Spring may find settings elsewhere (an
 * {@code application.yml} or {@code config/} in the working directory, {@code spring.config.*},
 * {@code SPRING_APPLICATION_JSON}, a profile), nothing is, and {@link SettingsBinding}, which reads them as
 * Spring does, decides next.
 */
public final class SettingsPreflight {

	static final String TOKEN_MISSING = "TELEGRAM_BOT_TOKEN is not set: the bot's token, from @BotFather in Telegram"
			+ " (https://t.me/BotFather); or TELEGRAM_BOT_TOKENS, several comma-separated";

	static final String KEY_MISSING = "API_FOOTBALL_KEY is not set: your API-Football key, from"
			+ " https://dashboard.api-football.com (or run --demo, which needs none)";

	private SettingsPreflight() {
	}

	/**
	 * What stops {@code mode} from starting with these settings, one line each naming the variable; empty when
	 * nothing does (or when Spring may find settings this cannot see).
	 */
	public static List<String> problems(Mode mode, SettingSources given, Path workingDirectory) {
		if (mayBeConfiguredElsewhere(given, workingDirectory)) {
			return List.of();
		}
		List<String> problems = new ArrayList<>();
		if (mode == Mode.RUN) {
			if (!hasToken(given)) {
				problems.add(TOKEN_MISSING);
			}
			if (isBlank(given.setting("analytips.football.key", "API_FOOTBALL_KEY"))) {
				problems.add(KEY_MISSING);
			}
		}
		problems.addAll(telegramModeProblems(given));
		return problems;
	}

	/** Whether the bot will serve Telegram rather than the terminal in {@code --demo}: a token is given. */
	public static boolean hasToken(SettingSources given) {
		return !isBlank(given.setting("analytips.telegram.bot-token", "TELEGRAM_BOT_TOKEN"))
				|| !isBlank(given.setting("analytips.bots.tokens", "TELEGRAM_BOT_TOKENS"));
	}

	private static List<String> telegramModeProblems(SettingSources given) {
		Optional<String> mode = given.setting("analytips.telegram.mode", "TELEGRAM_MODE");
		// Spring reads enum values leniently: "Webhook", "WEBHOOK" and "web-hook" all work.
		String normalised = mode.map(value -> value.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT))
			.orElse("polling");
		if (normalised.equals("polling")) {
			return List.of();
		}
		if (!normalised.equals("webhook")) {
			return List.of("TELEGRAM_MODE is invalid: polling or webhook (was \"" + mode.orElse("") + "\")");
		}
		List<String> problems = new ArrayList<>();
		if (isBlank(given.setting("analytips.telegram.webhook-url", "TELEGRAM_WEBHOOK_URL"))) {
			problems.add("TELEGRAM_WEBHOOK_URL is not set: the public HTTPS URL Telegram posts updates to,"
					+ " routed to /telegram/webhook (TELEGRAM_MODE=webhook needs it)");
		}
		if (isBlank(given.setting("analytips.telegram.webhook-secret", "TELEGRAM_WEBHOOK_SECRET"))) {
			problems.add("TELEGRAM_WEBHOOK_SECRET is not set: a secret you choose (1-256 of A-Z, a-z, 0-9, _ and -)"
					+ " that Telegram sends back with every update (TELEGRAM_MODE=webhook needs it)");
		}
		return problems;
	}

	private static boolean mayBeConfiguredElsewhere(SettingSources given, Path workingDirectory) {
		return given.givesAnyStartingWith("spring.config.") || given.givesAnyStartingWith("spring.application.json")
				|| given.givesAnyStartingWith("spring.profiles.") || Files.isDirectory(workingDirectory.resolve("config"))
				|| hasApplicationFile(workingDirectory);
	}

	/** Spring Boot reads {@code ./application*.properties|yml|yaml} by default. */
	private static boolean hasApplicationFile(Path directory) {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "application*.{properties,yml,yaml}")) {
			return files.iterator().hasNext();
		}
		catch (IOException unreadable) {
			// Spring cannot read it either.
			return false;
		}
	}

	private static boolean isBlank(Optional<String> value) {
		return value.map(String::isBlank).orElse(true);
	}
}
