package io.analytips.pipeline.intake;

import java.time.Duration;
import java.util.List;

import io.analytips.common.MutableClock;
import io.analytips.common.OncePerPeriod;
import io.analytips.pipeline.Background;
import io.analytips.pipeline.PipelineMetrics;
import io.analytips.pipeline.UpdateContext;
import io.analytips.pipeline.UserTracker;
import io.analytips.pipeline.dispatch.Handlers;
import io.analytips.pipeline.inbox.MemoryInbox;
import io.analytips.pipeline.log.AccessLog;
import io.analytips.pipeline.recovery.InFlight;
import io.analytips.support.PipelineHarness;
import io.analytips.support.Updates;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.ReceivedUpdate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Intake's share of the error boundary: whatever throws while admitting an update ends that update, not the stream. */
class IntakeTest {

	private final MemoryInbox inbox = new MemoryInbox(new MutableClock());

	private final UserTracker users = mock(UserTracker.class);

	private final MutableClock clock = new MutableClock();

	private Intake intake() {
		return new Intake(new InFlight(inbox), new UserRateLimiter(10, Duration.ofSeconds(60), clock),
				new UserRateLimiter(30, Duration.ofSeconds(60), clock), new Handlers(List.of()),
				new OncePerPeriod<>(Duration.ofSeconds(60), clock), mock(OutboundScheduler.class),
				PipelineHarness.NOTICES, users, new Background(Duration.ofSeconds(60), new SimpleMeterRegistry()), new PipelineMetrics(new SimpleMeterRegistry()),
				new AccessLog(false));
	}

	private ReceivedUpdate stored(long id, long userId) {
		ReceivedUpdate received = ReceivedUpdate.parse(Updates.message(userId, "hi").put("update_id", id));
		inbox.storeNew(List.of(received)).block();
		return received;
	}

	@Test
	void anUpdateWhoseAdmissionThrowsEndsFailedAndTheNextIsAdmitted() {
		when(users.seen(anyLong(), any())).thenReturn(Mono.empty());
		when(users.seen(anyLong(), argThat(user -> user != null && user.id() == 1))).thenThrow(new IllegalStateException("seen threw"));
		ReceivedUpdate broken = stored(1, 1);
		ReceivedUpdate fine = stored(2, 2);

		StepVerifier.create(Flux.just(broken, fine).transform(intake()))
			.assertNext(context -> assertThat(context.updateId()).isEqualTo(2))
			.verifyComplete();
		await().until(() -> "failed".equals(inbox.outcomeOf(1)));
		assertThat(inbox.outcomeOf(2)).isEqualTo("pending");
	}

	@Test
	void rejectingNeverThrowsEvenWhenItsNoticeCannotBeBuilt() {
		OutboundScheduler outbound = mock(OutboundScheduler.class);
		when(outbound.sendMessage(any())).thenThrow(new IllegalStateException("send threw"));
		UpdateContext context = new UpdateContext(stored(3, 3), outbound);

		intake().reject(context); // runs inside the buffer's overflow callback: a throw would end the stream

		assertThat(inbox.outcomeOf(3)).isEqualTo("pending");
	}
}
