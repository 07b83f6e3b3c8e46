package io.analytips.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;

import io.analytips.telegram.ReceivedUpdate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An inbox whose database misbehaves on cue: answers lost after commit, outcomes or reads that fail. */
public final class FaultyInbox implements Inbox {

	private final Inbox delegate;

	private final AtomicBoolean loseNextStoreAnswer = new AtomicBoolean();

	private volatile LongPredicate finishFails = id -> false;

	private final AtomicInteger lookupsToFail = new AtomicInteger();

	public FaultyInbox(Inbox delegate) {
		this.delegate = delegate;
	}

	/** The next insert commits, then its answer is lost (a connection dropped after the commit). */
	FaultyInbox loseNextStoreAnswer() {
		loseNextStoreAnswer.set(true);
		return this;
	}

	/** Outcome writes of the updates {@code fails} takes fail, without writing anything. */
	public FaultyInbox failFinishes(LongPredicate fails) {
		this.finishFails = fails;
		return this;
	}

	/** The next {@code times} looks for old unfinished rows fail. */
	public FaultyInbox failLookups(int times) {
		lookupsToFail.set(times);
		return this;
	}

	@Override
	public Mono<List<ReceivedUpdate>> storeNew(List<ReceivedUpdate> batch) {
		return delegate.storeNew(batch).flatMap(stored -> loseNextStoreAnswer.compareAndSet(true, false)
				? Mono.error(new IllegalStateException("connection reset: the insert committed, its answer was lost"))
				: Mono.just(stored));
	}

	@Override
	public Mono<Void> finish(long updateId, Outcome outcome, String detail) {
		return Mono.defer(() -> finishFails.test(updateId) ? Mono.error(new IllegalStateException("database down"))
				: delegate.finish(updateId, outcome, detail));
	}

	@Override
	public Flux<ReceivedUpdate> unfinished() {
		return delegate.unfinished();
	}

	@Override
	public Flux<ReceivedUpdate> unfinishedOlderThan(Duration age, java.util.Collection<Long> except, int limit) {
		return Flux.defer(() -> lookupsToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0
				? Flux.error(new IllegalStateException("database down"))
				: delegate.unfinishedOlderThan(age, except, limit));
	}

	@Override
	public Flux<ReceivedUpdate> unfinishedExcept(java.util.Collection<Long> except, int limit) {
		return delegate.unfinishedExcept(except, limit);
	}

	@Override
	public Flux<?> announced() {
		return delegate.announced();
	}

	@Override
	public Mono<Void> announceStored() {
		return delegate.announceStored();
	}

	@Override
	public Mono<Map<String, Long>> counts() {
		return delegate.counts();
	}

	@Override
	public Mono<Long> purgeFinishedOlderThan(Duration age) {
		return delegate.purgeFinishedOlderThan(age);
	}

	@Override
	public Mono<Void> close() {
		return delegate.close();
	}

	@Override
	public boolean isFailing() {
		return delegate.isFailing();
	}
}
