package io.analytips.pipeline;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.analytips.pipeline.inbox.MemoryInbox;
import io.analytips.pipeline.journal.JournalWrites;
import io.analytips.support.PipelineHarness;
import io.analytips.telegram.BotApi;
import io.analytips.telegram.LongPollingSource;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.TelegramProperties;
import io.analytips.telegram.model.AnswerCallbackQuery;
import io.analytips.telegram.model.AnswerInlineQuery;
import io.analytips.telegram.model.Chat;
import io.analytips.telegram.model.GetUpdates;
import io.analytips.telegram.model.Message;
import io.analytips.telegram.model.SendMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.scheduler.clock.SchedulerClock;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.node.ObjectNode;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The whole pipeline in virtual time and on the test's thread: real long polling, intake, bounded
 * buffer, dispatcher and outbound scheduler (with Telegram's flood limits), against a scripted Bot
 * API whose {@code getUpdates} keeps Telegram's offset semantics. Minutes of traffic run in
 * milliseconds. Close it to put real time back.
 */
public final class VirtualPipeline implements AutoCloseable {

	/** Something the bot sent: a message to a chat, or a callback answer (chat 0), at a virtual millisecond. */
	public record Sent(long chatId, String text, boolean alert, long atMillis) {
	}

	final VirtualTimeScheduler time;

	/** The pipeline's inbox (the in-memory one, or what a test wrapped it in). */
	final Inbox inbox;

	/** The in-memory inbox underneath: outcomes. */
	final MemoryInbox memory;

	final UpdatePipeline pipeline;

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());

	private final List<AnswerInlineQuery> inlineAnswers = Collections.synchronizedList(new ArrayList<>());

	private final Map<Long, Long> arrivedAt = new ConcurrentHashMap<>();

	private final ConcurrentSkipListMap<Long, ReceivedUpdate> pending = new ConcurrentSkipListMap<>();

	private final Sinks.Many<Long> arrivals = Sinks.many().multicast().directBestEffort();

	private long nextId = 1;

	private VirtualPipeline(Builder builder) {
		this.time = VirtualTimeScheduler.getOrSet();
		BotApi telegram = mock(BotApi.class);
		when(telegram.deleteWebhook(false)).thenReturn(Mono.just(true));
		when(telegram.getUpdates(any())).thenAnswer(invocation -> getUpdates(invocation.getArgument(0)));
		when(telegram.sendMessage(any())).thenAnswer(invocation -> {
			SendMessage message = invocation.getArgument(0);
			sent.add(new Sent(message.chatId(), message.text(), false, now()));
			return Mono.just(new Message(1, null, null, new Chat(message.chatId(), "private", null, null, null), 0,
					message.text(), null, null));
		});
		when(telegram.answerCallbackQuery(any())).thenAnswer(invocation -> {
			AnswerCallbackQuery answer = invocation.getArgument(0);
			sent.add(new Sent(0, answer.text(), Boolean.TRUE.equals(answer.showAlert()), now()));
			return Mono.just(true);
		});
		when(telegram.answerInlineQuery(any())).thenAnswer(invocation -> {
			inlineAnswers.add(invocation.getArgument(0));
			return Mono.just(true);
		});
		UserTracker users = mock(UserTracker.class);
		when(users.seen(anyLong(), any())).thenReturn(Mono.empty());
		when(users.close()).thenReturn(Mono.empty());
		TelegramProperties telegramProperties = new TelegramProperties("t", URI.create("http://unused"),
				TelegramProperties.Mode.POLLING, null, null, Duration.ofSeconds(10), 100, Duration.ofSeconds(5),
				Duration.ofSeconds(1), 30, 3, 20, 10_000, false, 1000);
		SchedulerClock clock = SchedulerClock.of(time);
		this.memory = new MemoryInbox(clock);
		this.inbox = builder.inbox.apply(memory);
		OutboundScheduler outbound = new OutboundScheduler(telegram, telegramProperties, clock, users);
		LongPollingSource source = new LongPollingSource(telegram, inbox, telegramProperties, clock);
		// The send journal writes on the test's own thread: nothing finishes behind virtual time's back.
		PipelineProperties properties = builder.properties();
		this.pipeline = Pipelines.build(source, inbox, outbound, builder.handlers, builder.notices, users,
				properties, new PipelineMetrics(meters), clock,
				JournalWrites.open(properties.sendJournal(), Schedulers.immediate()));
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Telegram receives an update from a user (numbered here); returns its id. */
	public long enqueue(ObjectNode update) {
		long id = nextId++;
		update.put("update_id", id);
		pending.put(id, ReceivedUpdate.parse(update));
		arrivedAt.put(id, now());
		arrivals.tryEmitNext(id);
		return id;
	}

	/** Moves virtual time on, running everything due meanwhile. */
	public void advance(Duration duration) {
		time.advanceTimeBy(duration);
	}

	/** An update's outcome, {@code pending}, or null if never stored. */
	public String outcomeOf(long updateId) {
		return memory.outcomeOf(updateId);
	}

	/** The virtual millisecond at which Telegram received an update. */
	long arrivedAt(long updateId) {
		return arrivedAt.get(updateId);
	}

	List<Sent> sent() {
		return List.copyOf(sent);
	}

	/** Messages sent to a chat. */
	public List<Sent> messagesTo(long chatId) {
		return sent().stream().filter(message -> message.chatId() == chatId).toList();
	}

	/** Inline queries' answers, in order. */
	List<AnswerInlineQuery> inlineAnswers() {
		return List.copyOf(inlineAnswers);
	}

	/** Callback answers shown as an alert. */
	public List<Sent> alerts() {
		return sent().stream().filter(Sent::alert).toList();
	}

	long now() {
		return time.now(TimeUnit.MILLISECONDS);
	}

	/** Like Telegram: confirms what is below the offset, answers at once when something is pending, else holds the poll. */
	private Mono<List<ReceivedUpdate>> getUpdates(GetUpdates request) {
		return Mono.defer(() -> {
			Long offset = request.offset();
			if (offset != null) {
				pending.headMap(offset).clear();
			}
			return Flux.merge(arrivals.asFlux(), Mono.just(0L))
				.map(any -> batch(offset, request.limit()))
				.filter(batch -> !batch.isEmpty())
				.next()
				.timeout(Duration.ofSeconds(request.timeout()), Mono.fromSupplier(List::of));
		});
	}

	private List<ReceivedUpdate> batch(Long offset, int limit) {
		return pending.tailMap(offset == null ? 0 : offset).values().stream().limit(limit).toList();
	}

	@Override
	public void close() {
		pipeline.kill();
		VirtualTimeScheduler.reset();
	}

	/** {@code BOT_PARKED_AFTER}'s default. */
	static final Duration PARKED_AFTER = Duration.ofMinutes(2);

	/** Production's settings unless a test says otherwise. */
	public static final class Builder {

		private List<Handler> handlers = List.of();

		private int concurrency = 256;

		private int chatBacklog = 20;

		private Duration handlerTimeout = Duration.ofSeconds(60);

		private Duration maxWait = Duration.ofSeconds(60);

		private Function<Inbox, Inbox> inbox = Function.identity();

		private Notices notices = PipelineHarness.NOTICES;

		/** The per-user limits as shipped ({@code application.yml}). */
		private final PipelineProperties shipped = io.analytips.support.ApplicationDefaults.pipeline();

		private int rateLimit = shipped.rateLimit();

		private int navigationRateLimit = shipped.navigationRateLimit();

		private Duration rateWindow = shipped.rateWindow();

		public Builder handlers(Handler... handlers) {
			this.handlers = List.of(handlers);
			return this;
		}

		Builder concurrency(int concurrency) {
			this.concurrency = concurrency;
			return this;
		}

		Builder chatBacklog(int chatBacklog) {
			this.chatBacklog = chatBacklog;
			return this;
		}

		Builder maxWait(Duration maxWait) {
			this.maxWait = maxWait;
			return this;
		}

		Builder handlerTimeout(Duration handlerTimeout) {
			this.handlerTimeout = handlerTimeout;
			return this;
		}

		/** The per-user limits: work and navigation per window. */
		Builder rateLimits(int work, int navigation, Duration window) {
			this.rateLimit = work;
			this.navigationRateLimit = navigation;
			this.rateWindow = window;
			return this;
		}

		/** The pipeline's own texts (fixed words by default; a test may say more, such as the wait). */
		Builder notices(Notices notices) {
			this.notices = notices;
			return this;
		}

		/** Wraps the (in-memory) inbox, e.g. to lose answers. */
		Builder inbox(Function<Inbox, Inbox> wrapper) {
			this.inbox = wrapper;
			return this;
		}

		private PipelineProperties properties() {
			return new PipelineProperties(rateLimit, navigationRateLimit, rateWindow, 1000, concurrency, chatBacklog, handlerTimeout,
					Duration.ofSeconds(25), Duration.ofSeconds(60), PipelineProperties.InboxKind.MEMORY, Duration.ofDays(3),
					false, PARKED_AFTER, 16, io.analytips.support.Scratch.directory("send-journal"), maxWait);
		}

		public VirtualPipeline start() {
			VirtualPipeline bot = new VirtualPipeline(this);
			bot.pipeline.start();
			return bot;
		}
	}
}
