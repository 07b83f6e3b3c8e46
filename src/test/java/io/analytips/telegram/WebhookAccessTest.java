package io.analytips.telegram;

import io.analytips.support.TestClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/** Who may call the webhook, and how much they may send: checked before anything is read or stored. */
class WebhookAccessTest {

	private static InetSocketAddress from(String address) {
		return new InetSocketAddress(address, 443);
	}

	@Test
	void acceptsOnlyTelegramsPublishedRangesWhenAskedTo() {
		WebhookAccess access = new WebhookAccess(List.of("telegram"), null);
		assertThat(access.allowedSources()).containsExactly("149.154.160.0/20", "91.108.4.0/22");
		assertThat(access.allows(from("149.154.167.220"))).isTrue();
		assertThat(access.allows(from("91.108.6.1"))).isTrue();
		assertThat(access.allows(from("149.154.176.1"))).isFalse();
		assertThat(access.allows(from("8.8.8.8"))).isFalse();
		assertThat(access.allows(null)).isFalse();
	}

	@Test
	void acceptsAnySourceByDefaultAndIPv6RangesWhenListed() {
		assertThat(WebhookAccess.open().allows(from("8.8.8.8"))).isTrue();
		assertThat(WebhookAccess.open().maxBody()).isEqualTo(DataSize.ofMegabytes(1));
		WebhookAccess v6 = new WebhookAccess(List.of("2001:db8::/32", "10.0.0.7"), null);
		assertThat(v6.allows(from("2001:db8:1::5"))).isTrue();
		assertThat(v6.allows(from("2001:db9::5"))).isFalse();
		assertThat(v6.allows(from("10.0.0.7"))).isTrue();
		assertThat(v6.allows(from("10.0.0.8"))).isFalse();
	}

	@Test
	void refusesAnythingThatIsNotAnAddressWithoutAskingDns() {
		assertThatThrownBy(() -> new WebhookAccess(List.of("example.org/24"), null)).hasMessageContaining("not an IP range");
		assertThatThrownBy(() -> new WebhookAccess(List.of("10.0.0.0/33"), null)).hasMessageContaining("prefix out of range");
	}

	@Test
	void answers403ToStrangersAnd413ToOversizedBodiesBeforeReadingThem() {
		WebhookSource source = new WebhookSource(mock(TelegramClient.class), batch -> Mono.just(List.of()),
				new TelegramProperties("t", URI.create("http://unused"), TelegramProperties.Mode.WEBHOOK,
						URI.create("https://x/telegram/webhook"), "secret", Duration.ofSeconds(1), 100, Duration.ofSeconds(5),
						Duration.ofSeconds(1), 30, 3, 20, 100, false, 1000),
				TestClock.running());
		WebTestClient strangers = WebTestClient.bindToRouterFunction(
				WebhookRoutes.of(source, new WebhookAccess(List.of("telegram"), null))).build();
		strangers.post().uri(WebhookSource.PATH).header(WebhookSource.SECRET_HEADER, "secret").bodyValue("{}")
			.exchange().expectStatus().isForbidden();
		WebTestClient small = WebTestClient.bindToRouterFunction(
				WebhookRoutes.of(source, new WebhookAccess(List.of(), DataSize.ofBytes(64)))).build();
		small.post().uri(WebhookSource.PATH).header(WebhookSource.SECRET_HEADER, "secret").bodyValue("x".repeat(65))
			.exchange().expectStatus().isEqualTo(413);
		small.post().uri(WebhookSource.PATH).header(WebhookSource.SECRET_HEADER, "wrong").bodyValue("{}")
			.exchange().expectStatus().isUnauthorized();
	}
}
