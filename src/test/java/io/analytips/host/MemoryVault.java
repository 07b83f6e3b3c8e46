package io.analytips.host;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Bots kept as the database would keep them. */
final class MemoryVault implements BotVault {

	final Map<String, MemoryVault.Row> rows = new ConcurrentHashMap<>();

	record Row(long id, String token) {
	}

	@Override
	public Flux<BotVault.Kept> hosted() {
		return Flux.fromIterable(rows.entrySet()).map(row -> new BotVault.Kept(row.getValue().id(), row.getKey(),
				row.getValue().token()));
	}

	@Override
	public Mono<Void> keep(long id, String username, String token, String by) {
		return Mono.fromRunnable(() -> rows.put(username, new Row(id, token)));
	}

	@Override
	public Mono<Boolean> forget(String username) {
		return Mono.fromCallable(() -> rows.remove(username) != null);
	}

	@Override
	public boolean enabled() {
		return true;
	}
}
