package io.analytips.common;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Our clients of other services: built one way, their failures read one way. */
class HttpClientsTest {

	@Test
	void findsTheCauseThatSaysTheRequestNeverLeft() {
		ConnectException refused = new ConnectException("Connection refused");
		RuntimeException wrapped = new RuntimeException("outer", new IllegalStateException("middle", refused));
		assertThat(HttpClients.transportCause(wrapped)).isSameAs(refused);
	}

	@Test
	void elseTheDeepestCause() {
		IOException reset = new IOException("Connection reset by peer");
		assertThat(HttpClients.transportCause(new RuntimeException("outer", reset))).isSameAs(reset);
		RuntimeException alone = new RuntimeException("alone");
		assertThat(HttpClients.transportCause(alone)).isSameAs(alone);
	}

	@Test
	void describesAFailureByItsClassAndMessage() {
		assertThat(HttpClients.describe(new ConnectException("Connection refused"))).isEqualTo("ConnectException: Connection refused");
		assertThat(HttpClients.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
	}

	@Test
	void aPooledClientWhoseServerIsGoneFailsWithTheConnectionAsItsCause() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		HttpClients.Pooled client = HttpClients.pooled("test", 2, 2, Duration.ofSeconds(2), 1024);
		try {
			StepVerifier.create(client.web().get().uri("http://127.0.0.1:" + port + "/").retrieve().bodyToMono(String.class))
				.expectErrorSatisfies(error -> assertThat(HttpClients.transportCause(error)).isInstanceOf(ConnectException.class))
				.verify(Duration.ofSeconds(10));
		}
		finally {
			client.connections().dispose();
		}
	}
}
