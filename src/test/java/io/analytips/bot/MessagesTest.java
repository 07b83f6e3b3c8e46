package io.analytips.bot;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;

import io.analytips.common.MutableClock;
import io.analytips.pipeline.UpdateContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagesTest {

	private final Messages messages = new Messages();

	@Test
	void bothLanguagesHaveTheSameKeys() {
		assertThat(messages.keys(Locale.ENGLISH)).containsExactlyInAnyOrderElementsOf(messages.keys(UpdateContext.DEFAULT_LOCALE));
	}

	@Test
	void everyMessageFormatsInBothLanguages() {
		for (Locale locale : new Locale[] { UpdateContext.DEFAULT_LOCALE, Locale.ENGLISH }) {
			for (String key : messages.keys(locale)) {
				String text = messages.get(locale, key, "arg0", "arg1");
				assertThat(text).as(key).isNotBlank().doesNotContain("''");
			}
		}
	}

	@Test
	void anApostropheInTheBundleIsDoubledSoMessageFormatKeepsIt() {
		java.util.ResourceBundle bundle = java.util.ResourceBundle.getBundle("i18n/messages", Locale.ENGLISH);
		for (String key : bundle.keySet()) {
			// a lone ' starts a quoted run in MessageFormat and vanishes: "the bot's record" reads "the bots record"
			assertThat(bundle.getString(key).replace("''", "")).as(key).doesNotContain("'");
		}
	}

	@Test
	void speaksPortugueseByDefaultAndEnglishToEnglishClients() {
		assertThat(messages.get(UpdateContext.DEFAULT_LOCALE, "notice.overloaded")).isEqualTo(
				"⚠️ Sistema temporariamente sobrecarregado. Estou processando um grande número de análises no momento. "
						+ "Por favor, tente novamente em alguns minutos.");
		assertThat(messages.get(Locale.forLanguageTag("es"), "unknown.text")).startsWith("Não entendi");
		assertThat(messages.get(Locale.ENGLISH, "unknown.command.html", "x")).isEqualTo(
				"I don't know the command <code>/x</code>. Use /help to see what I can do.");
	}

	@Test
	void aTextWithoutArgumentsIsTheSameEachTimeAndKeepsItsApostrophes() {
		java.util.ResourceBundle bundle = java.util.ResourceBundle.getBundle("i18n/messages", Locale.ENGLISH);
		for (String key : bundle.keySet()) {
			String first = messages.get(Locale.ENGLISH, key);
			if (!bundle.getString(key).contains("{")) {
				// Formatted once and kept: the same text, with MessageFormat's quoting applied ('' is ').
				assertThat(messages.get(Locale.ENGLISH, key, "ignored")).as(key).isEqualTo(first)
					.isEqualTo(bundle.getString(key).replace("''", "'"));
			}
		}
		assertThat(messages.get(Locale.ENGLISH, "unknown.command.html", "y")).as("a text with arguments is formatted each time")
			.contains("/y");
	}

	@Test
	void refusesAnUnknownKey() {
		assertThatThrownBy(() -> messages.get(Locale.ENGLISH, "no.such.key")).hasMessageContaining("no.such.key");
	}

	private static BotNotices notices() {
		return new BotNotices(new Messages(), Readers.preferences(new MutableClock()));
	}

	@Test
	void noticesAreTakenFromTheBundles() {
		BotNotices notices = notices();
		assertThat(notices.rateLimited(Locale.ENGLISH, Duration.ofSeconds(3))).endsWith("try again in 3 seconds.");
		assertThat(notices.failed(Locale.ENGLISH)).startsWith("😕");
		assertThat(MessageFormat.format(notices.overloaded(Locale.ENGLISH), new Object[0])).contains("overloaded");
	}

	@Test
	void theRateLimitNoticeRoundsTheWaitUpSoWhoeverWaitsItIsLetIn() {
		BotNotices notices = notices();
		// 41.2 s said as "41" made the user come back 0.2 s too early, and be refused again.
		assertThat(notices.rateLimited(Locale.ENGLISH, Duration.ofMillis(41_200))).endsWith("in 42 seconds.");
		assertThat(notices.rateLimited(Locale.ENGLISH, Duration.ofMillis(1_001))).endsWith("in 2 seconds.");
		assertThat(notices.rateLimited(UpdateContext.DEFAULT_LOCALE, Duration.ofMinutes(20))).endsWith("em 1200 segundos.");
		assertThat(notices.rateLimited(UpdateContext.DEFAULT_LOCALE, Duration.ofMillis(300))).endsWith("em 1 segundo.");
		assertThat(notices.rateLimited(UpdateContext.DEFAULT_LOCALE, Duration.ZERO)).endsWith("em 1 segundo.");
	}

	@Test
	void theRateLimitNoticeSpeaksOfOneSecondOrSeveralWithOneIconInBothLanguages() {
		BotNotices notices = notices();
		assertThat(notices.rateLimited(UpdateContext.DEFAULT_LOCALE, Duration.ofSeconds(1)))
			.isEqualTo("⏳ Muitos pedidos seguidos. Tente novamente em 1 segundo.");
		assertThat(notices.rateLimited(UpdateContext.DEFAULT_LOCALE, Duration.ofSeconds(3)))
			.isEqualTo("⏳ Muitos pedidos seguidos. Tente novamente em 3 segundos.");
		assertThat(notices.rateLimited(Locale.ENGLISH, Duration.ofSeconds(1)))
			.isEqualTo("⏳ Too many requests in a row. Please try again in 1 second.");
		assertThat(notices.rateLimited(Locale.ENGLISH, Duration.ofSeconds(3)))
			.isEqualTo("⏳ Too many requests in a row. Please try again in 3 seconds.");
		for (Locale locale : new Locale[] { UpdateContext.DEFAULT_LOCALE, Locale.ENGLISH }) {
			for (Duration wait : new Duration[] { Duration.ofSeconds(1), Duration.ofSeconds(6), Duration.ofMinutes(20) }) {
				String text = notices.rateLimited(locale, wait);
				assertThat(icons(text)).as(text).isEqualTo(1);
				assertThat(text).as(text).startsWith("⏳ ").doesNotContain(" s.");
			}
			assertThat(icons(notices.failed(locale))).isEqualTo(1);
			assertThat(icons(notices.overloaded(locale))).isEqualTo(1);
		}
	}

	/** Pictographs (emoji and symbols such as ⏳ or ⚠), not counting the variation selectors that style them. */
	private static long icons(String text) {
		return text.codePoints().filter(point -> Character.getType(point) == Character.OTHER_SYMBOL).count();
	}
}
