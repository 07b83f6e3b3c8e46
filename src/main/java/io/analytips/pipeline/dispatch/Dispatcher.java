package io.analytips.pipeline.dispatch;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import io.analytips.common.LogContext;
import io.analytips.common.SerialLanes;
import io.analytips.common.Timeouts;
import io.analytips.common.UpdateScope;
import io.analytips.common.UpstreamCalls;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.Notices;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.PipelineMetrics;
import io.analytips.pipeline.UpdateContext;
import io.analytips.pipeline.journal.SendWindow;
import io.analytips.pipeline.log.AccessLog;
import io.analytips.pipeline.recovery.Finished;
import io.analytips.pipeline.recovery.InFlight;
import io.analytips.replica.LeaseEndedException;
import io.analytips.store.TransientFailures;
import io.analytips.telegram.Html;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Runs handlers: updates of one chat in order, different chats concurrently, at most
 * {@code concurrency} updates at a time (an update waiting for its chat's previous one counts,
 * so what the dispatcher holds stays bounded). One chat holds at most {@code chatBacklog} of
 * them ({@link ChatBacklog}); beyond that its updates go to {@code busyChat} (rejected with the
 * overload notice) at once, so a chat that sends faster than it can be answered never takes the
 * slots of the others. Each update runs inside an error boundary with a
 * timeout: a failure sends the user a short error reply, is logged with the update id, and ends
 * the update {@code failed}; it never ends the stream. Every callback query is answered. Each
 * update runs with an {@link UpstreamCalls} counter in its context and ends with its access line
 * ({@link AccessLog}). Emits the outcome of each update once it is recorded in the inbox.
 */
public final class Dispatcher implements Function<Flux<UpdateContext>, Flux<Finished>> {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final Handlers handlers;

	private final InFlight inFlight;

	private final Notices notices;

	private final Duration timeout;

	private final int concurrency;

	private final PipelineMetrics metrics;

	private final AccessLog access;

	private final SerialLanes<Long> lanes = new SerialLanes<>();

	private final ChatBacklog backlog;

	private final Consumer<UpdateContext> busyChat;

	private final SendWindow sends;

	private final AtomicInteger running = new AtomicInteger();

	/**
	 * @param busyChat takes an update whose chat already holds {@code chatBacklog} updates (must not throw)
	 */
	/**
	 * A handler that failed because the database was away for a moment (a restart, a failover), before it sent
	 * anything, is run again after a pause: 0.5, 1, then every 2 s (each within a quarter), ten times, so about 17 s
	 * in all and well within the handler's deadline. A short outage, including the seconds PostgreSQL and the pool
	 * take to come back, costs the user a wait rather than an apology. Once a message went, it is not: running the
	 * handler again could repeat it. Nor is a statement that timed out ({@link TransientFailures}): it waited already.
	 */
	static final RetryBackoffSpec DATABASE_AWAY = Retry.backoff(10, Duration.ofMillis(500))
		.maxBackoff(Duration.ofSeconds(2))
		.jitter(0.25);

	public Dispatcher(Handlers handlers, InFlight inFlight, Notices notices, Duration timeout, int concurrency,
			int chatBacklog, Consumer<UpdateContext> busyChat, PipelineMetrics metrics, AccessLog access, SendWindow sends) {
		this.handlers = handlers;
		this.inFlight = inFlight;
		this.notices = notices;
		this.timeout = timeout;
		this.concurrency = concurrency;
		this.backlog = new ChatBacklog(chatBacklog);
		this.busyChat = busyChat;
		this.metrics = metrics;
		this.access = access;
		this.sends = sends;
	}

	@Override
	public Flux<Finished> apply(Flux<UpdateContext> updates) {
		// Deferred, not decided in the mapper: flatMap gives back the demand of an inner that is a
		// plain Mono.empty() only in batches of 3/4 of its concurrency, so a run of turned-away updates
		// next to the long ones a busy chat holds could use up all of it and stall every other chat.
		return updates.flatMap(context -> Mono.defer(() -> {
			Long chat = context.chatId();
			if (!backlog.tryHold(chat)) {
				busyChat.accept(context);
				return Mono.<Finished>empty();
			}
			running.incrementAndGet();
			return lanes.serialize(chat, handle(context)).doFinally(signal -> {
				running.decrementAndGet();
				backlog.release(chat);
				inFlight.ended(context.updateId());
			});
		}), concurrency, 1);
	}

	public int inFlight() {
		return running.get();
	}

	/** Updates of {@code chat} running or waiting for their lane. */
	public int held(Long chat) {
		return backlog.held(chat);
	}

