package io.analytips.pipeline;

import java.time.Duration;

import io.analytips.common.Lease;
import io.analytips.common.Leadership;
import io.analytips.common.Periodic;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.UpdateSource;
import io.micrometer.core.instrument.Gauge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
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

	/** The most a drain that hit its deadline waits for messages already on the wire. */
	static final Duration WIRE_GRACE = Duration.ofSeconds(1);

	private final UpdateSource source;

	private final Inbox inbox;

	private final InFlight inFlight;

	private final ParkedUpdates parked;

	private final SendWindow sends;

	private final SendJournal journal;

	private final PipelineMetrics metrics;

	private final Intake intake;

	private final Dispatcher dispatcher;

	/** Closed with the pipeline; null when the tracker is shared by several bots' pipelines (their host closes it). */
	private final UserTracker users;

	private final OutboundScheduler outbound;

	private final Background background;

	private final PipelineProperties properties;

	private final UpdateBuffer buffer;

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
		this.sends = sends;
		this.journal = journal;
		this.metrics = metrics;
		this.inbox = inbox;
		this.inFlight = inFlight;
		this.parked = parked;
		this.intake = intake;
		this.dispatcher = dispatcher;
		this.users = users;
		this.outbound = outbound;
		this.background = background;
		this.properties = properties;
		Gauge.builder("analytips.queue.size", buffer, UpdateBuffer::queued)
			.description("Updates waiting in the bounded buffer")
			.register(metrics.registry());
		Gauge.builder("analytips.queue.capacity", properties, PipelineProperties::queueCapacity)
			.register(metrics.registry());
		Gauge.builder("analytips.queue.utilisation", this, pipeline -> pipeline.stats().utilisationPercent())
			.baseUnit("percent")
			.register(metrics.registry());
		Gauge.builder("analytips.dispatcher.in_flight", dispatcher, Dispatcher::inFlight)
			.register(metrics.registry());
		Gauge.builder("analytips.updates.unrecorded", inFlight, InFlight::unrecorded)
			.description("Outcomes whose write failed, kept to be written again")
			.register(metrics.registry());
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
		Flux<ReceivedUpdate> found = parked.updates();
		// with replicas storing webhook requests, paged by what is held rather than by id (see HandedOverUpdates)
		Flux<ReceivedUpdate> unfinished = source instanceof HandedOverUpdates handedOver ? handedOver.unfinished()
				: inbox.unfinished();
		// what a predecessor marked as answered is read before its rows, so none of them is answered again
		Flux<UpdateContext> replay = inbox.firstSentUnfinished()
			.flatMapMany(markedSent -> {
				Replay recovered = new Replay(journal, inFlight, background, metrics, markedSent);
				return unfinished.filter(this::entered)
					.filter(received -> toHandleAgain(recovered, received))
					.doOnComplete(recovered::examinedAll);
			})
			.takeUntilOther(stop)
			.onErrorResume(error -> {
				log.error("Could not read unfinished updates; they are found parked later: {}", error.toString());
				return Flux.empty();
			})
			.mapNotNull(intake::replayed)
			.doOnComplete(parked::look); // from now on an unfinished row nobody holds is parked
		Flux<UpdateContext> live = source.updates(stop)
			.onErrorResume(error -> Flux.empty()) // fatal: the source reports it in its status
			.filter(this::entered)
			.transform(intake)
			.as(admitted -> buffer.buffer(admitted, found.takeUntilOther(stop).mapNotNull(intake::resumed),
					source.pullsOnDemand()));
		// every message of this run's updates goes only under this term's lease (see Lease)
		Lease term = leadership.lease();
		current.subscriptions().add(Flux.concat(replay, live)
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

	/**
	 * Takes a stored update into this process ({@link InFlight}). An unreadable one was stored
	 * finished and is only reported by intake; one already held is not dispatched twice.
	 */
	private boolean entered(ReceivedUpdate received) {
		if (!received.isValid() || inFlight.enter(received.updateId())) {
			return true;
		}
		log.warn("Update {} is already being handled; not dispatched again", received.updateId());
		return false;
	}

	/**
	 * Whether a replayed update is handled again; if deciding throws, the update is let go first, so that it is found
	 * parked later instead of held here for good.
	 */
	private boolean toHandleAgain(Replay recovered, ReceivedUpdate received) {
		try {
			return recovered.toHandleAgain(received);
		}
		catch (RuntimeException ex) {
			inFlight.release(received.updateId());
			throw ex;
		}
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
		Disposable.Composite subscriptions = current.subscriptions();
		Mono<Void> deadline = Mono.firstWithSignal(Mono.delay(properties.shutdownDrainTimeout()).then(),
				current.abort().asMono())
			.then(Mono.fromRunnable(outbound::hold))
			.then(wireCleared())
			.then(Mono.fromRunnable(() -> {
				// Their journal records stay on disk with them: the next start reads them and deletes them after its replay.
				log.warn("Drain ended early with {} buffered and {} in-flight updates; they stay in the inbox for the next start",
						buffer.queued(), dispatcher.inFlight());
				subscriptions.dispose();
				background.stop();
			}));
		current.drained().asMono()
			.then(background.idle())
			.or(deadline)
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
				callback.run();
			})
			.subscribe();
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
