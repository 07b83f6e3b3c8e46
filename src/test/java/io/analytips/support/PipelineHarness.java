package io.analytips.support;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.analytips.common.Leadership;
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

	/** Settings for a harness. */
	public static final class Builder {

		private FakeBotApi telegram;

		private DatabaseUrl database;

		private List<Handler> handlers = List.of();

		private int rateLimit = 10;

		private int navigationRateLimit = 30;

		private java.nio.file.Path sendJournal;

		private Duration rateWindow = Duration.ofSeconds(60);

		private int queueCapacity = 1000;

		private int concurrency = 256;

		private int chatBacklog = 20;

		private Duration handlerTimeout = Duration.ofSeconds(60);

		private Duration maxWait = Duration.ofSeconds(60);

		private Duration drain = Duration.ofSeconds(25);

		private int globalRate = 30;

		private int chatBurst = 3;

		private PipelineProperties.InboxKind inbox = PipelineProperties.InboxKind.POSTGRES;

		private Duration pollTimeout = Duration.ofSeconds(1);

		private boolean logUpdates = true;

		private boolean webhook;

		private Duration parkedAfter = Duration.ofMinutes(2);

		private java.util.function.Function<DatabaseClient, InboxRepository> inboxRepository = InboxRepository::new;

		private java.util.function.Function<ConnectionPool, Leadership> leadership = pool -> Leadership.SOLE;

		/** Takes updates through a webhook ({@link PipelineHarness#webhook}) instead of polling. */
		public Builder webhook() {
			this.webhook = true;
			return this;
		}

		/** How this harness, as one replica among several on its database, learns whether it leads. */
		public Builder leadership(java.util.function.Function<ConnectionPool, Leadership> leadership) {
			this.leadership = leadership;
			return this;
		}

		public Builder telegram(FakeBotApi telegram) {
			this.telegram = telegram;
			return this;
		}

		public Builder database(DatabaseUrl database) {
			this.database = database;
			return this;
		}

		public Builder handlers(Handler... handlers) {
			this.handlers = List.of(handlers);
			return this;
		}

		public Builder rateLimit(int limit, Duration window) {
			this.rateLimit = limit;
			this.rateWindow = window;
			return this;
		}

		/** The send journal's directory: the same for a restart that should read what the crashed run wrote. */
		public Builder sendJournal(java.nio.file.Path directory) {
			this.sendJournal = directory;
			return this;
		}

		public Builder navigationRateLimit(int limit) {
			this.navigationRateLimit = limit;
			return this;
		}

		public Builder queueCapacity(int capacity) {
			this.queueCapacity = capacity;
			return this;
		}

		public Builder concurrency(int concurrency) {
			this.concurrency = concurrency;
			return this;
		}

		public Builder chatBacklog(int chatBacklog) {
			this.chatBacklog = chatBacklog;
			return this;
		}

		/** How long an update may wait in the buffer ({@code BOT_MAX_WAIT}). */
		public Builder maxWait(Duration maxWait) {
			this.maxWait = maxWait;
			return this;
		}

		public Builder handlerTimeout(Duration timeout) {
			this.handlerTimeout = timeout;
			return this;
		}

		public Builder drain(Duration drain) {
			this.drain = drain;
			return this;
		}

		public Builder globalRate(int rate) {
			this.globalRate = rate;
			return this;
		}

		public Builder chatBurst(int burst) {
			this.chatBurst = burst;
			return this;
		}

		/** {@code LOG_UPDATES}: the access log on (the default) or off. */
		public Builder logUpdates(boolean logUpdates) {
			this.logUpdates = logUpdates;
			return this;
		}

		/** {@code BOT_PARKED_AFTER}. */
		public Builder parkedAfter(Duration parkedAfter) {
			this.parkedAfter = parkedAfter;
			return this;
		}

		/** The inbox's repository, e.g. one that loses the answer of a committed insert. */
		public Builder inboxRepository(java.util.function.Function<DatabaseClient, InboxRepository> repository) {
			this.inboxRepository = repository;
			return this;
		}

		public Builder inMemoryInbox() {
			this.inbox = PipelineProperties.InboxKind.MEMORY;
			return this;
		}

		public PipelineHarness build() {
			FakeBotApi fake = telegram != null ? telegram : FakeBotApi.start();
			DatabaseUrl url = database != null ? database : TestDatabase.migrated();
			PipelineProperties properties = new PipelineProperties(rateLimit, navigationRateLimit, rateWindow, queueCapacity, concurrency,
					chatBacklog, handlerTimeout, drain, Duration.ofSeconds(60), inbox, Duration.ofDays(3), logUpdates, parkedAfter,
					16, sendJournal != null ? sendJournal : Scratch.directory("send-journal"), maxWait);
			TelegramProperties telegramProperties = new TelegramProperties(FakeBotApi.TOKEN, URI.create(fake.url()),
					webhook ? TelegramProperties.Mode.WEBHOOK : TelegramProperties.Mode.POLLING,
					webhook ? URI.create("https://bot.example/telegram/webhook") : null, webhook ? "secret" : null, pollTimeout, 100, Duration.ofSeconds(10),
					Duration.ofSeconds(2), globalRate, chatBurst, 20, 100_000, false, 1000);
			return new PipelineHarness(fake, telegram == null, url, properties, telegramProperties, handlers,
					inboxRepository, leadership);
		}
	}

	/** This harness's pipeline as the one bot of a host ({@code @harness_bot}), for what reads the host's bots. */
	public io.analytips.host.BotHost host() {
		return io.analytips.host.BotHost.of(java.util.List.of(io.analytips.host.HostedBot.of(
				new io.analytips.common.BotProfile(123456, "harness_bot", null, null, null, null), client, outbound, webhook,
				pipeline, meters)));
	}
}
