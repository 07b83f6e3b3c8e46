package io.analytips.telegram;

import io.micrometer.core.instrument.MeterRegistry;

/** Makes each bot's {@link TelegramCalls}: its meters go to the registry it is given, which tags them with the bot. */
@FunctionalInterface
public interface TelegramCallsFactory {

	TelegramCalls forBot(MeterRegistry meters);

	/** Counts nothing. */
	TelegramCallsFactory NONE = meters -> TelegramCalls.NONE;
}
