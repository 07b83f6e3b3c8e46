package io.analytips.ops;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** BlockHound is installed for the whole test run (blockhound-junit-platform): blocking on a Reactor thread fails. */
class BlockHoundTest {

	@Test
	void blockingOnAReactorThreadIsAnError() {
		StepVerifier.create(Mono.delay(Duration.ofMillis(1))
				.publishOn(Schedulers.parallel())
				.doOnNext(tick -> LockSupport.parkNanos(1_000)))
			.expectErrorMatches(error -> error.getClass().getName().equals("reactor.blockhound.BlockingOperationError"))
			.verify(Duration.ofSeconds(5));
	}
}
