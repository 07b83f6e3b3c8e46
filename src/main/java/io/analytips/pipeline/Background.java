package io.analytips.pipeline;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Work the pipeline starts but does not wait for (notices to limited or rejected users, their
 * outcome writes), counted so that a drain can wait for it too.
 */
final class Background {

	private static final Logger log = LoggerFactory.getLogger(Background.class);

	private final AtomicInteger running = new AtomicInteger();

	void run(String what, Mono<?> task) {
		running.incrementAndGet();
		task.doFinally(signal -> running.decrementAndGet())
			.subscribe(null, error -> log.debug("{} failed: {}", what, error.toString()));
	}

	int running() {
		return running.get();
	}

	/** Completes once no background work is running. */
	Mono<Void> idle() {
		return Mono.defer(() -> running.get() == 0 ? Mono.empty()
				: Flux.interval(Duration.ofMillis(10)).filter(tick -> running.get() == 0).next().then());
	}
}
