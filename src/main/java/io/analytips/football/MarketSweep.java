package io.analytips.football;

import java.time.Clock;

import io.analytips.football.api.Fixture;
import io.analytips.football.api.QuotaPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes down the prices of today's upcoming fixtures in the offered leagues, so the model learns from the
 * matches nobody asked about too ({@link MarketMemory}). API-Football keeps no odds for played matches: a
 * price not read before kick-off is gone.
 */
final class MarketSweep {

	private static final Logger log = LoggerFactory.getLogger(MarketSweep.class);

	private final FootballData data;

	private final MarketMemory memory;

	private final Clock clock;

	MarketSweep(FootballData data, MarketMemory memory, Clock clock) {
		this.data = data;
		this.memory = memory;
		this.clock = clock;
	}

	/**
	 * One sweep: the odds of each of today's fixtures that has not kicked off, one fixture after the other
	 * (the odds pages are shared and cached, so the first fixture's walk serves the rest). Emits how many
	 * fixtures' prices were written. Never errors: a fixture whose odds cannot be read is skipped, and a day
	 * whose fixtures cannot be read gives 0. Its calls are background calls: they spend at most the
	 * background share of the daily quota ({@link QuotaPlanner}), and leave some of each minute's calls to
	 * users.
	 */
	Mono<Long> sweep() {
		return Mono.defer(this::round).contextWrite(QuotaPlanner::background);
	}

	private Mono<Long> round() {
		return data.fixturesOn(data.today())
			.flatMapMany(day -> Flux.fromIterable(day.value()))
			.filter(fixture -> fixture.kickoff().isAfter(clock.instant()))
			.concatMap(this::remember)
			.filter(Boolean::booleanValue)
			.count()
			.doOnNext(written -> log.info("Market sweep: prices of {} fixtures written", written))
			.onErrorResume(ex -> {
				log.warn("Market sweep skipped: today's fixtures could not be read: {}", ex.toString());
				return Mono.just(0L);
			});
	}

	private Mono<Boolean> remember(Fixture fixture) {
		return data.odds(fixture)
			.flatMap(odds -> memory.record(fixture, odds))
			.defaultIfEmpty(false)
			.onErrorResume(ex -> {
				log.debug("No odds for fixture {}: {}", fixture.id(), ex.toString());
				return Mono.just(false);
			});
	}
}
