package io.analytips.pipeline.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.analytips.pipeline.QueueStats;
import io.analytips.pipeline.UpdateContext;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;

/**
 * The bounded buffer between intake and the dispatcher, in one of two shapes:
 * <ul>
 * <li><b>On demand</b> (long polling): the buffer's free room is what it requests upstream, so the source fetches
 * no more than fits and a burst larger than the buffer waits at Telegram. Nothing is refused for want of room.</li>
 * <li><b>Dropping</b> (a webhook, which is pushed to and cannot wait): an update that finds the buffer full goes to
 * {@code overflow} at once.</li>
 * </ul>
 * Either way an update that waited in the buffer longer than {@code maxWait} goes to {@code aged} as the dispatcher
 * takes it (shed by age): the dispatcher catches up on what is fresh instead of answering minutes late. The time it
 * waited at Telegram is not counted, so the backlog after an outage or during a burst is answered, not shed.
 */
public final class UpdateBuffer {

	/** Updates one {@code getUpdates} fetches at most (Telegram's limit): what a merge ahead of the buffer asks for. */
	static final int POLL = 100;

	private final int capacity;

	private final long maxWaitMillis;

	private final Clock clock;

	private final Consumer<UpdateContext> overflow;

	private final BiConsumer<UpdateContext, Duration> aged;

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicLong rejected = new AtomicLong();

	private final AtomicInteger peak = new AtomicInteger();

	/**
	 * @param overflow takes an update the dropping buffer has no room for (must not throw)
	 * @param aged takes an update that waited longer than {@code maxWait}, with how long it waited (must not throw)
	 */
	public UpdateBuffer(int capacity, Duration maxWait, Clock clock, Consumer<UpdateContext> overflow,
			BiConsumer<UpdateContext, Duration> aged) {
		this.capacity = capacity;
		this.maxWaitMillis = maxWait.toMillis();
		this.clock = clock;
		this.overflow = overflow;
		this.aged = aged;
	}

	/**
	 * Buffers {@code live} merged with {@code found} (what the source emits and what was found parked). Emits each
	 * update that did not overflow and is not too old, in the order they entered; requests upstream only the free
	 * room when {@code onDemand}, else everything.
	 */
	public Flux<UpdateContext> buffer(Flux<UpdateContext> live, Flux<UpdateContext> found, boolean onDemand) {
		// The merge asks each side for a poll's worth, so a getUpdates is not cut to the merge's default of 32.
		Flux<Waiting> entering = Flux.merge(Math.min(POLL, capacity), live, found).map(this::entering);
		Flux<Waiting> held = onDemand ? entering.limitRate(capacity, Math.min(POLL, capacity))
				: entering.onBackpressureBuffer(capacity, waiting -> overflow(waiting.context()),
						BufferOverflowStrategy.DROP_LATEST);
		return held.doOnNext(waiting -> queued.decrementAndGet()).handle((waiting, sink) -> {
			long waited = clock.millis() - waiting.since();
			if (waited > maxWaitMillis) {
				rejected.incrementAndGet();
				aged.accept(waiting.context(), Duration.ofMillis(waited));
			}
			else {
				sink.next(waiting.context());
			}
		});
	}

	/**
	 * Counts an update about to enter the buffer. The peak is taken before the increment: the count then reflects
	 * the buffer after the previous offer (accepted or dropped), never the instant in between.
	 */
	private Waiting entering(UpdateContext context) {
		peak.accumulateAndGet(queued.get(), Math::max);
		queued.incrementAndGet();
		return new Waiting(context, clock.millis());
	}

	private void overflow(UpdateContext context) {
		queued.decrementAndGet();
		rejected.incrementAndGet();
		overflow.accept(context);
	}

	/** Updates in the buffer now (with the dropping buffer, one ahead for an instant while one overflows). */
	public int queued() {
		return queued.get();
	}

	/** The buffer right now, with the dispatcher's {@code inFlight}. */
	public QueueStats stats(int inFlight) {
		int size = Math.min(queued.get(), capacity);
		return new QueueStats(size, capacity, inFlight, rejected.get(), Math.max(peak.get(), size));
	}

	/** An update in the buffer since {@code since} (the clock's millis). */
	private record Waiting(UpdateContext context, long since) {
	}
}
