package io.analytips.support;


import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.store.DatabaseUrl;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fake Bot API, the API-Football simulator and a fresh database for one Spring test class. The
 * application and the simulator both start their clocks at {@link TestClock#START}, so "today" is
 * the same whatever day the suite runs.
 */
public final class AppTestEnvironment implements AutoCloseable {

	/** {@code ADMIN_API_TOKEN} in these tests. */
	public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdefghijklmnop";

	/** {@code REPLICA_ID} in these tests: the {@code replica} tag of every metric. */
	public static final String REPLICA_ID = "test-replica";

	public final FakeBotApi telegram = FakeBotApi.start();

	/** The simulator's clock; a test that moves it must give the application the same clock. */
	public final TestClock clock = TestClock.running();

	public final SimulatorServer football = SimulatorServer.start(ApiFootballSimulator.bundled(clock), "127.0.0.1", 0);

	public final DatabaseUrl database = TestDatabase.fresh();

	/** Points the application at the fake and the database; polls fast, sends fast. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("analytips.telegram.bot-token", () -> FakeBotApi.TOKEN);
		registry.add("analytips.telegram.api-url", telegram::url);
		registry.add("analytips.telegram.poll-timeout", () -> "1s");
		registry.add("analytips.telegram.global-rate", () -> "1000");
		registry.add("analytips.telegram.chat-burst", () -> "20");
		registry.add("analytips.database.url", () -> TestDatabase.environmentUrl(database));
		registry.add("analytips.football.url", football::url);
		registry.add("analytips.football.key", () -> ApiFootballSimulator.KEY);
		registry.add("analytips.football.rate-per-minute", () -> "10000");
		registry.add("analytips.admin.admin-ids", () -> "900");
		registry.add("analytips.admin.operator-ids", () -> "901");
		registry.add("analytips.admin.api-token", () -> ADMIN_TOKEN);
		registry.add("analytips.clock.start", TestClock.START::toString);
		registry.add("analytips.bot.send-journal", () -> Scratch.directory("send-journal").toString());
		registry.add("analytips.replica.id", () -> REPLICA_ID);
		// each test application is alone on its database: it leads at once, as a lone bot does
		registry.add("analytips.replica.lead.shared", () -> "false");
		registry.add("LOG_FORMAT", () -> "text");
	}

	@Override
	public void close() {
		telegram.close();
		football.close();
	}
}
