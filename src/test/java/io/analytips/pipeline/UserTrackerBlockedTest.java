package io.analytips.pipeline;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.analytips.store.UserRepository;
import io.analytips.support.CapturedLogs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Marking a user who blocked the bot runs in the background, tracked: bounded, seen when it fails, ended by close. */
class UserTrackerBlockedTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final UserRepository repository = mock(UserRepository.class);

	private final CapturedLogs logs = CapturedLogs.of(Background.class.getName());

	private VirtualTimeScheduler time;

	@BeforeEach
	void virtualTime() {
		time = VirtualTimeScheduler.getOrSet();
	}

	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
		logs.close();
	}

	private double failures() {
		var counter = registry.find("analytips.background.failures").tag("task", "mark blocked").counter();
		return counter == null ? 0 : counter.count();
	}

	@Test
	void aMarkThatFailsIsLoggedAtWarnAndCounted() {
		when(repository.markBlocked(0, 5)).thenReturn(Mono.error(new IllegalStateException("database down")));
		new UserTracker(repository, registry).chatBlocked(5);
		assertThat(failures()).isOne();
		assertThat(logs.events()).singleElement().satisfies(line -> {
			assertThat(line.getLevel().toString()).isEqualTo("WARN");
			assertThat(line.getFormattedMessage()).contains("mark blocked", "database down");
		});
	}

	@Test
	void closeWaitsForAMarkUnderWay() {
		AtomicBoolean written = new AtomicBoolean();
		when(repository.markBlocked(0, 5)).thenReturn(Mono.delay(Duration.ofSeconds(2)).doOnNext(tick -> written.set(true)).then());
		UserTracker users = new UserTracker(repository, registry);
		users.chatBlocked(5);
		StepVerifier.withVirtualTime(users::close, () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(1))
			.thenAwait(Duration.ofSeconds(1))
			.verifyComplete();
		assertThat(written).isTrue();
		assertThat(failures()).isZero();
	}

	@Test
	void aMarkThatHangsIsCancelledAtItsDeadlineSoCloseEndsThen() {
		AtomicBoolean cancelled = new AtomicBoolean();
		when(repository.markBlocked(0, 5)).thenReturn(Mono.<Void>never().doOnCancel(() -> cancelled.set(true)));
		UserTracker users = new UserTracker(repository, registry);
		users.chatBlocked(5);
		StepVerifier.withVirtualTime(users::close, () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(UserTracker.DEADLINE.minusSeconds(1))
			.thenAwait(Duration.ofSeconds(1))
			.verifyComplete();
		assertThat(cancelled).isTrue();
		assertThat(failures()).isOne();
	}

	@Test
	void aTrackerMadeForABotMarksTheUserOfThatBot() {
		when(repository.markBlocked(7, 5)).thenReturn(Mono.empty());
		new UserTracker(repository, registry, 7).chatBlocked(5);
		verify(repository).markBlocked(7, 5);
		verify(repository, never()).markBlocked(0, 5);
		assertThat(failures()).isZero();
	}

	@Test
	void aGroupIsNobodyToMark() {
		new UserTracker(repository, registry).chatBlocked(-100);
		assertThat(failures()).isZero();
		assertThat(logs.events()).isEmpty();
	}
}
