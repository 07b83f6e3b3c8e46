package io.analytips.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.common.Activity;
import io.analytips.common.Timeouts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Work started without anyone waiting for it (notices to limited or rejected users, their outcome
 * writes, users seen or blocked). Nothing of it is detached: each piece is counted (a drain waits
 * for {@link #idle()}), bounded by {@code deadline}, and cancelled by {@link #stop()}. A failure or
 * a missed deadline is counted in {@code analytips.background.failures{task}} and logged at WARN,
 * the first of a streak and then every tenth per task, so an outage does not flood the log.
 * Task names are a fixed set (they become a metric tag): never an id or user input.
 */
public final class Background {

	private static final Logger log = LoggerFactory.getLogger(Background.class);

	private final Duration deadline;

	private final MeterRegistry registry;

	private final Activity running = new Activity();

	/** Failures in a row per task; a success resets its streak. Bounded by the fixed set of task names. */
	private final Map<String, AtomicInteger> streaks = new ConcurrentHashMap<>();

	private volatile Sinks.Empty<Void> stopped = Sinks.empty();

	public Background(Duration deadline, MeterRegistry registry) {
		this.deadline = deadline;
		this.registry = registry;
	}

	/** Starts {@code work} now; its outcome is counted and logged here, never thrown at the caller. */
	public void run(String task, Mono<?> work) {
		running.begin();
		work.transform(Timeouts.within(deadline, task))
			.takeUntilOther(stopped.asMono())
			.doFinally(signal -> running.end())
			.subscribe(null, error -> failed(task, error), () -> streak(task).set(0));
	}

	int running() {
		return running.count();
	}

	/** Completes once no background work is running. */
	Mono<Void> idle() {
		return running.idle();
	}

	/** Cancels whatever runs now; work started later runs as usual (a pipeline may be started again). */
	void stop() {
		Sinks.Empty<Void> current = stopped;
		stopped = Sinks.empty();
		current.tryEmitEmpty();
	}

	private void failed(String task, Throwable error) {
		Counter.builder("analytips.background.failures")
			.description("Background work (notices, outcome writes, users seen or blocked) that failed or missed its deadline")
			.tag("task", task)
			.register(registry)
			.increment();
		int inARow = streak(task).incrementAndGet();
		if (inARow == 1 || inARow % 10 == 0) {
			log.warn("Background task '{}' failed ({} in a row): {}", task, inARow, error.toString());
		}
	}

	private AtomicInteger streak(String task) {
		return streaks.computeIfAbsent(task, name -> new AtomicInteger());
	}
}
