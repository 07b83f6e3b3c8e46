package io.analytips.pipeline;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.analytips.support.CapturedLogs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/** Background work is tracked, bounded by its deadline, cancelled on stop, and its failures are seen. */
class BackgroundTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final CapturedLogs logs = CapturedLogs.of(Background.class.getName());

	private VirtualTimeScheduler time;

	private Background background;

	@BeforeEach
	void virtualTime() {
		time = VirtualTimeScheduler.getOrSet();
		background = new Background(Duration.ofSeconds(60), registry);
	}

	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
		logs.close();
	}

	private double failures(String task) {
		var counter = registry.find("analytips.background.failures").tag("task", task).counter();
		return counter == null ? 0 : counter.count();
	}

	@Test
	void runsWorkAndForgetsItOnceItEnds() {
		AtomicBoolean ran = new AtomicBoolean();
		background.run("notice", Mono.fromRunnable(() -> ran.set(true)));
		assertThat(ran).isTrue();
		assertThat(background.running()).isZero();
		assertThat(failures("notice")).isZero();
		assertThat(logs.events()).isEmpty();
	}

	@Test
	void aFailureIsCountedAndLoggedAtWarnTheFirstOfAStreakThenEveryTenth() {
		for (int i = 0; i < 25; i++) {
			background.run("outcome write", Mono.error(new IllegalStateException("database down")));
		}
		assertThat(failures("outcome write")).isEqualTo(25);
		assertThat(logs.events()).allSatisfy(line -> assertThat(line.getLevel().toString()).isEqualTo("WARN"));
		assertThat(logs.messages()).containsExactly(
				"Background task 'outcome write' failed (1 in a row): java.lang.IllegalStateException: database down",
				"Background task 'outcome write' failed (10 in a row): java.lang.IllegalStateException: database down",
				"Background task 'outcome write' failed (20 in a row): java.lang.IllegalStateException: database down");

		background.run("outcome write", Mono.empty()); // a success ends the streak
		background.run("outcome write", Mono.error(new IllegalStateException("down again")));
		assertThat(logs.messages()).last().asString().contains("(1 in a row)", "down again");
	}

	@Test
	void workPastItsDeadlineIsCancelledAndCountedAsAFailure() {
		AtomicBoolean cancelled = new AtomicBoolean();
		background.run("notice", Mono.never().doOnCancel(() -> cancelled.set(true)));
		time.advanceTimeBy(Duration.ofSeconds(59));
		assertThat(background.running()).isOne();
		time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(cancelled).isTrue();
		assertThat(background.running()).isZero();
		assertThat(failures("notice")).isOne();
		assertThat(logs.messages()).singleElement().asString().contains("'notice'", "TimeoutException");
	}

	@Test
	void stopCancelsWhatRunsAndLaterWorkRunsAsUsual() {
		AtomicBoolean cancelled = new AtomicBoolean();
		background.run("notice", Mono.never().doOnCancel(() -> cancelled.set(true)));
		background.stop();
		assertThat(cancelled).isTrue();
		assertThat(background.running()).isZero();
		assertThat(failures("notice")).isZero();

		AtomicBoolean ran = new AtomicBoolean();
		background.run("notice", Mono.delay(Duration.ofSeconds(1)).doOnNext(tick -> ran.set(true)));
		time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(ran).isTrue();
	}

	@Test
	void idleCompletesAtOnceWithNothingRunningAndOnceTheLastWorkEnds() {
		StepVerifier.create(background.idle()).verifyComplete();

		background.run("notice", Mono.delay(Duration.ofSeconds(5)));
		StepVerifier.withVirtualTime(() -> background.idle(), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(4))
			.thenAwait(Duration.ofSeconds(2))
			.verifyComplete();
	}

	@Test
	void idleCompletesWhenTheLastWorkFails() {
		background.run("notice", Mono.delay(Duration.ofSeconds(1)).then(Mono.error(new IllegalStateException("x"))));
		StepVerifier.withVirtualTime(() -> background.idle(), () -> time, Long.MAX_VALUE)
			.thenAwait(Duration.ofSeconds(2))
			.verifyComplete();
		assertThat(failures("notice")).isOne();
	}
}
