package io.analytips.bot;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The time zones a user picks from ({@code /fuso}), and the zone a typed name means: an IANA id
 * ({@code Europe/Madrid}), an offset ({@code UTC-3}, {@code -03:00}), or a city, in English or Portuguese, with
 * or without accents ({@code Lisboa}, {@code São Paulo}, {@code New York}, {@code Nova York}).
 */
final class Zones {

	/** The zones offered as buttons, in this order: Brazil's, then where Brazilian and English fans most often are. */
	static final List<ZoneId> OFFERED = List.of(ZoneId.of("America/Sao_Paulo"), ZoneId.of("America/Manaus"),
			ZoneId.of("America/Rio_Branco"), ZoneId.of("America/Noronha"), ZoneId.of("Europe/Lisbon"),
			ZoneId.of("Europe/London"), ZoneId.of("America/New_York"), ZoneOffset.UTC);

	/** Cities in Portuguese, or that the zone database names after another city. */
	private static final Map<String, String> CITIES = Map.ofEntries(Map.entry("brasilia", "America/Sao_Paulo"),
			Map.entry("rio", "America/Sao_Paulo"), Map.entry("rio de janeiro", "America/Sao_Paulo"),
			Map.entry("belo horizonte", "America/Sao_Paulo"), Map.entry("porto alegre", "America/Sao_Paulo"),
			Map.entry("curitiba", "America/Sao_Paulo"), Map.entry("florianopolis", "America/Sao_Paulo"),
			Map.entry("goiania", "America/Sao_Paulo"), Map.entry("salvador", "America/Bahia"),
			Map.entry("fernando de noronha", "America/Noronha"), Map.entry("noronha", "America/Noronha"),
			Map.entry("lisboa", "Europe/Lisbon"), Map.entry("porto", "Europe/Lisbon"), Map.entry("londres", "Europe/London"),
			Map.entry("nova york", "America/New_York"), Map.entry("nova iorque", "America/New_York"),
			Map.entry("madri", "Europe/Madrid"), Map.entry("roma", "Europe/Rome"), Map.entry("milao", "Europe/Rome"),
			Map.entry("berlim", "Europe/Berlin"), Map.entry("munique", "Europe/Berlin"),
			Map.entry("paris", "Europe/Paris"), Map.entry("toquio", "Asia/Tokyo"), Map.entry("miami", "America/New_York"),
			Map.entry("boston", "America/New_York"), Map.entry("orlando", "America/New_York"),
			Map.entry("dublin", "Europe/Dublin"), Map.entry("gmt", "UTC"));

	/** Every city of the zone database by its folded name ({@code sao paulo} → {@code America/Sao_Paulo}). */
	private static final Map<String, String> DATABASE = cities();

	private Zones() {
	}

	/** The zone {@code typed} names; empty when it names none. */
	static Optional<ZoneId> parse(String typed) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty() || text.length() > 64) {
			return Optional.empty();
		}
		String folded = fold(text);
		String city = CITIES.getOrDefault(folded, DATABASE.get(folded));
		try {
			if (city != null) {
				return Optional.of(ZoneId.of(city));
			}
			if (text.contains("/")) {
				return Optional.of(ZoneId.of(text.replace(' ', '_')));
			}
			String offset = text.toUpperCase(Locale.ROOT).replace(" ", "");
			if (offset.matches("(UTC|GMT)?[+-]\\d{1,2}(:?\\d\\d)?")) {
				return Optional.of(ZoneOffset.of(offset.replaceFirst("^(UTC|GMT)", "")));
			}
			if (offset.equals("UTC") || offset.equals("GMT")) {
				return Optional.of(ZoneOffset.UTC);
			}
		}
		catch (DateTimeException unknown) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	private static Map<String, String> cities() {
		Map<String, String> cities = new HashMap<>();
		for (String id : ZoneId.getAvailableZoneIds()) {
			int slash = id.lastIndexOf('/');
			if (slash > 0 && Character.isUpperCase(id.charAt(0)) && !id.startsWith("Etc/") && !id.startsWith("SystemV/")) {
				cities.putIfAbsent(fold(id.substring(slash + 1).replace('_', ' ')), id);
			}
		}
		return Map.copyOf(cities);
	}

	private static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
			.replaceAll("\\s+", " ").strip();
	}
}
