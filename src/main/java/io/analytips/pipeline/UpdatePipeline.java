package io.analytips.pipeline;

import io.analytips.common.Periodic;
import io.analytips.pipeline.dispatch.Dispatcher;
import io.analytips.pipeline.intake.Intake;
import io.analytips.pipeline.intake.UpdateBuffer;
import io.analytips.pipeline.journal.SendJournal;
import io.analytips.pipeline.journal.SendWindow;
import io.analytips.pipeline.recovery.InFlight;
import io.analytips.pipeline.recovery.ParkedUpdates;
import io.analytips.replica.Leadership;
import io.analytips.replica.Lease;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.UpdateSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;

/**
 * The update pipeline, built once and subscribed once:
 *
 * <pre>
 * inbox.unfinished() (replayed first)
 *   then source.updates() → intake (users, rate limit)
 *        merged with parked updates (found every parkedAfter / 4 by a Periodic)
 *        → the bounded buffer (polling: asks only for its free room; a webhook: rejects beyond it; both shed
 *          what waited there longer than maxWait) ({@link UpdateBuffer})
 * → dispatcher (per-chat order and backlog, bounded concurrency, error boundary) → inbox.finish
 * </pre>
 * (the stream up to the dispatcher is {@link UpdateStream}'s, what a stop does after intake closes {@link Drain}'s)
 *
 * Every update this process takes is {@link InFlight} from the moment the inbox hands it over
 * until its outcome is durable, so a parked one (unfinished, held by nobody) is recognisable
 * and handled exactly once ({@link ParkedUpdates}).
 *
 * Stopping (SIGTERM) closes intake at once, drains the buffer and the updates in flight until
 * {@code shutdownDrainTimeout} (or {@link #abortDrain()}), leaves whatever is unfinished in the
 * inbox for the next start, confirms the offset to Telegram and flushes the inbox writes.
 */
public class UpdatePipeline implements SmartLifecycle {

	/** Starts after everything else, stops first (before the web server stops). */
	public static final int PHASE = Integer.MAX_VALUE - 100;

	private static final Logger log = LoggerFactory.getLogger(UpdatePipeline.class);

	private final UpdateSource source;

	private final Inbox inbox;

	private final InFlight inFlight;

	private final ParkedUpdates parked;

	private final SendJournal journal;

	private final Dispatcher dispatcher;

	private final Background background;

	private final PipelineProperties properties;

	private final UpdateBuffer buffer;

	/** What each run dispatches: the replay, then the live updates. */
	private final UpdateStream stream;

	/** What a stop does once intake is closed. */
	private final Drain drain;

	/** The current run's subscriptions and signals: one per lead, replaced as a whole. */
	private volatile Run run = new Run();

	/**
	 * One run of the pipeline: what it subscribed (disposed together), its parked-update rounds, and the signals of
	 * its stop: intake to close, the drain to end early (a second SIGTERM), the stream having drained.
	 */
	private record Run(Disposable.Composite subscriptions, Periodic lookingForParked, Sinks.Empty<Void> stopIntake,
			Sinks.Empty<Void> abort, Sinks.Empty<Void> drained) {

		Run() {
			this(Disposables.composite(), null, Sinks.empty(), Sinks.empty(), Sinks.empty());
		}

		Run lookingForParked(Periodic periodic) {
			return new Run(subscriptions, periodic, stopIntake, abort, drained);
		}
	}

	private volatile boolean started;

	private final Leadership leadership;

	/** Standing by for the lead (replicas): the start waits for it. */
	private volatile Disposable standingBy;

	/** Watches the lead while leading: its loss drops this replica's work. */
	private volatile Disposable watchingLead;

	UpdatePipeline(UpdateSource source, Inbox inbox, InFlight inFlight, ParkedUpdates parked, Intake intake,
			Dispatcher dispatcher, UserTracker users, OutboundScheduler outbound, Background background,
			PipelineProperties properties, PipelineMetrics metrics, SendWindow sends, SendJournal journal,
			Leadership leadership, UpdateBuffer buffer) {
		this.leadership = leadership;
		this.buffer = buffer;
		this.source = source;
		this.journal = journal;
		this.inbox = inbox;
		this.inFlight = inFlight;
		this.parked = parked;
		this.dispatcher = dispatcher;
		this.background = background;
		this.properties = properties;
		this.drain = new Drain(source, inbox, users, journal, sends, outbound, background, leadership, buffer, dispatcher,
				properties.shutdownDrainTimeout());
		this.stream = new UpdateStream(source, inbox, inFlight, parked, intake, journal, background, metrics, buffer);
		PipelineGauges.register(metrics.registry(), buffer, properties, this, dispatcher, inFlight);
	}

