package io.analytips.telegram;

import java.net.URI;
import java.time.Duration;

/** Settings for tests of the transport. */
final class TelegramTestSupport {

	private TelegramTestSupport() {
	}

	static TelegramProperties properties(String url, String token) {
		return properties(url, token, Duration.ofSeconds(5));
	}

	static TelegramProperties properties(String url, String token, Duration requestTimeout) {
		return new TelegramProperties(token, URI.create(url), TelegramProperties.Mode.POLLING, null, null,
				Duration.ofSeconds(1), 100, requestTimeout, Duration.ofSeconds(2), 30, 3, 20, 100, false, 1000);
	}
}
