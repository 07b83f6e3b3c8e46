package io.analytips.ops.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.analytips.common.Periodic;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

class InboxBacklogGaugeTest {

	@Test
	void countsTheBacklogInTheBackgroundAndSaysMinusOneWhenItCannot() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		AtomicLong rows = new AtomicLong(7);
		InboxBacklogGauge gauge = new InboxBacklogGauge(
				() -> rows.get() < 0 ? Mono.error(new IllegalStateException("database down")) : Mono.just(rows.get()), time);
		Periodic counts = new Periodic(Duration.ZERO, Duration.ofSeconds(15), time, gauge::refresh);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		gauge.bindTo(registry);
		assertThat(registry.get("analytips.inbox.backlog").gauge().value()).isEqualTo(-1);
		counts.start();
		time.advanceTime();
		assertThat(registry.get("analytips.inbox.backlog").gauge().value()).isEqualTo(7);
		rows.set(-1);
		time.advanceTimeBy(Duration.ofSeconds(15));
		assertThat(gauge.value()).isEqualTo(-1);
		rows.set(2);
		time.advanceTimeBy(Duration.ofSeconds(15));
		assertThat(gauge.value()).isEqualTo(2);
		counts.stop();
		assertThat(counts.isRunning()).isFalse();
	}
}
