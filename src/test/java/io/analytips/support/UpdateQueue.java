package io.analytips.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@link FakeBot}'s updates, as Telegram keeps them per token: numbered in order, handed out by {@code getUpdates}
 * long polls, forgotten once an offset confirms them; a poll ends the one of the same token still waiting.
 */
final class UpdateQueue {

	/** Marks a poll ended by another of the same token: answered 409. */
	static final String CONFLICT = new String("conflict");

	/** Marks a poll ended by a revocation: answered 401. */
	static final String REFUSED = new String("refused");

	private final ConcurrentSkipListMap<Long, String> pending = new ConcurrentSkipListMap<>();

	private final Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();

	private final AtomicLong nextUpdateId = new AtomicLong(1);

	private final AtomicLong confirmedBelow = new AtomicLong();

	private final Sinks.Many<Long> arrivals = Sinks.many().multicast().directBestEffort();

	private final AtomicReference<Sinks.Empty<Void>> waitingPoll = new AtomicReference<>();

	private final AtomicInteger conflicts = new AtomicInteger();

	/** Whether deliveries are counted (not when the fake is {@link FakeBotApi#lean lean}). */
	private final BooleanSupplier recording;

	UpdateQueue(BooleanSupplier recording) {
		this.recording = recording;
	}

	void firstUpdateId(long updateId) {
		nextUpdateId.set(updateId);
	}

	/** {@link FakeBot#enqueue}: assigning the id and queueing the update are one step. */
	synchronized long enqueue(ObjectNode update) {
		long updateId;
		if (update.has("update_id")) {
			updateId = update.get("update_id").asLong();
			nextUpdateId.accumulateAndGet(updateId + 1, Math::max);
		}
		else {
			updateId = nextUpdateId.getAndIncrement();
			update.put("update_id", updateId);
		}
		pending.put(updateId, update.toString());
		signalArrival(updateId);
		return updateId;
	}

	synchronized void enqueueRaw(long sortKey, String json) {
		nextUpdateId.accumulateAndGet(sortKey + 1, Math::max);
		pending.put(sortKey, json);
		signalArrival(sortKey);
	}

	int deliveriesOf(long updateId) {
		AtomicInteger count = deliveries.get(updateId);
		return count == null ? 0 : count.get();
	}

	int unconfirmed() {
		return pending.tailMap(confirmedBelow.get()).size();
	}

	long confirmedOffset() {
		return confirmedBelow.get();
	}

	int conflicts() {
		return conflicts.get();
	}

	/**
	 * The JSON array a {@code getUpdates} with {@code body} answers, or {@link #CONFLICT} if another poll of the same
	 * token ended it (counted in {@link #conflicts()}), or {@link #REFUSED} if {@code revocation} did.
	 */
	Mono<String> getUpdates(JsonNode body, Mono<Void> revocation) {
		Sinks.Empty<Void> mine = Sinks.empty();
		Sinks.Empty<Void> before = waitingPoll.getAndSet(mine);
		if (before != null && before.tryEmitEmpty().isSuccess()) {
			conflicts.incrementAndGet();
		}
		return waitForUpdates(body).takeUntilOther(mine.asMono())
			.switchIfEmpty(Mono.just(CONFLICT))
			.takeUntilOther(revocation)
			.switchIfEmpty(Mono.just(REFUSED))
			.doFinally(signal -> waitingPoll.compareAndSet(mine, null));
	}

	private Mono<String> waitForUpdates(JsonNode body) {
		long offset = body.path("offset").asLong(0);
		int limit = body.path("limit").asInt(100);
		int timeout = body.path("timeout").asInt(0);
		if (offset > 0) {
			confirmedBelow.accumulateAndGet(offset, Math::max);
			pending.headMap(offset).clear();
		}
		// Subscribe to arrivals before looking, so an update queued in between is not missed. Deliveries are
		// counted once a batch is chosen: the timeout's look and an arrival's may race, and only one is sent.
		return Flux.merge(arrivals.asFlux(), Mono.just(0L))
			.map(any -> batch(offset, limit))
			.filter(batch -> !batch.ids().isEmpty())
			.next()
			.timeout(Duration.ofSeconds(timeout), Mono.fromSupplier(() -> batch(offset, limit)))
			.doOnNext(this::countDeliveries)
			.map(Batch::json);
	}

	/** The updates one {@code getUpdates} answers with, and their JSON array. */
	private record Batch(List<Long> ids, String json) {
	}

	private Batch batch(long offset, int limit) {
		StringBuilder json = new StringBuilder("[");
		List<Long> ids = new ArrayList<>();
		for (Map.Entry<Long, String> entry : pending.tailMap(offset).entrySet()) {
			if (ids.size() == limit) {
				break;
			}
			if (!ids.isEmpty()) {
				json.append(',');
			}
			json.append(entry.getValue());
			ids.add(entry.getKey());
		}
		return new Batch(ids, json.append(']').toString());
	}

	private void countDeliveries(Batch batch) {
		if (recording.getAsBoolean()) {
			batch.ids().forEach(id -> deliveries.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet());
		}
	}

	private void signalArrival(long updateId) {
		synchronized (arrivals) { // a few nanoseconds; serialises emissions from concurrent requests
			arrivals.tryEmitNext(updateId);
		}
	}
}
