package io.analytips.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the PostgreSQL database is, parsed from {@code DATABASE_URL}: a Heroku-style
 * {@code postgres://user:pass@host:5432/db?sslmode=require} (or {@code postgresql://}), or an R2DBC
 * URL ({@code r2dbc:postgresql://...}, {@code r2dbc:pool:postgresql://...}).
 *
 * @param host the server host
 * @param port the server port
 * @param database the database name
 * @param username the user
 * @param password the password, or null
 * @param sslMode libpq's {@code sslmode} ({@code disable}, {@code require}, ...), or null
 */
public record DatabaseUrl(String host, int port, String database, String username, String password, String sslMode) {

	/** What a good value looks like, for the messages. */
	private static final String LIKE = ": it looks like postgres://user:password@host:5432/database";

	/**
	 * Parses a URL.
	 * @throws IllegalArgumentException naming {@code DATABASE_URL} when the URL cannot be used
	 */
	public static DatabaseUrl parse(String url) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("DATABASE_URL is empty");
		}
		String normalized = url.strip();
		if (normalized.startsWith("r2dbc:")) {
			normalized = normalized.substring("r2dbc:".length());
			if (normalized.startsWith("pool:")) {
				normalized = normalized.substring("pool:".length());
			}
		}
		URI uri;
		try {
			uri = URI.create(normalized);
		}
		catch (IllegalArgumentException ex) {
			// Not ex.getMessage(): it repeats the URL, password included, and the line goes to the log.
			throw new IllegalArgumentException("DATABASE_URL is not a URL" + LIKE
					+ " (%-encode characters such as @, / or : in the user name and password)");
		}
		if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
			throw new IllegalArgumentException(
					"DATABASE_URL must start with postgres://, postgresql:// or r2dbc:postgresql:// (was "
							+ uri.getScheme() + "://)");
		}
		if (uri.getHost() == null) {
			throw new IllegalArgumentException("DATABASE_URL has no host" + LIKE);
		}
		String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
		if (path.isEmpty()) {
			throw new IllegalArgumentException("DATABASE_URL has no database name" + LIKE);
		}
		String user = "postgres";
		String password = null;
		if (uri.getRawUserInfo() != null) {
			String[] userInfo = uri.getRawUserInfo().split(":", 2);
			user = decode(userInfo[0]);
			password = userInfo.length > 1 ? decode(userInfo[1]) : null;
		}
		Map<String, String> query = query(uri.getRawQuery());
		return new DatabaseUrl(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, decode(path), user, password,
				query.getOrDefault("sslmode", query.get("sslMode")));
	}

	/** The JDBC URL Flyway uses (credentials passed separately). */
	public String jdbcUrl() {
		return "jdbc:postgresql://" + host + ":" + port + "/" + database
				+ (sslMode == null ? "" : "?sslmode=" + sslMode);
	}

	/** The URL without its password, safe to log. */
	public String redacted() {
		return "postgres://" + username + (password == null ? "" : ":***") + "@" + host + ":" + port + "/" + database;
	}

	@Override
	public String toString() {
		return redacted();
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> params = new LinkedHashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				String[] kv = pair.split("=", 2);
				params.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
			}
		}
		return params;
	}
}
