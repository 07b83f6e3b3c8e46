package io.analytips.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.AsyncCache;
import io.analytips.common.Caches;
import io.analytips.football.AnalysisKind;
import io.analytips.football.AnalysisService;
import io.analytips.football.analysis.OneXTwo;
import reactor.core.publisher.Mono;

/**
 * The model's 1X2 of fixtures, for the inline cards: each fixture's result analysis is run once and kept for
 * {@link #KEPT}, so the next keystrokes, and the next users, read it from memory. An analysis goes on when whoever
 * started it stops waiting (the inline answer's deadline), so the numbers a slow upstream kept from one answer are
 * in the next; one that fails is not kept, and the next asks again.
 */
final class InlineOdds {

	/** Prices move, and the numbers with them; a card's numbers are at most this old. */
	static final Duration KEPT = Duration.ofMinutes(10);

	private final AnalysisService analyses;

	private final AsyncCache<Long, OneXTwo> known;

	InlineOdds(AnalysisService analyses, Clock clock) {
		this.analyses = analyses;
		this.known = Caches.on(clock).expireAfterWrite(KEPT).maximumSize(10_000).buildAsync();
	}

	/**
	 * The fixture's 1X2: at once from memory, else when its analysis ends. Errors as
	 * {@link AnalysisService#analyze} does; cancelling stops the wait, not the analysis. An analysis started here runs
	 * in its starter's Reactor context, so its upstream calls count for the update that started it, and its log lines
	 * carry that update's ids.
	 */
	Mono<OneXTwo> of(long fixture) {
		return Mono.deferContextual(context -> Mono.fromFuture(() -> known.get(fixture,
				(id, executor) -> analyses.analyze(id, AnalysisKind.RESULT)
					.map(report -> report.analysis().forecast().result())
					.contextWrite(context)
					.toFuture()),
				true));
	}

	/** The fixture's 1X2 if an analysis of it has ended well within {@link #KEPT}; empty otherwise (never waits). */
	Optional<OneXTwo> known(long fixture) {
		CompletableFuture<OneXTwo> found = known.getIfPresent(fixture);
		return found == null || !found.isDone() || found.isCompletedExceptionally() ? Optional.empty()
				: Optional.ofNullable(found.getNow(null));
	}
}
