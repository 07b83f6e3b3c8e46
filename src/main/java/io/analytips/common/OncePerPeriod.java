package io.analytips.common;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;

/**
 * A gate that opens once per key per period: used so that the overload notice is sent at most once
 * per user per interval, and a replica's warnings once per period. Entries expire after the period,
 * so memory is bounded by the keys seen within it.
 */
public final class OncePerPeriod<K> {

	private final Cache<K, Boolean> opened;

	public OncePerPeriod(Duration period, Clock clock) {
		this.opened = Caches.on(clock)
			.expireAfterWrite(period)
			.build();
	}

	/** True the first time for a key within the period, false until the period has passed. */
	public boolean tryAcquire(K key) {
		return opened.asMap().putIfAbsent(key, Boolean.TRUE) == null;
	}

	/** Keys currently remembered (after expired entries are cleaned up). */
	public long size() {
		opened.cleanUp();
		return opened.estimatedSize();
	}
}
