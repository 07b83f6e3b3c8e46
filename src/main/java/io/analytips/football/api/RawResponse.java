package io.analytips.football.api;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP answer as it came: status, headers (names compared without case) and body bytes.
 */
public record RawResponse(int status, Map<String, String> headers, byte[] body) {

	public RawResponse {
		TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		caseless.putAll(headers);
		headers = Collections.unmodifiableMap(caseless);
	}

	/** A header's value, or null. */
	public String header(String name) {
		return headers.get(name.toLowerCase(Locale.ROOT));
	}
}
