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
	void speaksPortugueseByDefaultAndEnglishToEnglishClients() {
		assertThat(messages.get(UpdateContext.DEFAULT_LOCALE, "notice.overloaded")).isEqualTo(
				"⚠️ Sistema temporariamente sobrecarregado. Estou processando um grande número de análises no momento. "
						+ "Por favor, tente novamente em alguns minutos. 🙏");
		assertThat(messages.get(Locale.forLanguageTag("es"), "unknown.text")).startsWith("Não entendi");
		assertThat(messages.get(Locale.ENGLISH, "unknown.command.html", "x")).isEqualTo(
				"I don't know the command <code>/x</code>. Use /help to see what I can do.");
	}

	@Test
	void refusesAnUnknownKey() {
		assertThatThrownBy(() -> messages.get(Locale.ENGLISH, "no.such.key")).hasMessageContaining("no.such.key");
	}

	@Test
	void noticesAreTakenFromTheBundles() {
		BotNotices notices = new BotNotices(messages, Readers.preferences(new MutableClock()));
		assertThat(notices.rateLimited(Locale.ENGLISH, Duration.ofMillis(41_200))).contains("41 s");
		assertThat(notices.rateLimited(UpdateContext.DEFAULT_LOCALE, Duration.ZERO)).contains("1 s");
		assertThat(notices.failed(Locale.ENGLISH)).startsWith("😕");
		assertThat(MessageFormat.format(notices.overloaded(Locale.ENGLISH), new Object[0])).contains("overloaded");
	}
}
