package io.analytips.bot;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;

import io.analytips.pipeline.UpdateContext;
import io.analytips.support.MemoryUserSettings;

/** Readers for tests of screens. */
final class Readers {

	static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");

	/** The default reader: Portuguese, Brasília time. */
	static final Reader PORTUGUESE = new Reader(UpdateContext.DEFAULT_LOCALE, BRASILIA);

	/** An English reader who kept Brasília time. */
	static final Reader ENGLISH_IN_BRASILIA = new Reader(Locale.ENGLISH, BRASILIA);

	/** An English reader in London's time (what an {@code en} client gets unless they choose otherwise). */
	static final Reader ENGLISH = new Reader(Locale.ENGLISH, ZoneId.of("Europe/London"));

	private Readers() {
	}

	/** Preferences kept in memory, the bot's zone Brasília's (as the application's default). */
	static Preferences preferences(Clock clock) {
		return new Preferences(new MemoryUserSettings(), BRASILIA, clock);
	}
}
