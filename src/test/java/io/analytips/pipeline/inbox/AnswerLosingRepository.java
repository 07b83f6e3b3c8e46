package io.analytips.pipeline.inbox;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.store.InboxRepository;
import io.analytips.store.InboxRow;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The inbox table behind a connection that drops after the commit: the next {@code times}
 * inserts are written, and then their answer is lost.
 */
public final class AnswerLosingRepository extends InboxRepository {

	private final AtomicInteger toLose = new AtomicInteger();

	public AnswerLosingRepository(DatabaseClient db) {
		super(db);
	}

	public AnswerLosingRepository loseNext(int times) {
		toLose.set(times);
		return this;
	}

	@Override
	public Mono<Set<Long>> insertNew(long bot, List<InboxRow> rows) {
		return super.insertNew(bot, rows).flatMap(inserted -> toLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0
				? Mono.error(new IllegalStateException("I/O error: connection reset (after the commit)"))
				: Mono.just(inserted));
	}
}
