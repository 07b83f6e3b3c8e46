package io.analytips.ops.alerts;


import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;


/**
 * Alerts to the admins' chats: each round ({@link #checkAll}, run every 15 s by a {@link io.analytips.common.Periodic})
 * checks every {@link Alert}, and a change of
 * state is announced once (raised, then cleared), so an episode makes two messages however long it
 * lasts. Every announcement is also a WARN log line starting with {@code ALERT}, for the log
 * pipeline (and for the one alert Telegram cannot carry: the token rejected).
 */
final class Alerts {

	private static final Logger log = LoggerFactory.getLogger(Alerts.class);

	private final List<Alert> alerts;

	private final Function<String, Mono<Void>> deliver;

	private final Scheduler scheduler;

	private final Clock clock;

	private final MeterRegistry registry;

	/** When each active episode began; absent when the condition does not hold. */
	private final Map<String, Instant> active = new ConcurrentHashMap<>();

	Alerts(List<Alert> alerts, Function<String, Mono<Void>> deliver, Scheduler scheduler, Clock clock,
			MeterRegistry registry) {
		this.alerts = List.copyOf(alerts);
		this.deliver = deliver;
		this.scheduler = scheduler;
		this.clock = clock;
		this.registry = registry;
	}

	/** One round of checks, in order; emits the messages announced (for tests and logs). */
	Flux<String> checkAll() {
		return Flux.fromIterable(alerts).concatMap(alert -> alert.check().get()
			.timeout(Duration.ofSeconds(10), scheduler)
			.onErrorResume(error -> {
				log.debug("Alert check {} failed: {}", alert.kind(), error.toString());
				return Mono.empty(); // an unknown state changes nothing
			})
			.flatMap(holds -> transition(alert, holds)));
	}

	private Mono<String> transition(Alert alert, boolean holds) {
		Instant now = clock.instant();
		String message;
		if (holds && active.putIfAbsent(alert.kind(), now) == null) {
			message = "🚨 " + alert.raised().get();
		}
		else if (!holds && active.containsKey(alert.kind())) {
			Duration lasted = Duration.between(active.remove(alert.kind()), now);
			message = "✅ " + alert.cleared().get() + " (after " + format(lasted) + ")";
		}
		else {
			return Mono.empty();
		}
		log.warn("ALERT {}: {}", alert.kind(), message);
		Counter.builder("analytips.alerts").description("Alerts announced, raised and cleared")
			.tag("kind", alert.kind()).tag("state", holds ? "raised" : "cleared").register(registry).increment();
		return deliver.apply(message).onErrorResume(error -> {
			log.error("Could not deliver alert {}: {}", alert.kind(), error.toString());
			return Mono.empty();
		}).thenReturn(message);
	}

	private static String format(Duration duration) {
		return duration.toHours() > 0 ? duration.toHours() + " h " + duration.toMinutesPart() + " min"
				: duration.toMinutes() > 0 ? duration.toMinutes() + " min " + duration.toSecondsPart() + " s"
						: duration.toSeconds() + " s";
	}
}
