package io.analytips.replica;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.analytips.common.OncePerPeriod;
import io.analytips.common.Periodic;
import io.analytips.replica.internal.ReplicaBeat;
import io.analytips.replica.internal.ReplicaRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * This process as one replica among those sharing the database: it writes its heartbeat row in
 * {@code replicas} every {@code analytips.replica.heartbeat} (1 s) while the application runs, deletes
 * it on a clean shutdown, and lists the live replicas. A replica is <em>live</em> while its row was
 * written within {@value #LIVE_HEARTBEATS} heartbeats, by the database's clock (the one all replicas
 * share); the heartbeat of any replica deletes the rows of replicas silent for {@link #FORGET_AFTER}.
 * <p>
 * A failing heartbeat (the database down or slow) is logged at most once a minute and never stops the
 * bot: the next one tries again. The leadership code says whether this replica polls Telegram with
 * {@link #leadsPolling(boolean)}; the next heartbeat writes it.
 * <p>
 * Starts right after the schema migrations, before the web server and the pipeline, so its row exists
 * before it receives anything; it stops after them, so the row goes once nothing is handled any more.
 */
public final class Replicas implements SmartLifecycle {

	/**
	 * After the start-up checks and migrations ({@code StartupSequence}, {@code Integer.MIN_VALUE + 1000}) and after
	 * Reactor Netty's shared resources ({@code ReactorResourceFactory}, phase 0), before the web server
	 * ({@code DEFAULT_PHASE - 2048}) and the pipeline. So it stops before those resources do: their event loops carry
	 * the database's connections, and the row could not be removed once they were gone (at {@code MIN_VALUE + 2000}
	 * every clean stop logged that the heartbeat and the removal had failed, and the row stayed for 3 s).
	 */
	public static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1024;

	/** Heartbeats a row may miss before its replica counts as gone. */
	public static final int LIVE_HEARTBEATS = 3;

	/** How long a silent replica's row is kept (shown nowhere: it is not live) before a heartbeat deletes it. */
	static final Duration FORGET_AFTER = Duration.ofHours(1);

	/** At most one warning per kind of heartbeat trouble per this period: a database down for hours logs 1 line a minute. */
	static final Duration WARN_EVERY = Duration.ofMinutes(1);

	/** How long a clean shutdown waits for its row's deletion before it carries on without. */
	static final Duration REMOVE_WITHIN = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(Replicas.class);

	private final ReplicaRepository repository;

	private final String id;

	private final String version;

	private final Duration heartbeat;

	private final Clock clock;

	private final Scheduler scheduler;

	private final UUID incarnation = UUID.randomUUID();

	private final Instant startedAt;

	private final AtomicBoolean leadsPolling = new AtomicBoolean();

	/** Whether this replica leads, read at each heartbeat; null when told by {@link #leadsPolling(boolean)}. */
	private final Leadership leadership;

	private final OncePerPeriod<String> warnings;

	private volatile Periodic beating;

	/** Ends when the latest heartbeat has, so that the shutdown's delete comes after it. */
	private volatile Mono<Void> latestBeat = Mono.empty();

	private volatile Instant lastHeartbeat;

	private volatile String problem;

	/**
	 * @param id this replica's id ({@code analytips.replica.id})
	 * @param version the build it runs, written in its row; null when unknown
	 * @param heartbeat how often the row is written
	 * @param clock the process's start time and the time of the last heartbeat, as this process sees them
	 * @param scheduler where the heartbeats are timed
	 */
	public Replicas(ReplicaRepository repository, String id, String version, Duration heartbeat, Clock clock,
			Scheduler scheduler) {
		this(repository, id, version, heartbeat, clock, scheduler, null);
	}

	/**
	 * As above, with each heartbeat writing whether this replica leads as {@code leadership} says (instead of
	 * {@link #leadsPolling(boolean)}).
	 */
	public Replicas(ReplicaRepository repository, String id, String version, Duration heartbeat, Clock clock,
			Scheduler scheduler, Leadership leadership) {
		this.leadership = leadership;
		this.repository = Objects.requireNonNull(repository, "repository");
		this.id = Objects.requireNonNull(id, "id");
		this.version = version;
		this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
		this.clock = clock;
		this.scheduler = scheduler;
		this.startedAt = clock.instant();
		this.warnings = new OncePerPeriod<>(WARN_EVERY, clock);
	}

	/** This replica's id. */
	public String id() {
		return id;
	}

	/** The build this replica runs; null when unknown. */
	public String version() {
		return version;
	}

	/** When this process started. */
	public Instant startedAt() {
		return startedAt;
	}

	/** Whether this replica polls Telegram, as last told by {@link #leadsPolling(boolean)}. */
	public boolean leadsPolling() {
		return leadsPolling.get();
	}

	/**
	 * Tells whether this replica polls Telegram now (the leadership code calls it when it gains or loses
	 * the lead). Never blocks: the next heartbeat, within {@code analytips.replica.heartbeat}, writes it to
	 * this replica's row, where {@link #live()} on every replica sees it.
	 */
	public void leadsPolling(boolean leads) {
		leadsPolling.set(leads);
	}

	/**
	 * How this replica's heartbeat goes: its last successful write, by this process's clock (null before the
	 * first), and what is wrong with it now (null when its last heartbeat wrote the row).
	 */
	public HeartbeatStatus heartbeatStatus() {
		return new HeartbeatStatus(lastHeartbeat, problem);
	}

	/** How the heartbeat goes: the last successful one (null if none yet) and the present trouble (null if none). */
	public record HeartbeatStatus(Instant lastHeartbeat, String problem) {
	}

	/**
	 * The live replicas, this one included once its first heartbeat is written: those whose row was written
	 * within {@value #LIVE_HEARTBEATS} heartbeats by the database's clock, the longest running first. Errors
	 * when the database cannot be read (a {@code QueryTimeoutException} after
	 * {@code analytips.database.call-timeout}).
	 */
	public Mono<List<Replica>> live() {
		return repository.seenWithin(liveFor());
	}

	/** How long a row stays live after its heartbeat. */
	Duration liveFor() {
		return heartbeat.multipliedBy(LIVE_HEARTBEATS);
	}

	/**
	 * One heartbeat: writes this replica's row (and deletes the rows silent for {@link #FORGET_AFTER}).
	 * Never errors: a failure is logged (once a minute at most) and reported by {@link #heartbeatStatus()}.
	 * The write runs to its end even if the schedule is stopped meanwhile, so the shutdown's delete comes
	 * after it rather than racing it.
	 */
	Mono<Void> beat() {
		Sinks.Empty<Void> done = Sinks.empty();
		latestBeat = done.asMono();
		if (leadership != null) {
			leadsPolling.set(leadership.leads());
		}
		Mono.defer(() -> repository.beat(new ReplicaBeat(id, incarnation, startedAt, version, leadsPolling.get()),
				liveFor(), FORGET_AFTER))
			.doOnNext(written -> {
				if (written) {
					if (problem != null) {
						log.info("Replica {} writes its heartbeat again", id);
					}
					lastHeartbeat = clock.instant();
					problem = null;
				}
				else {
					problem = "another live process uses replica id " + id;
					if (warnings.tryAcquire("taken")) {
						log.error("Another live process writes the heartbeat of replica id {}: give each replica its own "
								+ "REPLICA_ID; this one keeps trying", id);
					}
				}
			})
			.then()
			.onErrorResume(error -> {
				problem = "heartbeat failed: " + error.getMessage();
				if (warnings.tryAcquire("failed")) {
					log.warn("Replica {} could not write its heartbeat (the next one tries again; this is logged once "
							+ "a minute): {}", id, error.toString());
				}
				return Mono.empty();
			})
			.doFinally(signal -> done.tryEmitEmpty())
			.subscribe();
		return done.asMono();
	}

	@Override
	public void start() {
		Periodic periodic = new Periodic(Duration.ZERO, heartbeat, scheduler, this::beat);
		periodic.start();
		beating = periodic;
		log.info("Replica {} started (version {}), heartbeat every {}", id, version == null ? "unknown" : version, heartbeat);
	}

	/** Stops the heartbeats, then deletes this replica's row (within {@link #REMOVE_WITHIN}) before it says it has stopped. */
	@Override
	public void stop(Runnable callback) {
		Periodic periodic = beating;
		beating = null;
		if (periodic == null) {
			callback.run();
			return;
		}
		periodic.stop();
		latestBeat.then(Mono.defer(() -> repository.remove(id, incarnation)))
			.timeout(REMOVE_WITHIN, scheduler)
			.doOnNext(removed -> log.info("Replica {} stopped and removed from the replicas table", id))
			.doOnError(error -> log.warn("Replica {} could not remove its heartbeat row (it stops counting as live within "
					+ "{}): {}", id, liveFor(), error.toString()))
			.doFinally(signal -> callback.run())
			.subscribe(removed -> {
			}, error -> {
			});
	}

	@Override
	public void stop() {
		stop(() -> {
		});
	}

	@Override
	public boolean isRunning() {
		return beating != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}
}
