package io.analytips.host;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.analytips.common.BotProfile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotsPropertiesTest {

	private static BotsProperties.BotSettings settings(String username, String language, String zone) {
		return new BotsProperties.BotSettings(username, language, zone, List.of(39), List.of(7L), null, null, null);
	}

	@Test
	void findsABotsSettingsByUsernameInAnyCaseWithOrWithoutTheAt() {
		BotsProperties bots = new BotsProperties("", List.of(settings("Lisbon_Bot", "en", "Europe/Lisbon")), "");

		assertThat(bots.of("@lisbon_bot").timeZone()).isEqualTo("Europe/Lisbon");
		assertThat(bots.of("LISBON_BOT").language()).isEqualTo("en");
		assertThat(bots.of("other_bot")).isEqualTo(BotsProperties.BotSettings.DEFAULTS);
	}

	@Test
	void makesTheProfileHandlersSee() {
		BotProfile profile = settings("lisbon_bot", "en", "Europe/Lisbon").profile(99, "lisbon_bot");

		assertThat(profile.language()).isEqualTo(Locale.ENGLISH);
		assertThat(profile.timeZone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
		assertThat(profile.leagues()).isEqualTo(Set.of(39));
		assertThat(profile.admins()).isEqualTo(Set.of(7L));
		assertThat(BotsProperties.BotSettings.DEFAULTS.profile(5, "plain_bot").language()).isNull();
	}

	@Test
	void refusesAnUnknownLanguageOrZoneNamingTheBot() {
		assertThatThrownBy(() -> settings("a_bot", "fr", null)).hasMessageContaining("@a_bot's language must be en or pt");
		assertThatThrownBy(() -> settings("a_bot", null, "Mars/Olympus"))
			.hasMessageContaining("@a_bot's time-zone must be an IANA zone");
	}

	@Test
	void refusesTheSameBotTwice() {
		assertThatThrownBy(() -> new BotsProperties("", List.of(settings("a_bot", null, null), settings("@A_BOT", null, null)), ""))
			.hasMessageContaining("names @@A_BOT twice");
	}

	@Test
	void neverShowsTheTokensOrTheKey() {
		BotsProperties bots = new BotsProperties("123456:secret-part-of-the-token-000000000000", List.of(),
				"c2VjcmV0LWtleS1zZWNyZXQta2V5LXNlY3JldC1rZXk=");

		assertThat(bots.toString()).doesNotContain("secret").contains("tokens=(set)").contains("tokenKey=(set)");
	}
}
