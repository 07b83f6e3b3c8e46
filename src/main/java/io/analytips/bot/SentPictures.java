package io.analytips.bot;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

/**
 * The analysis pictures this replica has sent lately, by bot, fixture and language: what the inline cards offer as a
 * picture ({@link InlinePictures}). Kept in memory only, bounded, and for half an hour: a picture older than that may
 * show numbers the card's own line no longer does (prices move), and a card without a picture is still a card.
 */
final class SentPictures implements InlinePictures {

	/** How long a sent picture stands for its fixture's numbers. */
	static final Duration FRESH_FOR = Duration.ofMinutes(30);

	private final Cache<String, String> sent;

	SentPictures(int capacity) {
		this.sent = Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(FRESH_FOR).build();
	}

	/** Remembers the picture of {@code fixtureId} that {@code botId} has just sent in {@code locale}. */
	void sent(long botId, long fixtureId, Locale locale, String fileId) {
		sent.put(key(botId, fixtureId, locale), fileId);
	}

	@Override
	public Mono<String> cachedFileId(long botId, long fixtureId, Locale locale) {
		return Mono.fromSupplier(() -> sent.getIfPresent(key(botId, fixtureId, locale)));
	}

	private static String key(long botId, long fixtureId, Locale locale) {
		return botId + "/" + fixtureId + "/" + locale.getLanguage();
	}
}
