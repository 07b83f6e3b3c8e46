package io.analytips.pipeline;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import io.analytips.common.BotProfile;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UpdateContextTest {

	private static final BotProfile ENGLISH_BOT = new BotProfile(5, "lisbon_bot", Locale.ENGLISH, ZoneId.of("Europe/Lisbon"),
			Set.of(39), Set.of());

	private static UpdateContext from(String language, BotProfile bot) {
		return new UpdateContext(ReceivedUpdate.parse(Updates.message(7, 7, "private", "/start", language).put("update_id", 1)),
				null, bot);
	}

	@Test
	void speaksTheClientsLanguageWhenTheBotSpeaksIt() {
		assertThat(from("en-GB", BotProfile.UNNAMED).locale()).isEqualTo(Locale.ENGLISH);
		assertThat(from("pt-br", ENGLISH_BOT).locale()).isEqualTo(UpdateContext.DEFAULT_LOCALE);
		assertThat(from("en", ENGLISH_BOT).locale()).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void otherwiseSpeaksTheBotsLanguageElsePortuguese() {
		assertThat(from("es", ENGLISH_BOT).locale()).isEqualTo(Locale.ENGLISH);
		assertThat(from(null, ENGLISH_BOT).locale()).isEqualTo(Locale.ENGLISH);
		assertThat(from("es", BotProfile.UNNAMED).locale()).isEqualTo(UpdateContext.DEFAULT_LOCALE);
	}

	@Test
	void carriesTheBotItCameTo() {
		assertThat(from("en", ENGLISH_BOT).bot()).isEqualTo(ENGLISH_BOT);
		assertThat(ENGLISH_BOT.offered(java.util.List.of(71, 39, 140))).containsExactly(39);
		assertThat(BotProfile.UNNAMED.offered(java.util.List.of(71, 39))).containsExactly(71, 39);
		assertThat(ENGLISH_BOT.name()).isEqualTo("lisbon_bot");
		assertThat(BotProfile.UNNAMED.name()).isEqualTo("0");
	}
}
