package io.analytips.follow;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.analytips.replica.Leadership;
import io.analytips.replica.Lease;
import io.analytips.store.AlertRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One round of the leader's alert work, every {@code tick}: at the start of a lead, the alerts a previous leader left
 * half-sent are given back; then the alerts are planned, the followed matches' ends looked for, and what is due sent.
 * Each step's failure is logged and left to the next round; a round never errors.
 */
final class AlertRounds {

	private static final Logger log = LoggerFactory.getLogger(AlertRounds.class);

	private final AlertRepository alerts;

	private final AlertPlanner planner;

	private final ResultWatch results;

	private final AlertSender sender;

	private final Leadership leadership;

	private final Clock clock;

	/** A claim this old was not ended by its batch (which takes seconds): its rows go again. */
	static final Duration STALE_CLAIM = Duration.ofMinutes(10);

	/** The lead whose half-sent alerts were given back already. */
	private final AtomicReference<Lease> recovered = new AtomicReference<>();

	AlertRounds(AlertRepository alerts, AlertPlanner planner, ResultWatch results, AlertSender sender,
			Leadership leadership, Clock clock) {
		this.clock = clock;
		this.alerts = alerts;
		this.planner = planner;
		this.results = results;
		this.sender = sender;
		this.leadership = leadership;
	}

	/** One round; completes when done, never errors. */
	Mono<Void> round() {
		return recover()
			.then(step("planning", planner.plan()))
			.then(step("the result watch", results.watch()))
			// a lease that ran out (this process was frozen) claims nothing, even before the lead is known to be lost
			.then(step("sending", sender.sendDue(leadership::mayDeliver)))
			.onErrorResume(error -> Mono.empty()) // a lead that could not recover: nothing else this round
			.then();
	}

	private Mono<Void> recover() {
		return Mono.defer(() -> {
			Lease lead = leadership.lease();
			if (lead == recovered.get()) {
				// a batch whose end could not be written (the database failed it) goes again after a while
				return alerts.recoverClaimedBefore(clock.instant().minus(STALE_CLAIM))
					.doOnNext(count -> {
						if (count > 0) {
							log.warn("Alerts: {} claimed over {} ago and never ended go again", count, STALE_CLAIM);
						}
					})
					.onErrorResume(error -> Mono.empty())
					.then();
			}
			return alerts.recover()
				.doOnNext(count -> {
					recovered.set(lead);
					if (count > 0) {
						log.info("Alerts: {} left half-sent by the previous lead go again", count);
					}
				})
				.doOnError(error -> log.warn("Alerts: the half-sent ones could not be given back: {}", error.toString()))
				.then();
		});
	}

	private static Mono<Long> step(String name, Mono<Long> step) {
		return step.onErrorResume(error -> {
			log.warn("Alerts: {} failed, tried again next round: {}", name, error.toString());
			return Mono.just(0L);
		});
	}
}
