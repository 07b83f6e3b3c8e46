package io.analytips.host;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.PipelineProperties;
import io.analytips.pipeline.UpdateListener;
import io.analytips.pipeline.UserTracker;
import io.analytips.replica.Leadership;
import io.analytips.replica.SharedLead;
import io.analytips.store.DatabaseUrl;
import io.analytips.store.InboxRepository;
import io.analytips.store.UserRepository;
import io.analytips.support.FakeBotApi;
import io.analytips.support.PipelineHarness;
import io.analytips.support.Scratch;
import io.analytips.support.TestClock;
import io.analytips.support.TestDatabase;
import io.analytips.telegram.TelegramCallsFactory;
import io.analytips.telegram.TelegramProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;

import org.springframework.r2dbc.core.DatabaseClient;

/** A host over a fake Bot API and a fresh database, with small buffers so that a flood is quick to make. */
final class HostFixture implements AutoCloseable {

	final FakeBotApi telegram;

	final ConnectionPool pool;

	final DatabaseClient db;

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final TelegramProperties telegramProperties;

	final PipelineProperties pipeline;

	HostFixture(FakeBotApi telegram, int queueCapacity, int concurrency) {
		this(telegram, queueCapacity, concurrency, 30);
	}

	/** @param globalRate each bot's messages a second ({@code TELEGRAM_GLOBAL_RATE}) */
	HostFixture(FakeBotApi telegram, int queueCapacity, int concurrency, int globalRate) {
		this.telegram = telegram;
		DatabaseUrl url = TestDatabase.migrated();
		this.pool = TestDatabase.pool(url);
		this.db = TestDatabase.client(pool);
		this.telegramProperties = new TelegramProperties(FakeBotApi.TOKEN, URI.create(telegram.url()),
				TelegramProperties.Mode.POLLING, null, null, Duration.ofSeconds(1), 100, Duration.ofSeconds(10),
				Duration.ofSeconds(2), globalRate, 3, 20, 100_000, false, 1000);
		this.pipeline = new PipelineProperties(10, 30, Duration.ofSeconds(60), queueCapacity, concurrency, 20,
				Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(60), PipelineProperties.InboxKind.POSTGRES,
				Duration.ofDays(3), true, Duration.ofMinutes(2), 16, Scratch.directory("send-journal"),
				Duration.ofSeconds(60));
	}

	/** A host of {@code tokens} whose bots answer with {@code handlers}. */
	BotHost host(List<String> tokens, List<Handler> handlers, BotVault vault) {
		SharedLead lead = new SharedLead(Leadership.SOLE);
		BotFactory.Shared shared = new BotFactory.Shared(handlers, PipelineHarness.NOTICES,
				new UserTracker(new UserRepository(db), meters), TestClock.running(), lead, UpdateListener.NONE, meters,
				TelegramCallsFactory.NONE, null, new InboxRepository(db), null);
		BotsProperties bots = new BotsProperties(String.join(",", tokens), List.of(), "");
		return new BotHost(new TokenChecks(tokens, telegramProperties, null), new BotFactory(telegramProperties, pipeline, bots, shared), vault, lead, List.of(),
				Duration.ofMillis(200));
	}

	@Override
	public void close() {
		pool.dispose();
		telegram.close();
	}
}
