package io.analytips.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import io.analytips.common.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Deletes what would otherwise pile up for ever ({@code analytips.database.retention.*}):
 * <ul>
 * <li>{@code api_cache} answers expired for longer than stale-if-error can use them (search texts
 * become keys, so the table would grow with every name anyone ever typed);</li>
 * <li>analyses older than the history keeps, and each user's beyond the newest few;</li>
 * <li>alerts to followers that ended (sent, dropped, cancelled) as long ago as the analyses kept;</li>
 * <li>the file_ids of analysis pictures uploaded as long ago (their fixtures long played).</li>
 * </ul>
 * The finished rows of the inbox have their own purge ({@code analytips.bot.inbox-retention}).
 * Deletes go {@value #BATCH} rows a statement, so each stays within the statement timeout however
 * much has piled up.
 */
public final class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	static final int BATCH = 1000;

	/** The first round waits for start-up to settle, then rounds follow every {@code purgeEvery}. */
	static final Duration FIRST_ROUND_AFTER = Duration.ofMinutes(1);

	/** Rows one round deleted. */
	record Purged(long apiCache, long oldAnalyses, long excessAnalyses, long oldAlerts, long oldPictures) {
	}

	private final ApiCacheRepository cache;

	private final AnalysisRepository analyses;

	private final AlertRepository alerts;

	private final PictureFileRepository pictures;

	private final DatabaseProperties.Retention settings;

	private final Clock clock;

	Retention(ApiCacheRepository cache, AnalysisRepository analyses, AlertRepository alerts, PictureFileRepository pictures,
			DatabaseProperties.Retention settings, Clock clock) {
		this.cache = cache;
		this.analyses = analyses;
		this.alerts = alerts;
		this.pictures = pictures;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * One round of purges; emits what each deleted. Never errors: a purge that fails (the database
	 * down, a statement timed out) is logged, counts as nothing deleted, and is tried again next round.
	 */
	Mono<Purged> purge() {
		return Mono.defer(() -> {
			Instant now = clock.instant();
			// One after the other: the two purges of analyses would otherwise lock the same rows.
			return Flux.concat(
					quietly("expired api_cache answers", cache.purgeExpiredBefore(now.minus(settings.apiCacheKeepExpired()), BATCH)),
					quietly("old analyses", analyses.purgeOlderThan(now.minus(settings.analysesMaxAge()), BATCH)),
					quietly("analyses beyond " + settings.analysesPerUser() + " per user",
							analyses.purgeBeyondPerUser(settings.analysesPerUser(), BATCH)),
					quietly("ended alerts", alerts.purgeEndedBefore(now.minus(settings.analysesMaxAge()), BATCH)),
					quietly("old pictures' file_ids", pictures.purgeOlderThan(now.minus(settings.analysesMaxAge()), BATCH)))
				.collectList()
				.map(counts -> new Purged(counts.get(0), counts.get(1), counts.get(2), counts.get(3), counts.get(4)))
				.doOnNext(purged -> {
					if (purged.apiCache() + purged.oldAnalyses() + purged.excessAnalyses() + purged.oldAlerts()
							+ purged.oldPictures() > 0) {
						log.info("Purged {} expired api_cache answers, {} analyses older than {}, {} beyond {} per user, {} ended alerts,"
								+ " {} pictures' file_ids", purged.apiCache(), purged.oldAnalyses(), settings.analysesMaxAge(),
								purged.excessAnalyses(), settings.analysesPerUser(), purged.oldAlerts(), purged.oldPictures());
					}
				});
		});
	}

	/**
	 * The purges every {@code purgeEvery} while the application runs, on {@code scheduler}; a round runs only when
	 * {@code leads} says that this replica leads (one purge at a time for the deployment).
	 */
	public Periodic schedule(Scheduler scheduler, BooleanSupplier leads) {
		return new Periodic(FIRST_ROUND_AFTER, settings.purgeEvery(), scheduler,
				() -> leads.getAsBoolean() ? purge() : Mono.empty());
	}

	private static Mono<Long> quietly(String what, Mono<Long> purge) {
		return purge.onErrorResume(error -> {
			log.warn("Could not purge {} (next round will try again): {}", what, error.toString());
			return Mono.just(0L);
		});
	}
}
