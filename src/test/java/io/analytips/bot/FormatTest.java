package io.analytips.bot;

import java.time.Duration;
import java.util.Locale;

import io.analytips.pipeline.UpdateContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTest {

	private final Messages messages = new Messages();

	private String age(Duration age, Locale locale) {
		return Format.age(age, messages, locale);
	}

	@Test
	void anAgeUnderAMinuteIsLessThanAMinuteNotOne() {
		assertThat(age(Duration.ZERO, UpdateContext.DEFAULT_LOCALE)).isEqualTo("menos de 1 min");
		assertThat(age(Duration.ofSeconds(59), UpdateContext.DEFAULT_LOCALE)).isEqualTo("menos de 1 min");
		assertThat(age(Duration.ofSeconds(59), Locale.ENGLISH)).isEqualTo("less than a minute");
		assertThat(age(Duration.ofSeconds(60), UpdateContext.DEFAULT_LOCALE)).isEqualTo("1 min");
	}

	@Test
	void anAgeIsToldInTheLargestUnitThatIsAtLeastOne() {
		assertThat(age(Duration.ofMinutes(119), Locale.ENGLISH)).isEqualTo("119 min");
		assertThat(age(Duration.ofMinutes(120), Locale.ENGLISH)).isEqualTo("2 h");
		assertThat(age(Duration.ofHours(47), Locale.ENGLISH)).isEqualTo("47 h");
		assertThat(age(Duration.ofHours(48), UpdateContext.DEFAULT_LOCALE)).isEqualTo("2 dias");
	}
}
