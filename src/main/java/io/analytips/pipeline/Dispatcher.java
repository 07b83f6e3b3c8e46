package io.analytips.pipeline;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.analytips.common.SendRecord;
import io.analytips.common.SerialLanes;
import io.analytips.common.UpstreamCalls;
import io.analytips.telegram.Html;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs handlers: updates of one chat in order, different chats concurrently, at most
 * {@code concurrency} updates at a time (an update waiting for its chat's previous one counts,
 * so what the dispatcher holds stays bounded). Each update runs inside an error boundary with a
 * timeout: a failure sends the user a short error reply, is logged with the update id, and ends
 * the update {@code failed}; it never ends the stream. Every callback query is answered. Each
 * update runs with an {@link UpstreamCalls} counter in its context and ends with its access line
 * ({@link AccessLog}). Emits the outcome of each update once it is recorded in the inbox.
 */
final class Dispatcher implements Function<Flux<UpdateContext>, Flux<Finished>> {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final Handlers handlers;

	private final Inbox inbox;

	private final Notices notices;

	private final Duration timeout;

	private final int concurrency;

	private final PipelineMetrics metrics;

	private final AccessLog access;

	private final SendWindow sends;

	private final SerialLanes<Long> lanes = new SerialLanes<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	Dispatcher(Handlers handlers, Inbox inbox, Notices notices, Duration timeout, int concurrency,
			PipelineMetrics metrics, AccessLog access, SendWindow sends) {
		this.handlers = handlers;
		this.inbox = inbox;
		this.notices = notices;
		this.timeout = timeout;
		this.concurrency = concurrency;
		this.metrics = metrics;
		this.access = access;
		this.sends = sends;
	}

	@Override
	public Flux<Finished> apply(Flux<UpdateContext> updates) {
		return updates.flatMap(context -> {
			inFlight.incrementAndGet();
			return lanes.serialize(context.chatId(), handle(context)).doFinally(signal -> inFlight.decrementAndGet());
		}, concurrency, 1);
	}

	int inFlight() {
		return inFlight.get();
	}

	private Mono<Finished> handle(UpdateContext context) {
		return Mono.defer(() -> {
			long started = System.nanoTime();
			UpstreamCalls upstream = new UpstreamCalls();
			SendWindow.Sends recorded = sends.forUpdate(context.updateId());
			Handler handler = handlers.select(context);
			Mono<Finished> run = handler == null
					? Mono.just(new Finished(Outcome.INVALID, "no handler for " + context.kind()))
					: Mono.defer(() -> handler.handle(context)).timeout(timeout).thenReturn(Finished.of(Outcome.DONE))
						.doOnSuccess(done -> {
							metrics.replied(Duration.ofNanos(System.nanoTime() - context.admittedAt()));
							metrics.action(handler.action(context));
						});
			return run.onErrorResume(error -> failed(context, error))
				.flatMap(finished -> context.ensureCallbackAnswered().thenReturn(finished))
				.doOnNext(finished -> access.finished(context, handler, finished.outcome(), upstream.count()))
				.flatMap(finished -> record(context, finished, recorded))
				.doOnNext(finished -> metrics.handled(Duration.ofNanos(System.nanoTime() - started)))
				.contextWrite(UpdateLogContext.of(context, handler))
				.contextWrite(upstream::addTo)
				.contextWrite(reactorContext -> reactorContext.put(SendRecord.KEY, recorded));
		});
	}

	private Mono<Finished> failed(UpdateContext context, Throwable error) {
		String detail = error instanceof TimeoutException ? "timed out after " + timeout.toSeconds() + " s"
				: error.toString();
		log.error("Update {} ({}) failed: {}", context.updateId(), context.kind(), detail,
				error instanceof TimeoutException ? null : error);
		String text = notices.failed(context.locale());
		Mono<?> apology = context.isCallback() ? context.answerCallback(text, true) : context.reply(Html.escape(text));
		return apology.onErrorResume(ignored -> Mono.empty()).thenReturn(new Finished(Outcome.FAILED, detail));
	}

	private Mono<Finished> record(UpdateContext context, Finished finished, SendWindow.Sends recorded) {
		metrics.finished(finished.outcome(), context.kind());
		return inbox.finish(context.updateId(), finished.outcome(), finished.detail())
			// Once the outcome is in, the journal's records of this update's sends are not needed.
			.doOnSuccess(written -> sends.finished(recorded))
			.onErrorResume(error -> {
				log.warn("Outcome of update {} not recorded ({}); it will be handled again at the next start",
						context.updateId(), error.toString());
				return Mono.empty();
			})
			.thenReturn(finished);
	}
}
