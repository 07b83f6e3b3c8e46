package io.analytips.bot;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import io.analytips.pipeline.UpdateContext;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The time zone a typed name means. */
class ZonesTest {

	@Test
	void citiesInEitherLanguageWithOrWithoutAccents() {
		assertThat(Zones.parse("Lisboa")).contains(ZoneId.of("Europe/Lisbon"));
		assertThat(Zones.parse("lisbon")).contains(ZoneId.of("Europe/Lisbon"));
		assertThat(Zones.parse("São Paulo")).contains(ZoneId.of("America/Sao_Paulo"));
		assertThat(Zones.parse("sao paulo")).contains(ZoneId.of("America/Sao_Paulo"));
		assertThat(Zones.parse("Brasília")).contains(ZoneId.of("America/Sao_Paulo"));
		assertThat(Zones.parse("nova york")).contains(ZoneId.of("America/New_York"));
		assertThat(Zones.parse("New York")).contains(ZoneId.of("America/New_York"));
		assertThat(Zones.parse("Manaus")).contains(ZoneId.of("America/Manaus"));
		assertThat(Zones.parse("madri")).contains(ZoneId.of("Europe/Madrid"));
	}

	@Test
	void zoneIdsAndOffsets() {
		assertThat(Zones.parse("Europe/Madrid")).contains(ZoneId.of("Europe/Madrid"));
		assertThat(Zones.parse("America/Sao Paulo")).contains(ZoneId.of("America/Sao_Paulo"));
		assertThat(Zones.parse("UTC")).contains(ZoneOffset.UTC);
		assertThat(Zones.parse("UTC-3")).contains(ZoneOffset.ofHours(-3));
		assertThat(Zones.parse("gmt+1")).contains(ZoneOffset.ofHours(1));
		assertThat(Zones.parse("-03:00")).contains(ZoneOffset.ofHours(-3));
	}

	@Test
	void anythingElseIsNoZone() {
		assertThat(Zones.parse("Flamengo")).isEmpty();
		assertThat(Zones.parse("Europe/Atlantis")).isEmpty();
		assertThat(Zones.parse("UTC+25")).isEmpty();
		assertThat(Zones.parse("")).isEmpty();
		assertThat(Zones.parse(null)).isEmpty();
		assertThat(Zones.parse("x".repeat(100))).isEmpty();
	}

	@Test
	void everyOfferedZoneHasANameInBothLanguages() {
		Messages messages = new Messages();
		for (ZoneId zone : Zones.OFFERED) {
			for (Locale locale : new Locale[] { Locale.ENGLISH, UpdateContext.DEFAULT_LOCALE }) {
				assertThat(messages.has(locale, "zone." + zone.getId()) || zone.equals(ZoneOffset.UTC)).as(zone.getId())
					.isTrue();
				assertThat(Format.zone(zone, messages, locale)).as(zone.getId()).doesNotContain("/", "_").isNotBlank();
			}
		}
		assertThat(Format.zone(ZoneId.of("Europe/Lisbon"), messages, UpdateContext.DEFAULT_LOCALE)).isEqualTo("Lisboa");
	}
}
