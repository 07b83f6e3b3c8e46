package io.analytips.cli;

import io.analytips.backtest.BacktestMain;

/** What {@code --help} prints: every mode, the settings most runs need, and where the others are. */
public final class Usage {

	private Usage() {
	}

	/** The help, ending with a line break. */
	public static String text() {
		return """
				Analytips: a Telegram bot that analyses football matches.

				Usage: java -jar analytips.jar [MODE] [--property=value ...]

				Modes:
				  (none)                       run the bot; needs TELEGRAM_BOT_TOKEN and API_FOOTBALL_KEY
				  --demo                       the bot offline: API-Football is the bundled simulator (no key needed),
				                               the terminal stands in for Telegram unless TELEGRAM_BOT_TOKEN is set
				  --simulator [--port=N] [--host=H]
				                               only the API-Football simulator (default 127.0.0.1:8081, key simulator-key)
				  %s
				                               the model's walk-forward backtest on the bundled seasons
				                               (backtest --help explains each option)
				  audit-verify                 checks the audit trail in DATABASE_URL (or ./data/postgres):
				                               exit 0 intact, 1 a row altered or removed, 2 unreadable
				  --version                    the version and the git commit it was built from
				  --help, -h                   this help

				Any --name=value is a Spring property for the bot, e.g. --server.port=9000 or
				--analytips.bot.rate-limit=20 (--debug prints Spring Boot's auto-configuration report).

				Environment (each is also a property analytips.*, see application.yml):
				  TELEGRAM_BOT_TOKEN   the bot's token, from @BotFather in Telegram (required, except --demo)
				  TELEGRAM_BOT_TOKENS  several bots in one process: their tokens, comma-separated (docs/multi-bot.md)
				  API_FOOTBALL_KEY     your API-Football key, from https://dashboard.api-football.com (required, except --demo)
				  DATABASE_URL         postgres://user:pass@host:5432/db; unset: an embedded PostgreSQL in ./data/postgres
				  TELEGRAM_MODE        polling (default) or webhook (then TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET)
				  SERVER_PORT          HTTP port of the webhook, health and metrics (default 8080)
				  LOG_FORMAT           json (one object per line; the default when not on a terminal) or text
				  DEMO_LANGUAGE        the demo's language, pt-br or en (default: from LANG)
				Every setting, with its default: docs/configuration.md

				Exit codes: 0 done, 1 the start failed (a line names the setting to fix), 2 a wrong command line.
				""".formatted(wrap(BacktestMain.synopsis(), 98, " ".repeat(11)));
	}

	/**
	 * {@code line} in lines of at most {@code width} characters (unless one option alone is longer), the
	 * later ones starting with {@code indent}. Breaks only before an option, so "[--out DIR]" stays whole.
	 */
	static String wrap(String line, int width, String indent) {
		StringBuilder wrapped = new StringBuilder();
		int column = 0;
		boolean lineEmpty = true;
		for (String option : line.split(" (?=\\[|--)")) {
			if (!lineEmpty && column + 1 + option.length() > width) {
				wrapped.append('\n').append(indent);
				column = indent.length();
				lineEmpty = true;
			}
			if (!lineEmpty) {
				wrapped.append(' ');
				column++;
			}
			wrapped.append(option);
			column += option.length();
			lineEmpty = false;
		}
		return wrapped.toString();
	}
}
