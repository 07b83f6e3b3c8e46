package io.analytips.support;

import io.analytips.store.DatabaseUrl;

import org.springframework.test.context.DynamicPropertyRegistry;

/** A fake Bot API and a fresh database for one Spring test class. */
public final class AppTestEnvironment implements AutoCloseable {

	public final FakeBotApi telegram = FakeBotApi.start();

	public final DatabaseUrl database = TestDatabase.fresh();

	/** Points the application at the fake and the database; polls fast, sends fast. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("analytips.telegram.bot-token", () -> FakeBotApi.TOKEN);
		registry.add("analytips.telegram.api-url", telegram::url);
		registry.add("analytips.telegram.poll-timeout", () -> "1s");
		registry.add("analytips.telegram.global-rate", () -> "1000");
		registry.add("analytips.telegram.chat-burst", () -> "20");
		registry.add("analytips.database.url", () -> TestDatabase.environmentUrl(database));
		registry.add("LOG_FORMAT", () -> "text");
	}

	@Override
	public void close() {
		telegram.close();
	}
}
