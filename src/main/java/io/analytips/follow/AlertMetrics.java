package io.analytips.follow;

import io.analytips.store.Alert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code analytips.follow.alerts{kind, outcome}}: alerts scheduled, sent, dropped (late, or the chat unreachable),
 * failed (Telegram refused them), cancelled (the match called off, the chat unfollowed), given back for another try.
 * Not {@code analytips.alerts}: that is the operators' alerts' counter, and Prometheus wants one set of tags a name.
 */
final class AlertMetrics {

	static final String NAME = "analytips.follow.alerts";

	private final MeterRegistry registry;

	AlertMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void scheduled(Alert.Kind kind, long count) {
		count(kind, "scheduled", count);
	}

	void cancelled(Alert.Kind kind, long count) {
		count(kind, "cancelled", count);
	}

	void outcome(Alert.Kind kind, String outcome) {
		count(kind, outcome, 1);
	}

	private void count(Alert.Kind kind, String outcome, long count) {
		if (count > 0) {
			Counter.builder(NAME)
				.description("Alerts to followers, by kind and what became of them")
				.tag("kind", kind.code())
				.tag("outcome", outcome)
				.register(registry)
				.increment(count);
		}
	}
}
