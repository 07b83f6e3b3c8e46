package io.analytips.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.analytips.support.TestClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.mockito.Mockito.mock;

/** Several bots' webhooks on one server: each bot's route, each with its own secret. */
class WebhookRoutesTest {

	private static WebhookSource source(String secret) {
		return new WebhookSource(mock(TelegramClient.class), batch -> Mono.just(List.of()),
				new TelegramProperties("t", URI.create("http://unused"), TelegramProperties.Mode.WEBHOOK,
						URI.create("https://x/telegram/webhook"), secret, Duration.ofSeconds(1), 100, Duration.ofSeconds(5),
						Duration.ofSeconds(1), 30, 3, 20, 100, false, 1000),
				TestClock.running());
	}

	private final Map<String, WebhookSource> bots = Map.of("alpha_bot", source("alpha-secret"), "beta_bot",
			source("beta-secret"));

	private final WebTestClient web = WebTestClient.bindToRouterFunction(WebhookRoutes.of(
			username -> username == null ? bots.get("alpha_bot") : bots.get(username), WebhookAccess.open())).build();

	@Test
	void eachBotsRouteTakesOnlyItsOwnSecret() {
		// the source is not subscribed (not started): an accepted request is answered 503, a refused one 401
		web.post().uri("/telegram/webhook/beta_bot").header(WebhookSource.SECRET_HEADER, "beta-secret").bodyValue("{}")
			.exchange().expectStatus().isEqualTo(503);
		web.post().uri("/telegram/webhook/beta_bot").header(WebhookSource.SECRET_HEADER, "alpha-secret").bodyValue("{}")
			.exchange().expectStatus().isUnauthorized();
	}

	@Test
	void thePlainRouteIsTheFirstBotsAsBefore() {
		web.post().uri(WebhookSource.PATH).header(WebhookSource.SECRET_HEADER, "alpha-secret").bodyValue("{}")
			.exchange().expectStatus().isEqualTo(503);
		web.post().uri(WebhookSource.PATH).header(WebhookSource.SECRET_HEADER, "beta-secret").bodyValue("{}")
			.exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aBotNotHostedHereIsNotFound() {
		web.post().uri("/telegram/webhook/nobody_bot").header(WebhookSource.SECRET_HEADER, "alpha-secret").bodyValue("{}")
			.exchange().expectStatus().isNotFound();
	}
}
