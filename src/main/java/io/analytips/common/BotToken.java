package io.analytips.common;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A bot's token as @BotFather gives it, {@code 123456789:AAE…}: the number before the colon is the bot's id, which
 * keys the bot's state before Telegram was asked anything. {@link #toString()} never shows the secret part.
 */
public record BotToken(String value) {

	/** The shape of a token; also what the logs recognise to cut tokens out of every line. */
	public static final Pattern SHAPE = Pattern.compile("\\d{5,}:[A-Za-z0-9_-]{30,}");

	public BotToken {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("not a bot token: it must be the token @BotFather gave the bot, its id, a"
					+ " colon and 35 letters, digits, _ and - (like 123456789:AAEhBOw...)");
		}
	}

	/** The bot's id: the number before the colon. */
	public long botId() {
		return Long.parseLong(value.substring(0, value.indexOf(':')));
	}

	/**
	 * The tokens of a deployment: {@code TELEGRAM_BOT_TOKENS} (comma-separated, blanks ignored) when set, else the
	 * single {@code TELEGRAM_BOT_TOKEN}, else none. Strings not shaped as tokens are kept out here and named by the
	 * settings check.
	 */
	public static List<String> listed(String tokens, String token) {
		List<String> many = tokens == null ? List.of()
				: Arrays.stream(tokens.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
		if (!many.isEmpty()) {
			return many;
		}
		return token == null || token.isBlank() ? List.of() : List.of(token.strip());
	}

	/**
	 * The id of the deployment's first bot (its rows from before it hosted several keep theirs), or 0 when there is
	 * no token shaped as one (the demo).
	 */
	public static long firstId(String tokens, String token) {
		return listed(tokens, token).stream()
			.filter(t -> SHAPE.matcher(t).matches())
			.findFirst()
			.map(t -> new BotToken(t).botId())
			.orElse(0L);
	}

	@Override
	public String toString() {
		return botId() + ":<secret>";
	}
}
