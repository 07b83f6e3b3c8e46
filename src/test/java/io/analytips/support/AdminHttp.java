package io.analytips.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.analytips.telegram.TelegramJson;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP of a packaged jar as an operator calls it from a test thread: the admin API and the actuator, with the
 * admin API's bearer token. A jar not listening (yet, or any more) answers status 0.
 */
public final class AdminHttp {

	/** What the jar answered: the status (0 when nothing listened), the body, and the body as JSON (null if not JSON). */
	public record Answer(int status, String body) {

		public JsonNode json() {
			try {
				return TelegramJson.mapper().readTree(body);
			}
			catch (RuntimeException notJson) {
				return null;
			}
		}
	}

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String token;

	public AdminHttp(int port, String token) {
		this.base = "http://127.0.0.1:" + port;
		this.token = token;
	}

	public Answer get(String path) {
		return send(request(path).GET());
	}

	public Answer post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Answer delete(String path) {
		return send(request(path).DELETE());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token);
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			if (ex instanceof java.net.ConnectException || ex instanceof java.net.http.HttpTimeoutException) {
				return new Answer(0, ex.toString());
			}
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