	/**
	 * Starts: at once when this process is alone ({@link Leadership#SOLE}); with replicas, once this one leads
	 * (until then it stands by, and a stop only ends the wait). A lost lead drops this replica's work as a crash
	 * would ({@link #kill()}) and stands by again: the new leader replays what was unfinished.
	 */
	@Override
	public synchronized void start() {
		if (started || standingBy != null) {
			return;
		}
		if (!leadership.shared()) {
			lead();
			return;
		}
		log.info("Standing by: another replica may lead; this one takes over when it can");
		// the lead may be this process's already (several bots share it): elected() then runs within subscribe and
		// clears standingBy, which must not be set afterwards to a wait that is over
		Disposable.Swap waiting = Disposables.swap();
		standingBy = waiting;
		waiting.update(leadership.acquire().subscribe(null, null, this::elected));
	}

	private synchronized void elected() {
		standingBy = null;
		lead();
		watchingLead = leadership.lost().subscribe(null, null, this::leadLost);
	}

	private synchronized void leadLost() {
		if (!started) {
			return;
		}
		log.error("Dropping {} buffered and {} in-flight updates: the lead is lost and its successor replays them",
				buffer.queued(), dispatcher.inFlight());
		kill();
		start();
	}

	private void lead() {
		Run current = new Run();
		// a lead lost and taken again: what was being handled was dropped and is replayed; kept outcomes stay
		inFlight.forgetHandling();
		Mono<Void> stop = current.stopIntake().asMono();
		// every message of this run's updates goes only under this term's lease (see Lease)
		Lease term = leadership.lease();
		current.subscriptions().add(stream.updates(stop)
			.transform(dispatcher)
			.contextWrite(context -> context.put(Lease.KEY, term))
			.subscribe(null, error -> log.error("Pipeline ended by an error (a bug: no error should reach here)", error),
					() -> current.drained().tryEmitEmpty()));
		Periodic lookingForParked = new Periodic(parked.period(), parked.period(), Schedulers.parallel(), parked::round);
		run = current.lookingForParked(lookingForParked);
		lookingForParked.start();
		started = true;
		log.info("Update pipeline started (buffer {}, concurrency {}, rate limit {} per {})",
				properties.queueCapacity(), properties.concurrency(), properties.rateLimit(), properties.rateWindow());
	}

	/** Stops without a deadline callback; blocks nobody. Prefer {@link #stop(Runnable)}. */
	@Override
	public void stop() {
		stop(() -> {
		});
	}

	/**
	 * Closes intake, drains until the deadline, confirms the offset, flushes the inbox; then runs
	 * {@code callback}. Never throws; failures are logged and leave updates in the inbox.
	 */
	@Override
	public synchronized void stop(Runnable callback) {
		Disposable waiting = standingBy;
		if (waiting != null) {
			waiting.dispose();
			standingBy = null;
			leadership.release().subscribe(null, null, callback::run);
			return;
		}
		if (!started) {
			callback.run();
			return;
		}
		started = false;
		stopWatchingLead();
		stopLookingForParked();
		log.info("Stopping intake; draining {} buffered and {} in-flight updates (deadline {})", buffer.queued(),
				dispatcher.inFlight(), properties.shutdownDrainTimeout());
		Run current = run;
		current.stopIntake().tryEmitEmpty();
		drain.of(current.subscriptions(), current.drained().asMono(), current.abort().asMono())
			.doFinally(signal -> callback.run())
			.subscribe();
	}

	/** Ends the drain now (a second SIGTERM): what is unfinished stays in the inbox. */
	public void abortDrain() {
		run.abort().tryEmitEmpty();
	}

	/**
	 * Disposes everything at once, as a crash would (for tests, and when the lead is lost): nothing is drained or
	 * confirmed. The send journal keeps what this run sent for the dropped updates, so a lead regained in this
	 * process replays them without answering again what was answered ({@link SendJournal#abandon}).
	 */
	public synchronized void kill() {
		started = false;
		stopWatchingLead();
		stopLookingForParked();
		run.subscriptions().dispose();
		background.stop();
		journal.abandon();
	}

	private void stopWatchingLead() {
		Disposable watching = watchingLead;
		if (watching != null) {
			watching.dispose();
		}
		watchingLead = null;
	}

	private void stopLookingForParked() {
		parked.stop();
		Periodic periodic = run.lookingForParked();
		if (periodic != null) {
			periodic.stop();
		}
	}

	/** Whether this replica leads and its pipeline runs (false while it stands by). */
	public boolean leading() {
		return started;
	}

	/** Running while leading, and while standing by for the lead (so that a stop ends the wait). */
	@Override
	public boolean isRunning() {
		return started || standingBy != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** The bounded buffer right now. */
	public QueueStats stats() {
		return buffer.stats(dispatcher.inFlight());
	}

	/** Updates of one chat the dispatcher holds (running or waiting for their turn). */
	int heldBy(long chatId) {
		return dispatcher.held(chatId);
	}

	/** Updates this process holds (being handled, or with an outcome to write again). */
	int held() {
		return inFlight.size();
	}

	/** The update source, for health. */
	public UpdateSource source() {
		return source;
	}

	/** Whether the inbox's last write failed. */
	public boolean inboxFailing() {
		return inbox.isFailing();
	}
}
