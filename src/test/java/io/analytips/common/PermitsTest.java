package io.analytips.common;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PermitsTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Test
	void runsAtMostItsPermitsAtOnceAndTheRestInOrder() {
		Permits permits = new Permits(2);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger peak = new AtomicInteger();
		List<Integer> started = new CopyOnWriteArrayList<>();
		StepVerifier.withVirtualTime(() -> Flux.range(0, 6).flatMap(i -> permits.run(() -> Mono.delay(Duration.ofSeconds(1))
				.doOnSubscribe(s -> {
					started.add(i);
					peak.accumulateAndGet(running.incrementAndGet(), Math::max);
				})
				.doOnTerminate(running::decrementAndGet)
				.thenReturn(i), WAIT)))
			.expectSubscription()
			.then(() -> assertThat(permits.waiting()).isEqualTo(4))
			.thenAwait(Duration.ofSeconds(3))
			.expectNextCount(6)
			.verifyComplete();
		assertThat(peak).hasValue(2);
		assertThat(started).containsExactly(0, 1, 2, 3, 4, 5);
		assertThat(permits.available()).isEqualTo(2);
	}

	@Test
	void passesOnValuesEmptinessAndErrors() {
		Permits permits = new Permits(1);
		StepVerifier.create(permits.run(() -> Mono.just("v"), WAIT)).expectNext("v").verifyComplete();
		StepVerifier.create(permits.run(Mono::empty, WAIT)).verifyComplete();
		StepVerifier.create(permits.run(() -> Mono.error(new IllegalStateException("boom")), WAIT))
			.verifyErrorMessage("boom");
		assertThat(permits.available()).isEqualTo(1);
	}

	@Test
	void aWaiterThatWaitsTooLongFailsWithoutEverRunning() {
		Permits permits = new Permits(1);
		Sinks.Empty<Void> holder = Sinks.empty();
		AtomicInteger ran = new AtomicInteger();
		StepVerifier.withVirtualTime(() -> {
			permits.run(holder::asMono, WAIT).subscribe();
			return permits.run(() -> Mono.fromRunnable(ran::incrementAndGet), Duration.ofSeconds(5));
		})
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(5))
			.expectError(TimeoutException.class)
			.verify();
		assertThat(ran).hasValue(0);
		assertThat(permits.waiting()).isZero();
		holder.tryEmitEmpty();
		assertThat(permits.available()).isEqualTo(1);
	}

	@Test
	void cancellingReturnsThePermitWhetherRunningOrWaiting() {
		Permits permits = new Permits(1);
		Disposable running = permits.run(Mono::never, WAIT).subscribe();
		Disposable waiting = permits.run(Mono::never, WAIT).subscribe();
		assertThat(permits.available()).isZero();
		assertThat(permits.waiting()).isEqualTo(1);
		waiting.dispose();
		assertThat(permits.waiting()).isZero();
		running.dispose();
		assertThat(permits.available()).isEqualTo(1);
	}

	@Test
	void aCancelledWaiterDoesNotSwallowThePermitItWasAboutToGet() {
		Permits permits = new Permits(1);
		Sinks.Empty<Void> first = Sinks.empty();
		permits.run(first::asMono, WAIT).subscribe();
		Disposable second = permits.run(Mono::never, WAIT).subscribe();
		List<String> third = new CopyOnWriteArrayList<>();
		permits.run(() -> Mono.just("third"), WAIT).subscribe(third::add);
		second.dispose();
		first.tryEmitEmpty();
		assertThat(third).containsExactly("third");
		assertThat(permits.available()).isEqualTo(1);
	}

	@Test
	void refusesNoPermits() {
		assertThatThrownBy(() -> new Permits(0)).hasMessageContaining("at least 1");
	}
}
