package io.analytips.telegram;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import io.analytips.common.SendRecord;
import io.analytips.replica.Leadership;
import io.analytips.replica.Lease;
import io.analytips.replica.LeaseEndedException;
import io.analytips.replica.LeaseLapsedException;
import io.analytips.telegram.model.AnswerCallbackQuery;
import io.analytips.telegram.model.AnswerInlineQuery;
import io.analytips.telegram.model.EditMessageText;
import io.analytips.telegram.model.Message;
import io.analytips.telegram.model.SendDocument;
import io.analytips.telegram.model.SendMessage;
import io.analytips.telegram.model.SendPhoto;
import io.analytips.telegram.model.SetMyCommands;
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

	private final BotApi client;

	private final TelegramProperties properties;

	private final FloodControl flood;

	private final OutboundQueue queue;

	private final OutboundRetries retries;

	private final OutboundWire wire = new OutboundWire();

	private final Leadership leadership;

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

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
		this.flood = new FloodControl(properties, clock);
		this.queue = new OutboundQueue(properties.outboundCapacity());
		this.retries = new OutboundRetries(flood, listener);
	}

	/**
	 * Sends a message, split into several when longer than 4096 characters (the keyboard goes on the
	 * last part). Emits the last message sent; errors with the {@link TelegramException} that ended
	 * it. Parts are never interleaved with other messages to the same chat.
	 */
	public Mono<Message> sendMessage(SendMessage message) {
		ChatRef chat = new ChatRef(message.chatId());
		return queue.enqueue(chat.id, inParts(message, chat, () -> flood.awaitTurn(chat.id, true)));
	}

	/**
	 * Sends an alert (a message nobody is waiting for, such as one to each follower of a team) at low priority: as
	 * {@link #sendMessage} (split, in its chat's order, under a valid lease, retried by class of failure; a 403
	 * reports the chat blocked and errors with a {@link TelegramException} of kind
	 * {@link TelegramException.Kind#FORBIDDEN}, a 401 reports the token), except that it takes only the global rate
	 * other messages leave free at the moment it looks: it never reserves capacity ahead of them, so a reply that
	 * comes while 10 000 broadcasts wait goes after at most the refill of one global token (33 ms at 30/s). Broadcasts
	 * wait for free capacity in the order they came; one retried after a 429 waits again behind those still waiting.
	 * It keeps its place in its chat's order from the moment it is subscribed: a message to a chat whose broadcast
	 * still waits goes after it.
	 * <p>
	 * Broadcasts are bounded apart from the other calls: at most {@code outboundCapacity} broadcasts pending, past
	 * which a new one fails at once with {@link OutboundOverflowException}; they never count against the other
	 * calls' capacity, so however many are pending, replies are not refused because of them.
	 * <p>
	 * With {@code allow-paid-broadcast} the message goes with {@code allow_paid_broadcast: true} and broadcasts are
	 * paced by their own bucket at {@code paid-broadcast-rate} instead of the global one (Telegram charges Stars for
	 * every message beyond the free rate). Emits the last message sent. Cancelled before its turn, it gives back the
	 * tokens it took.
	 */
	public Mono<Message> broadcast(SendMessage message) {
		SendMessage alert = properties.allowPaidBroadcast() ? message.asPaidBroadcast() : message;
		ChatRef chat = new ChatRef(alert.chatId());
		return queue.enqueueBroadcast(alert.chatId(), inParts(alert, chat, () -> flood.awaitBroadcastTurn(chat.id)));
	}

	/** A message in parts of at most 4096 characters (the keyboard on the last), each waiting for its {@code turn}. */
	private Mono<Message> inParts(SendMessage message, ChatRef chat, Supplier<Mono<Void>> turn) {
		List<String> parts = TextSplitter.split(message.text());
		return Flux.range(0, parts.size())
			.concatMap(i -> paced(chat, true, false, turn,
					id -> recorded(client.sendMessage(message.withChatId(id)
						.withText(parts.get(i), i == parts.size() - 1 ? message.replyMarkup() : null)))))
			.last();
	}

	/** Edits a message the bot sent. Emits the edited message; "message is not modified" completes empty. */
	public Mono<Message> editMessageText(EditMessageText edit) {
		ChatRef chat = new ChatRef(edit.chatId());
		return queue.enqueue(chat.id, paced(chat, true, true, id -> client.editMessageText(edit.withChatId(id))))
			.onErrorResume(OutboundScheduler::notModified, ex -> Mono.empty());
	}

	/**
	 * Answers a callback query. Answers skip the message buckets (they are not messages and the
	 * user sees a spinner until they arrive) but honour every 429 pause.
	 */
	public Mono<Void> answerCallbackQuery(AnswerCallbackQuery answer) {
		ChatRef none = new ChatRef(null);
		return queue.enqueue(null, paced(none, false, true, id -> client.answerCallbackQuery(answer))).then();
	}

	/**
	 * Answers an inline query, paced as {@link #answerCallbackQuery} is: no message bucket (it goes to no chat, and
	 * the query expires within seconds), every 429 pause honoured.
	 */
	public Mono<Void> answerInlineQuery(AnswerInlineQuery answer) {
		ChatRef none = new ChatRef(null);
		return queue.enqueue(null, paced(none, false, true, id -> client.answerInlineQuery(answer))).then();
	}

	/**
	 * Sets a command menu ({@code setMyCommands}; the bot's own at start-up go straight to the client), paced as
	 * {@link #answerCallbackQuery} is: not a message, every 429 pause honoured, retried as any call that can be
	 * repeated. Emits Telegram's answer (true); errors with the {@link TelegramException} that ended it.
	 */
	public Mono<Boolean> setMyCommands(SetMyCommands menu) {
		ChatRef none = new ChatRef(null);
		return queue.enqueue(null, paced(none, false, true, id -> client.setMyCommands(menu)));
	}

	/** Sends a document. Emits the sent message. */
	public Mono<Message> sendDocument(SendDocument document) {
		ChatRef chat = new ChatRef(document.chatId());
		return queue.enqueue(chat.id, paced(chat, true, false, id -> recorded(client.sendDocument(document.withChatId(id)))));
	}

	/** Sends a photo, as a message: paced, in its chat's order, recorded. Emits the sent message. */
	public Mono<Message> sendPhoto(SendPhoto photo) {
		ChatRef chat = new ChatRef(photo.chatId());
		return queue.enqueue(chat.id, paced(chat, true, false, id -> recorded(client.sendPhoto(photo.withChatId(id)))));
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
	 * after {@link #wireCleared()} therefore never cuts off a message Telegram may
	 * already have delivered, so its update is not answered again after the restart.
	 * Callback answers are still released (answering twice is harmless).
	 */
	public void hold() {
		wire.hold();
	}

	/** Calls sent to Telegram and not yet answered. */
	public int onTheWire() {
		return wire.count();
	}

	/** Completes once no call is on the wire: at once if none is, else when the last is answered. Never errors. */
	public Mono<Void> wireCleared() {
		return wire.cleared();
	}

	/** A snapshot of the queue and counters. */
	public OutboundStats stats() {
		return new OutboundStats(queue.pending(), properties.outboundCapacity(), sent.get(), retries.throttled(),
				failed.get(), queue.refused(), flood.pausedChats(), flood.globalPaused());
	}

	private <T> Mono<T> paced(ChatRef chat, boolean isMessage, boolean idempotent, LongFunction<Mono<T>> call) {
		return paced(chat, isMessage, idempotent, () -> flood.awaitTurn(chat.id, isMessage), call);
	}

	/**
	 * One call: wait for its {@code turn} (looked up again at each attempt: a migration changes the chat) and the
	 * lease, send, and retry by class of failure ({@link OutboundRetries}).
	 */
	private <T> Mono<T> paced(ChatRef chat, boolean isMessage, boolean idempotent, Supplier<Mono<Void>> turn,
			LongFunction<Mono<T>> call) {
		return Mono.defer(() -> turn.get()
			.then(isMessage ? leased(() -> call.apply(chat.idOrZero())) : wire.send(false, () -> call.apply(chat.idOrZero()))))
			.retryWhen(retries.policy(chat, idempotent))
			.doOnSuccess(result -> sent.incrementAndGet())
			.doOnError(ex -> failed.incrementAndGet());
	}

	/**
	 * A message goes only under a valid lease of the term its update is handled in (the Reactor context's
	 * {@link Lease}; outside an update, the current term): it waits while the lease has lapsed, and fails with a
	 * {@link LeaseEndedException} once the term is over, so a replica that lost the lead never answers what its
	 * successor answers. The client looks at the lease again at the moment the bytes are written; if it ran out
	 * since (a pause, a wait for the send window or a connection), nothing was written and the message waits here
	 * again.
	 */
	private <T> Mono<T> leased(Supplier<Mono<T>> call) {
		return Mono.deferContextual(context -> {
			Lease term = context.getOrDefault(Lease.KEY, leadership.lease());
			return Leadership.awaitValid(term)
				.then(wire.send(true, call))
				.retryWhen(Retry.indefinitely().filter(LeaseLapsedException.class::isInstance))
				.contextWrite(inner -> inner.put(Lease.KEY, term));
		});
	}

	private static boolean notModified(Throwable ex) {
		return ex instanceof TelegramException t && t.kind() == TelegramException.Kind.BAD_REQUEST
				&& t.getMessage() != null && t.getMessage().contains("message is not modified");
	}
}
