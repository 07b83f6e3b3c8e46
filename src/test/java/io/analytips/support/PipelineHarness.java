package io.analytips.support;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.Inbox;
import io.analytips.pipeline.inbox.MemoryInbox;
import io.analytips.pipeline.Notices;
import io.analytips.pipeline.PipelineMetrics;
import io.analytips.pipeline.PipelineProperties;
import io.analytips.pipeline.Pipelines;
import io.analytips.pipeline.inbox.PostgresInbox;
import io.analytips.pipeline.UpdatePipeline;
import io.analytips.pipeline.UserTracker;
import io.analytips.replica.Leadership;
import io.analytips.store.DatabaseUrl;
import io.analytips.store.InboxRepository;
import io.analytips.store.UserRepository;
import io.analytips.store.InboxAnnouncements;
import io.analytips.telegram.LongPollingSource;
import io.analytips.telegram.UpdateSource;
import io.analytips.telegram.WebhookSource;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.TelegramClient;
import io.analytips.telegram.TelegramProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The whole runtime without Spring: a long-polling pipeline against a {@link FakeBotApi}, with its
 * inbox in a fresh embedded-PostgreSQL database (or in memory), and the handlers a test gives.
 * A second harness on the same database and fake plays the restarted process.
 */
public final class PipelineHarness implements AutoCloseable {

	/** Plain-text notices, easy to recognise in assertions. */
	public static final Notices NOTICES = new Notices() {
		@Override
		public String overloaded(Locale locale) {
			return "OVERLOADED";
		}

		@Override
		public String rateLimited(Locale locale, Duration retryIn) {
			return "RATE LIMITED";
		}

		@Override
		public String failed(Locale locale) {
			return "FAILED";
		}
	};

	public final FakeBotApi telegram;

	public final DatabaseUrl database;

	public final ConnectionPool pool;

	public final DatabaseClient db;

	public final TelegramClient client;

	public final OutboundScheduler outbound;

	public final Inbox inbox;

	public final UserTracker users;

	public final UpdatePipeline pipeline;

	/** Which replica leads ({@link Leadership#SOLE} unless the builder gave one). */
	public final Leadership leadership;

	public final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	/** The webhook requests are posted to ({@link Builder#webhook()}), or null when polling. */
	public final WebhookSource webhook;

	/** Whether the fake was started for this harness (and is closed with it). */
	private final boolean ownsTelegram;

	private PipelineHarness(FakeBotApi telegram, boolean ownsTelegram, DatabaseUrl database,
			PipelineProperties properties, TelegramProperties telegramProperties, List<Handler> handlers,
			java.util.function.Function<DatabaseClient, InboxRepository> inboxRepository,
			java.util.function.Function<ConnectionPool, Leadership> leadership) {
		this.telegram = telegram;
		this.ownsTelegram = ownsTelegram;
		this.database = database;
		this.pool = TestDatabase.pool(database);
		this.db = TestDatabase.client(pool);
		this.leadership = leadership.apply(pool);
		this.client = new TelegramClient(telegramProperties);
		this.users = new UserTracker(new UserRepository(db), meters);
		this.outbound = new OutboundScheduler(client, telegramProperties, TestClock.running(), users, this.leadership);
		this.inbox = properties.inbox() == PipelineProperties.InboxKind.MEMORY ? new MemoryInbox(TestClock.running())
				: new PostgresInbox(inboxRepository.apply(db), Duration.ofSeconds(5), Duration.ofSeconds(30),
						this.leadership.shared() ? new InboxAnnouncements(db, pool.unwrap()) : null);
		this.webhook = telegramProperties.mode() != TelegramProperties.Mode.WEBHOOK ? null
				: new WebhookSource(client, inbox, telegramProperties, TestClock.running(), this.leadership.shared());
		UpdateSource source = webhook != null ? webhook
				: new LongPollingSource(client, inbox, telegramProperties, TestClock.running(), this.leadership);
		this.pipeline = Pipelines.build(source, inbox, outbound, handlers, NOTICES, users, properties,
				new PipelineMetrics(meters), TestClock.running(), this.leadership);
	}

	/** A builder with the production defaults, a fresh migrated database and a new fake. */
	public static Builder builder() {
		return new Builder();
	}

	/** Outcome counts in the inbox ({@code pending} for unfinished). */
	public Map<String, Long> outcomes() {
		return new InboxRepository(db).countByOutcome().block(Duration.ofSeconds(10));
	}

	/** Rows of the inbox with a given outcome and detail (detail null: any). */
	public long count(String outcome, String detail) {
		String sql = "select count(*) from inbox where outcome " + (outcome == null ? "is null" : "= '" + outcome + "'")
				+ (detail == null ? "" : " and detail = '" + detail + "'");
		return db.sql(sql).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
	}

	public PipelineHarness start() {
		pipeline.start();
		return this;
	}

	/** Stops gracefully and waits for the stop to finish. */
	public void stopAndWait(Duration timeout) {
		reactor.core.publisher.Sinks.Empty<Void> stopped = reactor.core.publisher.Sinks.empty();
		pipeline.stop(stopped::tryEmitEmpty);
		stopped.asMono().block(timeout);
	}

	@Override
	public void close() {
		if (pipeline.isRunning()) {
			pipeline.kill();
		}
		client.destroy();
		pool.dispose();
		if (ownsTelegram) {
			telegram.close();
		}
	}

	/** Settings for a harness, each with its production default until changed, then {@link #build()}. */
	public static final class Builder extends HarnessSettings<Builder> {

		public PipelineHarness build() {
			FakeBotApi fake = telegram != null ? telegram : FakeBotApi.start();
			DatabaseUrl url = database != null ? database : TestDatabase.migrated();
			return new PipelineHarness(fake, telegram == null, url, pipelineProperties(), telegramProperties(fake.url()),
					handlers, inboxRepository, leadership);
		}
	}

	/** This harness's pipeline as the one bot of a host ({@code @harness_bot}), for what reads the host's bots. */
	public io.analytips.host.BotHost host() {
		return io.analytips.host.BotHost.of(java.util.List.of(io.analytips.host.HostedBot.of(
				new io.analytips.common.BotProfile(123456, "harness_bot", null, null, null, null), client, outbound, webhook,
				pipeline, meters)));
	}
}
