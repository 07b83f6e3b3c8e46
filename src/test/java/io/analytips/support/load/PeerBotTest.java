package io.analytips.support.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeerBotTest {

	private static final Path SAME_REPLIES = Path.of("src", "test", "peer", "grammy-bot-same-replies.mjs");

	@Test
	void thePeerGivenAnalytipsRepliesSendsTheBotsOwnWelcomeHelpAndMenu() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/i18n/messages.properties")) {
			messages.load(in);
		}
		// the script splits its long strings as 'a'\n  + 'b': joined, they read as one literal
		String script = Files.readString(SAME_REPLIES, StandardCharsets.UTF_8).replaceAll("'\\s*\\n\\s*\\+\\s*'", "");

		String[] welcome = literal(messages.getProperty("welcome.html")).split("\\{0\\}");
		assertThat(script).contains(welcome[0] + "' + escape(ctx.from?.first_name ?? '') + '" + welcome[1]);
		assertThat(script).contains(literal(messages.getProperty("help.html")));
		for (String button : List.of("button.today", "button.search", "button.leagues", "button.recent",
				"button.settings", "button.help", "button.my.teams", "button.record")) {
			assertThat(script).as(button).contains("text: '" + messages.getProperty(button) + "'");
		}
	}

	@Test
	void installsBothPeers() {
		assertThat(PeerBot.SCRIPTS).containsExactlyInAnyOrder("grammy-bot.mjs", "grammy-bot-same-replies.mjs");
		assertThat(PeerBot.SCRIPTS).allMatch(script -> Files.isRegularFile(Path.of("src", "test", "peer", script)));
	}

	/** A message as the script writes it: in a single-quoted literal, a line break as the two characters \n. */
	private static String literal(String message) {
		return message.replace("\n", "\\n").replace("'", "\\'");
	}
}
