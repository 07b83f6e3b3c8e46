package io.analytips.common;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class SerialLanesTest {

	private final SerialLanes<Long> lanes = new SerialLanes<>();

	@Test
	void runsWorkOfOneKeyInSubscriptionOrder() {
		List<String> log = new CopyOnWriteArrayList<>();
		StepVerifier.withVirtualTime(() -> Flux.merge(
				lanes.serialize(1L, Mono.delay(Duration.ofSeconds(3)).doOnNext(t -> log.add("a"))),
				lanes.serialize(1L, Mono.delay(Duration.ofSeconds(1)).doOnNext(t -> log.add("b"))),
				lanes.serialize(1L, Mono.fromRunnable(() -> log.add("c")))))
			.thenAwait(Duration.ofSeconds(3))
			.expectNextCount(1)
			.expectNoEvent(Duration.ofMillis(999))
			.thenAwait(Duration.ofMillis(1))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(log).containsExactly("a", "b", "c");
	}

	@Test
	void runsDifferentKeysInParallel() {
		StepVerifier.withVirtualTime(() -> Flux.merge(
				lanes.serialize(1L, Mono.delay(Duration.ofSeconds(2))),
				lanes.serialize(2L, Mono.delay(Duration.ofSeconds(2)))))
			.thenAwait(Duration.ofSeconds(2))
			.expectNextCount(2)
			.verifyComplete();
	}

	@Test
	void emitsWhatTheWorkEmitsAndPassesErrorsOn() {
		StepVerifier.create(lanes.serialize(1L, Mono.just("value"))).expectNext("value").verifyComplete();
		StepVerifier.create(lanes.serialize(1L, Mono.empty())).verifyComplete();
		StepVerifier.create(lanes.serialize(1L, Mono.error(new IllegalStateException("boom"))))
			.verifyErrorMessage("boom");
	}

	@Test
	void aFailedPieceOfWorkDoesNotBlockTheNext() {
		StepVerifier.create(Flux.concat(
				lanes.serialize(1L, Mono.<String>error(new IllegalStateException("boom"))).onErrorReturn("recovered"),
				lanes.serialize(1L, Mono.just("next"))))
			.expectNext("recovered", "next")
			.verifyComplete();
	}

	@Test
	void keepsTheOrderWhenWaitingWorkIsCancelled() {
		Sinks.Empty<Void> first = Sinks.empty();
		List<String> log = new CopyOnWriteArrayList<>();
		lanes.serialize(1L, first.asMono().doOnSuccess(v -> log.add("first"))).subscribe();
		Disposable second = lanes.serialize(1L, Mono.fromRunnable(() -> log.add("second"))).subscribe();
		lanes.serialize(1L, Mono.fromRunnable(() -> log.add("third"))).subscribe();

		second.dispose();
		assertThat(log).isEmpty(); // "third" still waits for "first"
		first.tryEmitEmpty();
		assertThat(log).containsExactly("first", "third");
	}

	@Test
	void forgetsAKeyWhenItsWorkHasEnded() {
		Sinks.Empty<Void> gate = Sinks.empty();
		lanes.serialize(7L, gate.asMono()).subscribe();
		lanes.serialize(7L, Mono.empty()).subscribe();
		assertThat(lanes.activeKeys()).isEqualTo(1);
		gate.tryEmitEmpty();
		assertThat(lanes.activeKeys()).isZero();
	}
}
