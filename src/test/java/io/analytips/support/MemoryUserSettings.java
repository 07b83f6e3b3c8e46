package io.analytips.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.analytips.store.UserSettings;
import io.analytips.store.UserSettingsRepository;
import reactor.core.publisher.Mono;

/** Users' settings (per bot) in a map: answers at once, on the caller's thread (for handler tests without a database). */
public final class MemoryUserSettings extends UserSettingsRepository {

	private final Map<List<Long>, UserSettings> settings = new ConcurrentHashMap<>();

	public MemoryUserSettings() {
		super(null, Duration.ofSeconds(15));
	}

	@Override
	public Mono<UserSettings> find(long bot, long userId) {
		return Mono.justOrEmpty(settings.get(List.of(bot, userId)));
	}

	@Override
	public Mono<Void> save(long bot, UserSettings saved) {
		return Mono.fromRunnable(() -> settings.put(List.of(bot, saved.userId()), saved));
	}
}
