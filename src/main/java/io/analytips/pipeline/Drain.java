package io.analytips.pipeline;

import java.time.Duration;

import io.analytips.pipeline.dispatch.Dispatcher;
import io.analytips.pipeline.intake.UpdateBuffer;
import io.analytips.pipeline.journal.SendJournal;
import io.analytips.pipeline.journal.SendWindow;
import io.analytips.replica.Leadership;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.UpdateSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The rest of a stop once the {@link UpdatePipeline} has closed intake: the buffer and the updates in flight drain
 * until the deadline (or an abort), then the offset is confirmed to Telegram, the inbox, users and journal are
 * flushed and the lead is given up. What is unfinished at the deadline stays in the inbox for the next start.
 */
final class Drain {

	// the pipeline's logger: operators follow a stop by its lines, which were the pipeline's before this class
	private static final Logger log = LoggerFactory.getLogger(UpdatePipeline.class);

	/** The most a drain that hit its deadline waits for messages already on the wire. */
	static final Duration WIRE_GRACE = Duration.ofSeconds(1);

	private final UpdateSource source;

	private final Inbox inbox;

	private final UserTracker users;

	private final SendJournal journal;

	private final SendWindow sends;

	private final OutboundScheduler outbound;

	private final Background background;

	private final Leadership leadership;

	private final UpdateBuffer buffer;

	private final Dispatcher dispatcher;

	private final Duration deadline;

	/** @param users closed with the pipeline; null when several bots' pipelines share it (their host closes it) */
	Drain(UpdateSource source, Inbox inbox, UserTracker users, SendJournal journal, SendWindow sends,
			OutboundScheduler outbound, Background background, Leadership leadership, UpdateBuffer buffer,
			Dispatcher dispatcher, Duration deadline) {
		this.source = source;
		this.inbox = inbox;
		this.users = users;
		this.journal = journal;
		this.sends = sends;
		this.outbound = outbound;
		this.background = background;
		this.leadership = leadership;
		this.buffer = buffer;
		this.dispatcher = dispatcher;
		this.deadline = deadline;
	}

	/**
	 * The drain of a run whose intake is closed: completes once {@code drained} has (and the background work is
	 * idle), or at the deadline or {@code abort}, whichever comes first, and then everything is flushed. Never errors;
	 * disposes {@code subscriptions} at the end in any case.
	 */
	Mono<Void> of(Disposable.Composite subscriptions, Mono<Void> drained, Mono<Void> abort) {
		Mono<Void> endedEarly = Mono.firstWithSignal(Mono.delay(deadline).then(), abort)
			.then(Mono.fromRunnable(outbound::hold))
			.then(wireCleared())
			.then(Mono.fromRunnable(() -> {
				// Their journal records stay on disk with them: the next start reads them and deletes them after its replay.
				log.warn("Drain ended early with {} buffered and {} in-flight updates; they stay in the inbox for the next start",
						buffer.queued(), dispatcher.inFlight());
				subscriptions.dispose();
				background.stop();
			}));
		return drained.then(background.idle())
			.or(endedEarly)
			.then(source.confirmReceived())
			.then(Mono.when(inbox.close(), users == null ? Mono.empty() : users.close()))
			.then(journal.close())
			.onErrorResume(error -> {
				log.warn("Stop finished with an error: {}", error.toString());
				return Mono.empty();
			})
			.then(leadership.release())
			.doFinally(signal -> {
				subscriptions.dispose();
				background.stop();
				log.info("Update pipeline stopped; send window: {}", sends.summary());
			});
	}

	/**
	 * After {@link OutboundScheduler#hold()}: waits (up to {@link #WIRE_GRACE}) for the messages
	 * already sent to be answered, so their updates finish instead of being cancelled and answered
	 * again after the restart.
	 */
	private Mono<Void> wireCleared() {
		return outbound.wireCleared()
			.then(Mono.delay(Duration.ofMillis(20))) // lets the just-finished updates queue their outcome
			.then()
			.timeout(WIRE_GRACE, Mono.empty());
	}
}
