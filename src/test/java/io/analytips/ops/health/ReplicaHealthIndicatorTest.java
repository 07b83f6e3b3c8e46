package io.analytips.ops.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.analytips.replica.Replicas;
import io.analytips.replica.internal.ReplicaRepository;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The replica's id, lead and heartbeat in {@code /actuator/health}. */
class ReplicaHealthIndicatorTest {

	private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");

	private final ReplicaRepository repository = mock(ReplicaRepository.class);

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final Replicas replicas = new Replicas(repository, "bot-1", "0.1.0 (abc1234)", Duration.ofSeconds(1),
			Clock.fixed(START, ZoneOffset.UTC), time);

	@Test
	void showsTheIdAndWhetherItLeadsPolling() {
		StepVerifier.create(new ReplicaHealthIndicator(replicas).health())
			.assertNext(health -> {
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("id", "bot-1")
					.containsEntry("leadsPolling", false)
					.containsEntry("version", "0.1.0 (abc1234)")
					.containsEntry("startedAt", "2026-11-23T12:00:00Z")
					.containsEntry("lastHeartbeat", "none yet")
					.doesNotContainKey("heartbeatProblem");
			})
			.verifyComplete();
		replicas.leadsPolling(true);
		StepVerifier.create(new ReplicaHealthIndicator(replicas).health())
			.assertNext(health -> assertThat(health.getDetails()).containsEntry("leadsPolling", true))
			.verifyComplete();
	}

	@Test
	void showsAFailingHeartbeatButStaysUp() {
		when(repository.beat(any(), any(), any())).thenReturn(Mono.error(new IllegalStateException("database down")));
		when(repository.remove(any(), any())).thenReturn(Mono.just(true));
		replicas.start();
		try {
			time.advanceTime();
			StepVerifier.create(new ReplicaHealthIndicator(replicas).health())
				.assertNext(health -> {
					assertThat(health.getStatus()).isEqualTo(Status.UP);
					assertThat(health.getDetails()).containsEntry("heartbeatProblem", "heartbeat failed: database down");
				})
				.verifyComplete();
		}
		finally {
			replicas.stop();
			time.advanceTime();
			time.dispose();
		}
	}
}
