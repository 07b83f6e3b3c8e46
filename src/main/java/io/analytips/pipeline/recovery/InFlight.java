package io.analytips.pipeline.recovery;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import io.analytips.pipeline.Inbox;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.UpdateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The updates this process holds: each enters when the inbox hands it over (stored, replayed, or
 * found parked) and leaves when its outcome is durable. An unfinished inbox row that is not
 * here is therefore nobody's: it was parked (an insert committed but its answer was lost, so the
 * retry found it present and handed nothing over) and may be dispatched again, once, by whoever
 * {@link #enter enters} it first. Outcomes that could not be written stay here, up to
 * {@link #MAX_UNRECORDED}, and are written again ({@link #rewrite}) instead of the update being
 * handled a second time. Every other entry lives no longer than the buffer, the dispatcher and
 * the background deadline hold its update.
 */
public final class InFlight {

	private static final Logger log = LoggerFactory.getLogger(InFlight.class);

	/** Outcomes kept for rewriting; beyond it (a long outage) their updates are handled again instead. */
	static final int MAX_UNRECORDED = 10_000;

	/** An update being handled; any other entry is the {@link Finished} outcome that could not be written. */
	private static final Object HANDLING = new Object();

	private final Inbox inbox;

	private final UpdateListener listener;

	private final LongConsumer durable;

	private final Map<Long, Object> held = new ConcurrentHashMap<>();

	private final AtomicInteger unrecorded = new AtomicInteger();

	public InFlight(Inbox inbox) {
		this(inbox, UpdateListener.NONE);
	}

	/** @param listener told when each update is over ({@link #ended}) */
	public InFlight(Inbox inbox, UpdateListener listener) {
		this(inbox, listener, updateId -> {
		});
	}

	/**
	 * @param listener told when each update is over ({@link #ended})
	 * @param durable told the id of each update whose outcome became durable: written at once, or by a
	 *        {@link #rewrite} (the send journal then releases its records); must not throw
	 */
	public InFlight(Inbox inbox, UpdateListener listener, LongConsumer durable) {
		this.inbox = inbox;
		this.listener = listener;
		this.durable = durable;
	}

	/** Takes an update into this process; false if it is already here (being handled, or its outcome awaits writing). */
	public boolean enter(long updateId) {
		return held.putIfAbsent(updateId, HANDLING) == null;
	}

	/** Lets go of an update that was entered but will not be handled now (it stays unfinished in the inbox). */
	public void release(long updateId) {
		held.remove(updateId, HANDLING);
	}

	/**
	 * Records an update's outcome in the inbox (see {@link Inbox#finish}); once it is durable the
	 * update leaves. If the write fails or is cancelled the outcome is kept for {@link #rewrite}.
	 */
	public Mono<Void> finish(long updateId, Outcome outcome, String detail) {
		Finished finished = new Finished(outcome, detail);
		return Mono.defer(() -> inbox.finish(updateId, outcome, detail))
			.doOnSuccess(done -> leave(updateId))
			.doOnError(error -> keep(updateId, finished))
			.doOnCancel(() -> keep(updateId, finished));
	}

	/**
	 * Tells the {@link UpdateListener} that an update is over: called once per update taken, where its handling
	 * ends (outcome and answer both done, or cancelled). A listener that throws costs a log line, not the update.
	 */
	public void ended(long updateId) {
		try {
			listener.ended(updateId);
		}
		catch (RuntimeException ex) {
			log.warn("The update listener failed on update {}: {}", updateId, ex.toString());
		}
	}

	/** Writes again every outcome that could not be written; never errors (what fails stays for the next time). */
	public Mono<Void> rewrite() {
		List<Map.Entry<Long, Finished>> pending = held.entrySet().stream()
			.filter(entry -> entry.getValue() instanceof Finished)
			.map(entry -> Map.entry(entry.getKey(), (Finished) entry.getValue()))
			.toList();
		return Flux.fromIterable(pending)
			.flatMap(entry -> Mono.defer(() -> inbox.finish(entry.getKey(), entry.getValue().outcome(), entry.getValue().detail()))
				.doOnSuccess(done -> {
					if (held.remove(entry.getKey(), entry.getValue())) {
						unrecorded.decrementAndGet();
					}
					durable.accept(entry.getKey());
				})
				.onErrorResume(error -> Mono.empty()), 64)
			.then();
	}

	/** The ids held now (a copy). */
	Set<Long> ids() {
		return Set.copyOf(held.keySet());
	}

	/** Updates held now, being handled or with an outcome to write. */
	public int size() {
		return held.size();
	}

	/** Outcomes waiting to be written again. */
	public int unrecorded() {
		return unrecorded.get();
	}

	/**
	 * Forgets the updates being handled, which a lost lead dropped (the inbox still has them unfinished, to be
	 * replayed), and keeps the outcomes waiting to be written again: those updates were answered, and a replay
	 * must not answer them a second time.
	 */
	public void forgetHandling() {
		held.values().removeIf(value -> value == HANDLING);
	}

	private void leave(long updateId) {
		if (held.remove(updateId) instanceof Finished) {
			unrecorded.decrementAndGet();
		}
		durable.accept(updateId);
	}

	private void keep(long updateId, Finished finished) {
		if (held.get(updateId) instanceof Finished) {
			return; // already kept, with the first outcome, which is the one the inbox will keep
		}
		if (unrecorded.incrementAndGet() > MAX_UNRECORDED) {
			unrecorded.decrementAndGet();
			held.remove(updateId);
			log.warn("Outcome of update {} not recorded and not kept (over {} waiting); it will be handled again",
					updateId, MAX_UNRECORDED);
			return;
		}
		held.put(updateId, finished);
	}
}
