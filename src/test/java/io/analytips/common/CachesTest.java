package io.analytips.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Our caches expire by the injected clock and do their upkeep on the caller's thread. */
class CachesTest {

	@Test
	void expiresByTheInjectedClockAndTellsAtOnce() {
		MutableClock clock = new MutableClock();
		List<String> removedOn = new ArrayList<>();
		Cache<String, String> cache = Caches.on(clock)
			.expireAfterWrite(Duration.ofMinutes(1))
			.<String, String>removalListener((key, value, cause) -> removedOn.add(Thread.currentThread().getName()))
			.build();
		cache.put("a", "1");
		clock.advance(Duration.ofSeconds(59));
		assertThat(cache.getIfPresent("a")).isEqualTo("1");
		clock.advance(Duration.ofSeconds(1));
		assertThat(cache.getIfPresent("a")).isNull();
		cache.cleanUp();
		assertThat(removedOn).containsExactly(Thread.currentThread().getName());
	}
}
