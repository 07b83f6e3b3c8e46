package io.analytips.football.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One API-Football GET: a path such as {@code /fixtures} and its query parameters. Parameters are
 * kept sorted, so equal requests have equal {@link #key()}s (the cache key).
 */
public record ApiRequest(String path, SortedMap<String, String> parameters) {

	public ApiRequest {
		Objects.requireNonNull(path, "path");
		if (!path.startsWith("/")) {
			throw new IllegalArgumentException("path must start with /: " + path);
		}
		parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
	}

	/** A request with parameters given as name, value, name, value, ... (null values are left out). */
	public static ApiRequest of(String path, Object... nameValuePairs) {
		if (nameValuePairs.length % 2 != 0) {
			throw new IllegalArgumentException("parameters come in name/value pairs");
		}
		SortedMap<String, String> parameters = new TreeMap<>();
		for (int i = 0; i < nameValuePairs.length; i += 2) {
			if (nameValuePairs[i + 1] != null) {
				parameters.put(String.valueOf(nameValuePairs[i]), String.valueOf(nameValuePairs[i + 1]));
			}
		}
		return new ApiRequest(path, parameters);
	}

	/** The path and encoded query, e.g. {@code /fixtures?date=2024-05-01&timezone=UTC}. */
	public String pathAndQuery() {
		if (parameters.isEmpty()) {
			return path;
		}
		return path + "?" + parameters.entrySet().stream()
			.map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
			.collect(Collectors.joining("&"));
	}

	/** A stable identity for caching and single-flight. */
	public String key() {
		return pathAndQuery();
	}

	public String parameter(String name) {
		return parameters.get(name);
	}

	/** Readable form for logs. */
	@Override
	public String toString() {
		return pathAndQuery();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** An empty parameter map, for requests without parameters. */
	public static SortedMap<String, String> none() {
		return new TreeMap<>(Map.of());
	}
}
