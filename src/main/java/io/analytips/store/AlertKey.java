package io.analytips.store;

/** An alert row's key: one alert of a kind per bot, chat and fixture (or day, for a digest). */
public record AlertKey(long botId, long chatId, long fixtureId, Alert.Kind kind) {
}
