package io.analytips.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.analytips.store.ApiCacheRepository;
import io.analytips.store.CachedAnswer;
import reactor.core.publisher.Mono;

/**
 * The cache's second tier in a map: answers at once, on the caller's thread. For tests in virtual
 * time, where a real database answer could arrive after the test has moved the clock on.
 */
public final class MemoryApiCache extends ApiCacheRepository {

	private final Map<String, CachedAnswer> answers = new ConcurrentHashMap<>();

	public MemoryApiCache() {
		super(null, Duration.ofSeconds(15));
	}

	@Override
	public Mono<CachedAnswer> find(String key) {
		return Mono.justOrEmpty(answers.get(key));
	}

	@Override
	public Mono<Void> save(CachedAnswer answer) {
		return Mono.fromRunnable(() -> answers.put(answer.key(), answer));
	}

	@Override
	public Mono<Long> clear() {
		return Mono.fromCallable(() -> {
			long removed = answers.size();
			answers.clear();
			return removed;
		});
	}

	@Override
	public Mono<Long> purgeExpiredBefore(Instant instant, int batch) {
		return Mono.fromCallable(() -> {
			long before = answers.size();
			answers.values().removeIf(answer -> answer.expiresAt().isBefore(instant));
			return before - answers.size();
		});
	}
}
