package io.analytips.support;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.analytips.replica.Leadership;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.PipelineProperties;
import io.analytips.store.DatabaseUrl;
import io.analytips.store.InboxRepository;
import io.analytips.telegram.TelegramProperties;
import io.r2dbc.pool.ConnectionPool;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The settings of a {@link PipelineHarness}, each with its production default (the pipeline's and Telegram's), that
 * its {@link PipelineHarness.Builder} changes before it builds one.
 *
 * @param <B> the builder, which each setting returns
 */
abstract class HarnessSettings<B extends HarnessSettings<B>> {

	FakeBotApi telegram;

	DatabaseUrl database;

	List<Handler> handlers = List.of();

	int rateLimit = 10;

	int navigationRateLimit = 30;

	java.nio.file.Path sendJournal;

	Duration rateWindow = Duration.ofSeconds(60);

	int queueCapacity = 1000;

	int concurrency = 256;

	int chatBacklog = 20;

	Duration handlerTimeout = Duration.ofSeconds(60);

	Duration maxWait = Duration.ofSeconds(60);

	Duration drain = Duration.ofSeconds(25);

	int globalRate = 30;

	int chatBurst = 3;

	PipelineProperties.InboxKind inbox = PipelineProperties.InboxKind.POSTGRES;

	Duration pollTimeout = Duration.ofSeconds(1);

	boolean logUpdates = true;

	boolean webhook;

	Duration parkedAfter = Duration.ofMinutes(2);

	java.util.function.Function<DatabaseClient, InboxRepository> inboxRepository = InboxRepository::new;

	java.util.function.Function<ConnectionPool, Leadership> leadership = pool -> Leadership.SOLE;

	/** Takes updates through a webhook ({@link PipelineHarness#webhook}) instead of polling. */
	public B webhook() {
		this.webhook = true;
		return self();
	}

	/** How this harness, as one replica among several on its database, learns whether it leads. */
	public B leadership(java.util.function.Function<ConnectionPool, Leadership> leadership) {
		this.leadership = leadership;
		return self();
	}

	public B telegram(FakeBotApi telegram) {
		this.telegram = telegram;
		return self();
	}

	public B database(DatabaseUrl database) {
		this.database = database;
		return self();
	}

	public B handlers(Handler... handlers) {
		this.handlers = List.of(handlers);
		return self();
	}

	public B rateLimit(int limit, Duration window) {
		this.rateLimit = limit;
		this.rateWindow = window;
		return self();
	}

	/** The send journal's directory: the same for a restart that should read what the crashed run wrote. */
	public B sendJournal(java.nio.file.Path directory) {
		this.sendJournal = directory;
		return self();
	}

	public B navigationRateLimit(int limit) {
		this.navigationRateLimit = limit;
		return self();
	}

	public B queueCapacity(int capacity) {
		this.queueCapacity = capacity;
		return self();
	}

	public B concurrency(int concurrency) {
		this.concurrency = concurrency;
		return self();
	}

	public B chatBacklog(int chatBacklog) {
		this.chatBacklog = chatBacklog;
		return self();
	}

	/** How long an update may wait in the buffer ({@code BOT_MAX_WAIT}). */
	public B maxWait(Duration maxWait) {
		this.maxWait = maxWait;
		return self();
	}

	public B handlerTimeout(Duration timeout) {
		this.handlerTimeout = timeout;
		return self();
	}

	public B drain(Duration drain) {
		this.drain = drain;
		return self();
	}

	public B globalRate(int rate) {
		this.globalRate = rate;
		return self();
	}

	public B chatBurst(int burst) {
		this.chatBurst = burst;
		return self();
	}

	/** {@code LOG_UPDATES}: the access log on (the default) or off. */
	public B logUpdates(boolean logUpdates) {
		this.logUpdates = logUpdates;
		return self();
	}

	/** {@code BOT_PARKED_AFTER}. */
	public B parkedAfter(Duration parkedAfter) {
		this.parkedAfter = parkedAfter;
		return self();
	}

	/** The inbox's repository, e.g. one that loses the answer of a committed insert. */
	public B inboxRepository(java.util.function.Function<DatabaseClient, InboxRepository> repository) {
		this.inboxRepository = repository;
		return self();
	}

	public B inMemoryInbox() {
		this.inbox = PipelineProperties.InboxKind.MEMORY;
		return self();
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

	PipelineProperties pipelineProperties() {
		return new PipelineProperties(rateLimit, navigationRateLimit, rateWindow, queueCapacity, concurrency,
				chatBacklog, handlerTimeout, drain, Duration.ofSeconds(60), inbox, Duration.ofDays(3), logUpdates, parkedAfter,
				16, sendJournal != null ? sendJournal : Scratch.directory("send-journal"), maxWait);
	}

	/** Telegram's settings for a bot of the fake at {@code url}. */
	TelegramProperties telegramProperties(String url) {
		return new TelegramProperties(FakeBotApi.TOKEN, URI.create(url),
				webhook ? TelegramProperties.Mode.WEBHOOK : TelegramProperties.Mode.POLLING,
				webhook ? URI.create("https://bot.example/telegram/webhook") : null, webhook ? "secret" : null, pollTimeout, 100, Duration.ofSeconds(10),
				Duration.ofSeconds(2), globalRate, chatBurst, 20, 100_000, false, 1000);
	}
}
