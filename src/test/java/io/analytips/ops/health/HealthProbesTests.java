package io.analytips.ops.health;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.analytips.store.DatabaseUrl;
import io.analytips.support.AppIntegrationTest;
import io.analytips.support.AppTestEnvironment;
import io.analytips.support.Scratch;
import io.analytips.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * Readiness and liveness as an orchestrator sees them: the database going away makes the bot not
 * ready (503) but still alive (200, it recovers by itself); back, ready again; shutting down, not ready.
 */
@AppIntegrationTest
class HealthProbesTests {

	static final AppTestEnvironment environment = new AppTestEnvironment();

	static final Path directory;

	static EmbeddedPostgres postgres;

	static final int port;

	static {
		try {
			directory = Scratch.directory("analytips-probes");
			// Not "clean": it must come back with its data after being stopped.
			postgres = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start();
			port = postgres.getPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment.register(registry);
		registry.add("analytips.database.url",
				() -> TestDatabase.environmentUrl(new DatabaseUrl("localhost", port, "postgres", "postgres", null, null)));
	}

	@AfterAll
	static void close() throws IOException {
		environment.close();
		postgres.close();
	}

	@Autowired
	WebTestClient web;

	@Autowired
	ApplicationContext context;

	private HttpStatus status(String probe) {
		return HttpStatus.valueOf(web.get().uri("/actuator/health/" + probe).exchange().returnResult(String.class).getStatus().value());
	}

	@Test
	void readinessFollowsTheDatabaseAndShutdownWhileLivenessStaysUp() throws IOException {
		await().atMost(Duration.ofSeconds(30)).until(() -> status("readiness") == HttpStatus.OK);

		postgres.close();
		await().atMost(Duration.ofSeconds(30)).until(() -> status("readiness") == HttpStatus.SERVICE_UNAVAILABLE);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> status("liveness") == HttpStatus.OK);

		postgres = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).setPort(port).start();
		await().atMost(Duration.ofSeconds(60)).until(() -> status("readiness") == HttpStatus.OK);

		// What Spring Boot announces when the context starts closing (SIGTERM).
		AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
		await().atMost(Duration.ofSeconds(10)).until(() -> status("readiness") == HttpStatus.SERVICE_UNAVAILABLE);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> status("liveness") == HttpStatus.OK);
	}
}
