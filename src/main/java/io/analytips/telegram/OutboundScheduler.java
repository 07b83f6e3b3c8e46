package io.analytips.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import io.analytips.common.Activity;
import io.analytips.common.Backoff;
import io.analytips.common.Leadership;
import io.analytips.common.SendRecord;
import io.analytips.common.SerialLanes;
import io.analytips.telegram.model.AnswerCallbackQuery;
import io.analytips.telegram.model.EditMessageText;
import io.analytips.telegram.model.Message;
import io.analytips.telegram.model.SendDocument;
import io.analytips.telegram.model.SendMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The one way out to Telegram. It enforces the flood limits (a global rate, about one message per
 * second per chat with a small burst, 20 per minute per group), keeps each chat's messages in
 * order, splits texts longer than 4096 characters, and retries by class of failure:
 * <ul>
 * <li>429 pauses only the scope that was limited (the chat; everything when several chats are
 * limited at once) for the whole {@code retry_after}, then sends again;</li>
 * <li>5xx and connection failures retry with backoff (1, 2, 4 s);</li>
 * <li>a timeout (the request may have been executed) is retried only for idempotent calls;</li>
 * <li>400 is never retried, except a group migration, which is re-sent to the new chat id;</li>
 * <li>403 reports the chat as blocked, 401 reports the token as revoked.</li>
 * </ul>
 * The queue is bounded: past {@code capacity} pending calls, new ones fail at once with
 * {@link OutboundOverflowException}. Every method is cold and emits on completion of its call.
 */
public class OutboundScheduler {

	private static final int MAX_THROTTLED_RETRIES = 10;

	private static final int MAX_TRANSIENT_RETRIES = 3;