	/**
	 * The error boundary of one update: choosing its handler, handling it, the apology, the callback
	 * answer, the access line and the outcome write all happen inside it, so whatever throws ends
	 * the update {@code failed} (or unrecorded) and never the stream.
	 */
	private Mono<Finished> handle(UpdateContext context) {
		return Mono.defer(() -> {
			long started = System.nanoTime();
			UpstreamCalls upstream = new UpstreamCalls();
			SendWindow.Sends recorded = sends.forUpdate(context.updateId());
			Handler handler;
			try {
				handler = handlers.select(context);
			}
			catch (RuntimeException ex) {
				// A handler's supports() threw: nobody can take the update, and it says nothing about the others.
				return ended(context, null, Mono.error(ex), started, upstream, recorded);
			}
			Mono<Finished> run = handler == null ? Mono.just(new Finished(Outcome.INVALID, "no handler for " + context.kind()))
					: Mono.defer(() -> handler.handle(context))
						.retryWhen(DATABASE_AWAY.filter(error -> TransientFailures.isTransient(error) && !recorded.startedAny()))
						.transform(Timeouts.within(timeout, "the handler"))
						.thenReturn(Finished.of(Outcome.DONE))
						.doOnSuccess(done -> {
							metrics.replied(Duration.ofNanos(System.nanoTime() - context.admittedAt()));
							metrics.action(actionOf(handler, context));
						});
			return ended(context, handler, run, started, upstream, recorded);
		}).onErrorResume(error -> {
			// Unreachable unless the boundary itself has a bug: the update ends failed, unanswered.
			log.error("Update {} escaped the dispatcher's error boundary", context.updateId(), error);
			return inFlight.finish(context.updateId(), Outcome.FAILED, "escaped the error boundary: " + error)
				.onErrorResume(ignored -> Mono.empty())
				.then(Mono.empty());
		});
	}

	/** Everything after the handler: the apology on failure, the callback answer, the access line, the outcome. */
	private Mono<Finished> ended(UpdateContext context, Handler handler, Mono<Finished> run, long started,
			UpstreamCalls upstream, SendWindow.Sends recorded) {
		return run.onErrorResume(Dispatcher::leadEnded, error -> leftToTheSuccessor(context))
			.onErrorResume(error -> failed(context, error))
			.flatMap(finished -> Mono.defer(context::ensureCallbackAnswered)
				.onErrorResume(error -> Mono.empty())
				.thenReturn(finished))
			.doOnNext(finished -> access.finished(context, handler, finished.outcome(), upstream.count()))
			.flatMap(finished -> recorded.ended(finished.outcome()).thenReturn(finished))
			.flatMap(finished -> record(context, finished))
			.doOnNext(finished -> metrics.handled(Duration.ofNanos(System.nanoTime() - started)))
			// one operator and one entry for the three (UpdateScope says why)
			.contextWrite(reactorContext -> new UpdateScope(upstream, recorded, UpdateLogContext.ids(context, handler))
				.addTo(reactorContext));
	}

	/** Whether the lead this update was handled under is over: its messages will never go, here. */
	private static boolean leadEnded(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof LeaseEndedException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An update whose lead was lost while it was handled ends here with no outcome and no apology: it stays
	 * unfinished in the inbox, and the replica that leads now replays it and answers it.
	 */
	private Mono<Finished> leftToTheSuccessor(UpdateContext context) {
		return Mono.deferContextual(ids -> {
			LogContext.in(ids, () -> log.info("Update {} left unfinished for the new leader: this replica lost the lead",
					context.updateId()));
			return Mono.empty();
		});
	}

	/** The handler's name for the action metric; a handler that throws here costs the metric, not the update. */
	private static String actionOf(Handler handler, UpdateContext context) {
		try {
			return handler.action(context);
		}
		catch (RuntimeException ex) {
			return "unknown";
		}
	}

	private Mono<Finished> failed(UpdateContext context, Throwable error) {
		String detail = error instanceof TimeoutException ? "timed out after " + timeout.toSeconds() + " s"
				: error.toString();
		Mono<Void> logged = Mono.deferContextual(ids -> {
			LogContext.in(ids, () -> log.error("Update {} ({}) failed: {}", context.updateId(), context.kind(), detail,
					error instanceof TimeoutException ? null : error));
			return Mono.empty();
		});
		Mono<?> apology = Mono.defer(() -> {
			if (context.isInlineQuery()) { // never a message to the user's private chat for what they typed elsewhere
				return context.answerInlineEmpty(notices.tryAgain(notices.localeOf(context)));
			}
			String text = notices.failed(notices.localeOf(context));
			return context.isCallback() ? context.answerCallback(text, true) : context.reply(Html.escape(text));
		});
		return logged.then(apology.onErrorResume(ignored -> Mono.empty())).thenReturn(new Finished(Outcome.FAILED, detail));
	}

	/** Writes the outcome; once it is durable InFlight has the journal release the update's records. */
	private Mono<Finished> record(UpdateContext context, Finished finished) {
		return Mono.defer(() -> {
			metrics.finished(finished.outcome(), context.kind());
			return inFlight.finish(context.updateId(), finished.outcome(), finished.detail());
		})
			.onErrorResume(error -> Mono.deferContextual(ids -> {
				LogContext.in(ids, () -> log.warn("Outcome of update {} not recorded ({}); kept and written again later"
						+ " (a restart before then handles it again)", context.updateId(), error.toString()));
				return Mono.empty();
			}))
			.thenReturn(finished);
	}
}
