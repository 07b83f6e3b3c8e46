package io.analytips.football.sim;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON building blocks in API-Football's shapes. */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.shared();

	private static final DateTimeFormatter ISO_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

	private Json() {
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	static ArrayNode array() {
		return MAPPER.createArrayNode();
	}

	/** The envelope around a response (an array, or an object for /status and /teams/statistics). */
	static ObjectNode envelope(String get, Map<String, String> parameters, tools.jackson.databind.JsonNode response,
			int page, int pages) {
		ObjectNode envelope = object();
		envelope.put("get", get);
		ObjectNode params = envelope.putObject("parameters");
		parameters.forEach(params::put);
		envelope.putArray("errors");
		envelope.put("results", response.isArray() ? response.size() : response.size() == 0 ? 0 : 1);
		ObjectNode paging = envelope.putObject("paging");
		paging.put("current", page);
		paging.put("total", Math.max(1, pages));
		envelope.set("response", response);
		return envelope;
	}

	/** The failure envelope: HTTP 200, {@code errors} an object, an empty response. */
	static ObjectNode errors(String get, Map<String, String> parameters, String key, String message) {
		ObjectNode envelope = envelope(get, parameters, array(), 1, 1);
		envelope.putObject("errors").put(key, message);
		envelope.put("results", 0);
		return envelope;
	}

	static String date(Instant instant, ZoneId zone) {
		return ISO_OFFSET.format(instant.atZone(zone));
	}

	static ObjectNode team(SimTeam team) {
		ObjectNode node = object();
		node.put("id", team.id());
		node.put("name", team.name());
		node.put("logo", "https://media.api-sports.io/football/teams/" + team.id() + ".png");
		return node;
	}

	static String odd(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	static void putNullable(ObjectNode node, String field, Integer value) {
		if (value == null) {
			node.putNull(field);
		}
		else {
			node.put(field, value);
		}
	}

	static <T> List<List<T>> pages(List<T> items, int size) {
		List<List<T>> pages = new ArrayList<>();
		for (int i = 0; i < items.size(); i += size) {
			pages.add(items.subList(i, Math.min(items.size(), i + size)));
		}
		return pages;
	}
}
