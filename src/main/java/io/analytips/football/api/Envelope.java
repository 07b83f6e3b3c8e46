package io.analytips.football.api;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads API-Football's envelope ({@code get, parameters, errors, results, paging, response}) and
 * turns every failure into an {@link ApiFootballException}, including the ones that arrive as
 * HTTP 200 with a non-empty {@code errors} ({@code []} when fine, an object when not).
 */
final class Envelope {

	static final JsonMapper JSON = JsonMapper.shared();

	private Envelope() {
	}

	/** The envelope of a successful answer; throws for any failure. */
	static JsonNode read(RawResponse response, ApiRequest request) {
		int status = response.status();
		if (status == 429) {
			throw new ApiFootballException(ApiFootballException.Kind.RATE_LIMITED, request + ": HTTP 429 Too Many Requests");
		}
		if (status >= 500 || status == 499 || status == 204) {
			throw new ApiFootballException(ApiFootballException.Kind.SERVER, request + ": HTTP " + status);
		}
		if (status == 401 || status == 403) {
			throw new ApiFootballException(ApiFootballException.Kind.CONFIGURATION,
					"API-Football refused the key: HTTP " + status);
		}
		if (status >= 400) {
			throw new ApiFootballException(ApiFootballException.Kind.BAD_REQUEST, request + ": HTTP " + status);
		}
		JsonNode envelope;
		try {
			envelope = JSON.readTree(response.body());
		}
		catch (JacksonException ex) {
			envelope = null;
		}
		if (envelope == null || !envelope.isObject()) {
			throw new ApiFootballException(ApiFootballException.Kind.SERVER, request + ": unreadable answer");
		}
		checkErrors(envelope.path("errors"), request);
		return envelope;
	}

	private static void checkErrors(JsonNode errors, ApiRequest request) {
		if (errors.isMissingNode() || errors.isNull() || errors.isEmpty()) {
			return;
		}
		String key;
		String message;
		if (errors.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = errors.properties().iterator();
			Map.Entry<String, JsonNode> first = fields.next();
			key = first.getKey();
			message = first.getValue().isString() ? first.getValue().asString() : first.getValue().toString();
		}
		else {
			key = "error";
			message = errors.toString();
		}
		ApiFootballException.Kind kind = switch (key.toLowerCase(Locale.ROOT)) {
			case "token", "subscription", "access" -> ApiFootballException.Kind.CONFIGURATION;
			case "requests" -> ApiFootballException.Kind.QUOTA_EXHAUSTED;
			case "ratelimit" -> ApiFootballException.Kind.RATE_LIMITED;
			case "bug", "time" -> ApiFootballException.Kind.SERVER;
			default -> ApiFootballException.Kind.BAD_REQUEST;
		};
		throw new ApiFootballException(kind, request + ": " + key + ": " + message);
	}
}