	/** 1, 2, 4 s (the most a call retries), each up to 10% later, never earlier. */
	private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(32), 0, 0.1);

	private final BotApi client;

	private final TelegramProperties properties;

	private final OutboundListener listener;

	private final FloodControl flood;

	private final SerialLanes<Long> lanes = new SerialLanes<>();

	private final AtomicInteger pending = new AtomicInteger();

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong throttled = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private volatile boolean holding;

	private final Leadership leadership;

	private final Activity onTheWire = new Activity();

	public OutboundScheduler(BotApi client, TelegramProperties properties, Clock clock,
			OutboundListener listener) {
		this(client, properties, clock, listener, Leadership.SOLE);
	}

	/**
	 * @param leadership a message goes only while this replica's lead is valid ({@link Leadership#mayDeliver()}),
	 *        so a replica that lost the lead, or only seemed to hold it, never answers what its successor answers
	 */
	public OutboundScheduler(BotApi client, TelegramProperties properties, Clock clock, OutboundListener listener,
			Leadership leadership) {
		this.leadership = leadership;
		this.client = client;
		this.properties = properties;
		this.listener = listener;
		this.flood = new FloodControl(properties, clock);
	}

	/**
	 * Sends a message, split into several when longer than 4096 characters (the keyboard goes on the
	 * last part). Emits the last message sent; errors with the {@link TelegramException} that ended
	 * it. Parts are never interleaved with other messages to the same chat.
	 */
	public Mono<Message> sendMessage(SendMessage message) {
		List<String> parts = TextSplitter.split(message.text());
		ChatRef chat = new ChatRef(message.chatId());
		return enqueue(chat, Flux.range(0, parts.size())
			.concatMap(i -> paced(chat, true, false,
					id -> recorded(client.sendMessage(message.withChatId(id)
						.withText(parts.get(i), i == parts.size() - 1 ? message.replyMarkup() : null)))))
			.last());
	}

	/** Edits a message the bot sent. Emits the edited message; "message is not modified" completes empty. */
	public Mono<Message> editMessageText(EditMessageText edit) {
		ChatRef chat = new ChatRef(edit.chatId());
		return enqueue(chat, paced(chat, true, true, id -> client.editMessageText(edit.withChatId(id))))
			.onErrorResume(OutboundScheduler::notModified, ex -> Mono.empty());
	}

	/**
	 * Answers a callback query. Answers skip the message buckets (they are not messages and the
	 * user sees a spinner until they arrive) but honour every 429 pause.
	 */
	public Mono<Void> answerCallbackQuery(AnswerCallbackQuery answer) {
		ChatRef none = new ChatRef(null);
		return enqueue(none, paced(none, false, true, id -> client.answerCallbackQuery(answer))).then();
	}

	/** Sends a document. Emits the sent message. */
	public Mono<Message> sendDocument(SendDocument document) {
		ChatRef chat = new ChatRef(document.chatId());
		return enqueue(chat, paced(chat, true, false, id -> recorded(client.sendDocument(document.withChatId(id)))));
	}

	/**
	 * A new message to a user as it goes on the wire (its turn come, its pace kept), recorded by the
	 * update it answers ({@link SendRecord}): sending one twice is what a user notices after a crash.
	 * (Edits and callback answers repeat harmlessly.)
	 */
	private static <T> Mono<T> recorded(Mono<T> send) {
		return Mono.deferContextual(context -> SendRecord.recorded(context, send));
	}

	/**
	 * Stops releasing messages, for the end of a drain: a message waiting for its turn then waits
	 * until it is cancelled and is never sent, while calls already on the wire finish. Cancelling
	 * after {@link #onTheWire()} reaches zero therefore never cuts off a message Telegram may
	 * already have delivered, so its update is not answered again after the restart.
	 * Callback answers are still released (answering twice is harmless).
	 */
	public void hold() {
		holding = true;
	}

	/** Calls sent to Telegram and not yet answered. */
	public int onTheWire() {
		return onTheWire.count();
	}

	/** Completes once no call is on the wire: at once if none is, else when the last is answered. Never errors. */
	public Mono<Void> wireCleared() {
		return onTheWire.idle();
	}

	/** A snapshot of the queue and counters. */
	public OutboundStats stats() {
		return new OutboundStats(pending.get(), properties.outboundCapacity(), sent.get(), throttled.get(),
				failed.get(), refused.get(), flood.pausedChats(), flood.globalPaused());
	}

	private <T> Mono<T> enqueue(ChatRef chat, Mono<T> work) {
		return Mono.defer(() -> {
			if (pending.incrementAndGet() > properties.outboundCapacity()) {
				pending.decrementAndGet();
				refused.incrementAndGet();
				return Mono.error(new OutboundOverflowException(properties.outboundCapacity()));
			}
			Mono<T> inOrder = chat.id == null ? work : lanes.serialize(chat.id, work);
			return inOrder.doFinally(signal -> pending.decrementAndGet());
		});
	}

	/** One call: wait for its turn, send, and retry by class of failure. */
	private <T> Mono<T> paced(ChatRef chat, boolean isMessage, boolean idempotent, LongFunction<Mono<T>> call) {
		return Mono.defer(() -> flood.awaitTurn(chat.id, isMessage).then(awaitLease(isMessage)).then(Mono.defer(() -> {
			if (holding && isMessage) {
				return Mono.<T>never(); // see hold(): waits until cancelled, never sent
			}
			onTheWire.begin();
			return call.apply(chat.idOrZero()).doFinally(signal -> onTheWire.end());
		})))
			.retryWhen(Retry.from(signals -> signals.concatMap(signal -> retryDelay(signal, chat, idempotent))))
			.doOnSuccess(result -> sent.incrementAndGet())
			.doOnError(ex -> failed.incrementAndGet());
	}

	/**
	 * Lets a message go only while this replica's lead is valid; without it the message waits (the lead is renewed,
	 * or it is lost and the pipeline drops the message's update for the new leader to answer).
	 */
	private Mono<Void> awaitLease(boolean isMessage) {
		return isMessage ? leadership.awaitLease() : Mono.empty();
	}

	private Mono<Long> retryDelay(Retry.RetrySignal signal, ChatRef chat, boolean idempotent) {
		if (!(signal.failure() instanceof TelegramException ex)) {
			return Mono.error(signal.failure());
		}
		long attempt = signal.totalRetries();
		switch (ex.kind()) {
			case TOO_MANY_REQUESTS -> {
				throttled.incrementAndGet();
				flood.pause(chat.id, ex.retryAfter() != null ? ex.retryAfter() : Duration.ofSeconds(1));
				// The pause is waited for in awaitTurn, so nothing is re-sent before retry_after.
				return attempt < MAX_THROTTLED_RETRIES ? Mono.just(attempt) : Mono.error(ex);
			}
			case BAD_REQUEST -> {
				if (ex.migrateToChatId() != null && chat.id != null && attempt == 0) {
					listener.chatMigrated(chat.id, ex.migrateToChatId());
					chat.id = ex.migrateToChatId();
					return Mono.just(attempt);
				}
				return Mono.error(ex);
			}
			case SERVER_ERROR, NETWORK, TIMEOUT -> {
				boolean safe = ex.kind() != TelegramException.Kind.TIMEOUT || idempotent;
				if (!safe || signal.totalRetriesInARow() >= MAX_TRANSIENT_RETRIES) {
					return Mono.error(ex);
				}
				return Mono.delay(backoff(signal.totalRetriesInARow()));
			}
			case FORBIDDEN -> {
				if (chat.id != null) {
					listener.chatBlocked(chat.id);
				}
				return Mono.error(ex);
			}
			case UNAUTHORIZED -> {
				listener.unauthorized(ex);
				return Mono.error(ex);
			}
			default -> {
				return Mono.error(ex);
			}
		}
	}

	private static Duration backoff(long attempt) {
		return BACKOFF.delay(attempt);
	}

	private static boolean notModified(Throwable ex) {
		return ex instanceof TelegramException t && t.kind() == TelegramException.Kind.BAD_REQUEST
				&& t.getMessage() != null && t.getMessage().contains("message is not modified");
	}

	/** The chat a call goes to; a group migration changes it for the retries. */
	private static final class ChatRef {

		volatile Long id;

		ChatRef(Long id) {
			this.id = id;
		}

		long idOrZero() {
			Long current = id;
			return current == null ? 0 : current;
		}
	}
}
