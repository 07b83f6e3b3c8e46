package io.analytips.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.model.GetUpdates;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The demo's updates not yet confirmed, served as Telegram's {@code getUpdates} serves them: from the offset on (those
 * before it are confirmed and dropped), at once when there are some, else as soon as one is typed, else empty after
 * the long poll's timeout.
 */
final class ConsoleInbox {

	private final ConcurrentSkipListMap<Long, String> pending = new ConcurrentSkipListMap<>();

	private final Sinks.Many<Long> arrivals = Sinks.many().multicast().directBestEffort();

	/** An update typed, as JSON. Called by the terminal's reading thread alone. */
	void add(long id, String json) {
		pending.put(id, json);
		synchronized (arrivals) { // this thread and no other emits; the lock only orders with nobody
			arrivals.tryEmitNext(id);
		}
	}

	/** Updates not yet confirmed. */
	int size() {
		return pending.size();
	}

	Mono<List<ReceivedUpdate>> getUpdates(GetUpdates request) {
		long offset = request.offset() == null ? 0 : request.offset();
		pending.headMap(offset).clear();
		return Flux.merge(arrivals.asFlux(), Mono.just(0L))
			.map(any -> batch(offset, request.limit()))
			.filter(batch -> !batch.isEmpty())
			.next()
			.timeout(Duration.ofSeconds(request.timeout()), Mono.fromSupplier(() -> batch(offset, request.limit())));
	}

	private List<ReceivedUpdate> batch(long offset, int limit) {
		List<ReceivedUpdate> batch = new ArrayList<>();
		for (Map.Entry<Long, String> entry : pending.tailMap(offset).entrySet()) {
			if (batch.size() == limit) {
				break;
			}
			batch.add(ReceivedUpdate.parse(entry.getKey(), entry.getValue()));
		}
		return batch;
	}
}
