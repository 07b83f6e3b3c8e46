package io.analytips.follow;

import java.time.Clock;
import java.util.Set;

import io.analytips.store.Alert;
import io.analytips.store.AlertRepository;
import io.analytips.store.ForecastRepository;
import io.analytips.store.WatchedFixtureRepository;
import reactor.core.publisher.Mono;

/**
 * What a followed fixture's new status means for its followers: an end (FT, AET, PEN) settles its forecast and
 * writes everyone's result alert; a match called off writes a notice and cancels the pre-kick-off alerts still to go.
 * Each is done once, by whoever sees it first.
 */
final class Conclusions {

	/** The statuses of a match that is over, with a final score. */
	static final Set<String> ENDED = Set.of("FT", "AET", "PEN");

	/** A match that will not be played (as scheduled, or at all). */
	static final Set<String> CALLED_OFF = Set.of("PST", "CANC", "ABD", "AWD", "WO");

	private final WatchedFixtureRepository watched;

	private final ForecastRepository forecasts;

	private final AlertRepository alerts;

	private final AlertMetrics metrics;

	private final Clock clock;

	Conclusions(WatchedFixtureRepository watched, ForecastRepository forecasts, AlertRepository alerts,
			AlertMetrics metrics, Clock clock) {
		this.watched = watched;
		this.forecasts = forecasts;
		this.alerts = alerts;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** Whether the status ends what its followers were waiting for. */
	static boolean concludes(String status) {
		return ENDED.contains(status) || CALLED_OFF.contains(status);
	}

	/**
	 * Acts on a status that {@link #concludes}: emits the alerts written (0 when another round did it already, or the
	 * status concludes nothing). Errors with the store's error.
	 */
	Mono<Long> conclude(long fixture, String status, Integer homeGoals, Integer awayGoals) {
		if (ENDED.contains(status)) {
			return watched.end(fixture, status, homeGoals, awayGoals, clock.instant()).flatMap(first -> !first
					? Mono.just(0L)
					: settle(fixture, homeGoals, awayGoals).then(alerts.planFor(fixture, Alert.Kind.RESULT, clock.instant()))
						.doOnNext(written -> metrics.scheduled(Alert.Kind.RESULT, written)));
		}
		if (CALLED_OFF.contains(status)) {
			// a postponed match stays watched: when it gets a new date, its alerts are planned for it
			Mono<Boolean> first = status.equals("PST") ? Mono.just(true)
					: watched.end(fixture, status, homeGoals, awayGoals, clock.instant());
			return first.flatMap(isFirst -> !isFirst ? Mono.just(0L)
					: alerts.cancel(fixture, Alert.Kind.BEFORE, status, clock.instant())
						.doOnNext(cancelled -> metrics.cancelled(Alert.Kind.BEFORE, cancelled))
						.then(alerts.planFor(fixture, Alert.Kind.NOTICE, clock.instant()))
						.doOnNext(written -> metrics.scheduled(Alert.Kind.NOTICE, written)));
		}
		return Mono.just(0L);
	}

	/**
	 * A match first seen already over (or called off): recorded as ended, nobody told (they followed after it). A
	 * postponement is still told: the match is to come. Emits the alerts written.
	 */
	Mono<Long> alreadyOver(long fixture, String status, Integer homeGoals, Integer awayGoals) {
		if (status.equals("PST")) {
			return conclude(fixture, status, homeGoals, awayGoals);
		}
		return watched.end(fixture, status, homeGoals, awayGoals, clock.instant()).thenReturn(0L);
	}

	private Mono<Boolean> settle(long fixture, Integer homeGoals, Integer awayGoals) {
		return homeGoals == null || awayGoals == null ? Mono.just(false)
				: forecasts.settle(fixture, homeGoals, awayGoals, clock.instant());
	}
}
