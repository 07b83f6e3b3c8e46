package io.analytips.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.telegram.model.SetWebhook;
import io.analytips.telegram.model.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.FluxSink;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Updates pushed by Telegram to {@code POST /telegram/webhook}. Subscribing to {@link #updates()}
 * registers the webhook ({@code setWebhook} with the secret token) and opens intake; each request
 * is then checked ({@link #receive}) and stored before it is answered 200, so Telegram redelivers
 * anything that was not stored. While intake is closed (starting, draining) requests get 503.
 * <p>
 * Stored updates wait for the pipeline in a bounded queue ({@link #QUEUE_CAPACITY} by default): a
 * request finds its place there before its update is stored, and when the queue is full it is answered
 * 503 without storing anything, so Telegram delivers it again later and nothing is lost or held twice.
 * <p>
 * Replicas sharing one database ({@link #handsOver()}) all accept requests, leading or not, even while the
 * leader drains: each is stored, announced and answered 200, and the leader reads the store.
 */
public class WebhookSource implements UpdateSource {

	/** The local path Telegram posts to; {@code TELEGRAM_WEBHOOK_URL} must lead here. */
	public static final String PATH = "/telegram/webhook";

	/** The header in which Telegram echoes the secret token. */
	public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

	private static final Logger log = LoggerFactory.getLogger(WebhookSource.class);

	/** What became of one webhook request, and the HTTP status it is answered with. */
	public enum Reception {
		ACCEPTED(200), DUPLICATE(200), UNAUTHORIZED(401), MALFORMED(400), UNAVAILABLE(503);

		private final int status;

		Reception(int status) {
			this.status = status;
		}

		public int status() {
			return status;
		}
	}

	private final BotApi client;

	private final UpdateStore store;

	private final TelegramProperties properties;

	private final SourceState state;

	private final byte[] secret;

	/**
	 * Updates stored and waiting for the pipeline to take them, at most: Telegram opens at most 40
	 * connections to a webhook (see {@code setWebhook}), so this is room for 25 rounds of them while the
	 * pipeline is busy; its own buffer comes after.
	 */
	static final int QUEUE_CAPACITY = 1000;

	/** The open intake; {@code Flux.create}'s sink serialises the concurrent requests' emissions. */
	private volatile FluxSink<ReceivedUpdate> open;

	private final int capacity;

	/** Places taken in the queue: updates waiting for the pipeline, and requests about to store one. */
	private final AtomicInteger queued = new AtomicInteger();

	/** Replicas on one database: every request is stored and announced, and the leader reads the store. */
	private final boolean handsOver;

	public WebhookSource(BotApi client, UpdateStore store, TelegramProperties properties, Clock clock) {
		this(client, store, properties, clock, QUEUE_CAPACITY, false);
	}

	/**
	 * @param handsOver whether this is one of several replicas sharing the store: then every replica, leading or
	 *        not, stores each request, announces it ({@link UpdateStore#announceStored()}) and answers 200, emits
	 *        nothing, and the leader takes the stored updates from the store in order ({@link #handsOver()})
	 */
	public WebhookSource(BotApi client, UpdateStore store, TelegramProperties properties, Clock clock,
			boolean handsOver) {
		this(client, store, properties, clock, QUEUE_CAPACITY, handsOver);
	}

	WebhookSource(BotApi client, UpdateStore store, TelegramProperties properties, Clock clock, int capacity) {
		this(client, store, properties, clock, capacity, false);
	}

	private WebhookSource(BotApi client, UpdateStore store, TelegramProperties properties, Clock clock, int capacity,
			boolean handsOver) {
		this.handsOver = handsOver;
		this.capacity = capacity;
		this.client = client;
		this.store = store;
		this.properties = properties;
		this.state = new SourceState(clock, log);
		this.secret = properties.webhookSecret() == null ? new byte[0]
				: properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public Flux<ReceivedUpdate> updates() {
		SetWebhook registration = new SetWebhook(properties.webhookUrl().toString(), properties.webhookSecret(),
				Update.ALLOWED, 40, false);
		return client.setWebhook(registration)
			.retryWhen(IntakeRetry.policy(state))
			.doOnSuccess(ok -> log.info("Webhook registered at {}", properties.webhookUrl()))
			.thenMany(Flux.<ReceivedUpdate>create(sink -> {
				open = sink;
				state.receiving();
				sink.onDispose(() -> open = null);
			}, FluxSink.OverflowStrategy.BUFFER)) // bounded by the places taken in receive()
			.doOnNext(update -> queued.decrementAndGet())
			.doOnError(state::failed)
			.doFinally(signal -> {
				open = null;
				queued.set(0); // what still waited is dropped with the subscription; the inbox replays it
				state.idle();
			});
	}

	/** Whether the secret header matches, compared in constant time. */
	public boolean authorized(String secretHeader) {
		byte[] given = secretHeader == null ? new byte[0] : secretHeader.getBytes(StandardCharsets.UTF_8);
		return secret.length > 0 && MessageDigest.isEqual(secret, given);
	}

	/**
	 * Handles one request whose secret was already checked with {@link #authorized}: emits what
	 * became of it. Never errors: a store failure, and a full queue (nothing is stored then), are
	 * {@link Reception#UNAVAILABLE} (Telegram redelivers).
	 */
	public Mono<Reception> receive(byte[] body) {
		if (open == null && !handsOver) {
			return Mono.just(Reception.UNAVAILABLE);
		}
		ReceivedUpdate update;
		try {
			JsonNode node = TelegramJson.mapper().readTree(body);
			update = node != null && node.isObject() ? ReceivedUpdate.parse(node) : null;
		}
		catch (JacksonException ex) {
			update = null;
		}
		if (update == null) {
			return Mono.just(Reception.MALFORMED);
		}
		if (handsOver) {
			return handOver(update);
		}
		if (queued.incrementAndGet() > capacity) {
			queued.decrementAndGet();
			log.debug("Webhook queue full ({} updates waiting): update {} refused with 503", capacity, update.updateId());
			return Mono.just(Reception.UNAVAILABLE);
		}
		AtomicBoolean placeUsed = new AtomicBoolean();
		return store.storeNew(List.of(update)).map(fresh -> {
			for (ReceivedUpdate stored : fresh) {
				placeUsed.set(emit(stored));
			}
			return fresh.isEmpty() ? Reception.DUPLICATE : Reception.ACCEPTED;
		}).onErrorResume(ex -> {
			state.retrying(ex);
			return Mono.just(Reception.UNAVAILABLE);
		}).doFinally(signal -> {
			if (!placeUsed.get()) {
				queued.decrementAndGet(); // a duplicate, a failure or a cancelled request: nothing was queued
			}
		}).doOnNext(reception -> {
			if (reception != Reception.UNAVAILABLE) {
				state.receiving();
			}
		});
	}

	/**
	 * Stores and announces an update for whichever replica leads: nothing waits in this process, so there is no
	 * queue to be full; the database is the buffer, and the leader reads it as fast as it handles.
	 */
	private Mono<Reception> handOver(ReceivedUpdate update) {
		return store.storeNew(List.of(update))
			.flatMap(fresh -> fresh.isEmpty() ? Mono.just(Reception.DUPLICATE)
					: store.announceStored().thenReturn(Reception.ACCEPTED))
			.onErrorResume(ex -> {
				state.retrying(ex);
				return Mono.just(Reception.UNAVAILABLE);
			})
			.doOnNext(reception -> {
				if (reception != Reception.UNAVAILABLE) {
					state.receiving();
				}
			});
	}

	@Override
	public boolean handsOver() {
		return handsOver;
	}

	/** Hands a stored update to the pipeline; false when intake closed meanwhile (the inbox replays it at the next start). */
	private boolean emit(ReceivedUpdate update) {
		FluxSink<ReceivedUpdate> sink = open;
		if (sink == null) {
			return false;
		}
		sink.next(update);
		return true;
	}

	/** Nothing to confirm: each update was confirmed by its 200. */
	@Override
	public Mono<Void> confirmReceived() {
		return Mono.empty();
	}

	@Override
	public SourceStatus status() {
		return state.get();
	}
}
