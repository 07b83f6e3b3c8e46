package io.analytips.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * An append-only file of how far each update's messages got: {@code SENDING} before one goes,
 * {@code SENT} once Telegram acknowledged it, {@code ENDED} with the outcome once its handling is
 * over (format: {@link JournalRecord}, 16 bytes with a CRC32C). Appending is one positional
 * {@code write(2)} on a thread of its own: microseconds, so the stretch in which a crash can lose
 * the news that a message arrived shrinks to almost nothing. What a {@code write} put in the
 * operating system's cache survives the process being killed; the current segment is also forced
 * to disk every {@link #FORCE_EVERY} when anything was written since the last force (a periodic
 * check on the journal's thread, so a burst's tail is forced without waiting for a next write),
 * which bounds what a crash of the machine can lose; a new segment's directory entry is forced too.
 * <p>
 * <b>Released on every ending.</b> An update's records are kept until it is {@link #release released}:
 * when its outcome is durable in the inbox (written, or written again by {@link InFlight#rewrite}).
 * An update dropped by a lost lead ({@link #abandon}) keeps its records and this run's knowledge of them,
 * so that the next lead's replay in this process finishes it without answering it again; that replay's
 * end ({@link #forgetRecovered}) releases whatever it did not take up again (another replica finished it).
 * A drain that hits its deadline leaves its unfinished updates' segments on disk: the next start reads
 * them and deletes them once its replay acted on them.
 * <p>
 * <b>Bounded.</b> The journal holds the current segment, the segments the start found (until its
 * replay is over) and every segment with a record of an unreleased update (being handled: at most the
 * dispatcher's concurrency; an outcome to write again: at most {@link InFlight#MAX_UNRECORDED}; dropped
 * by a lost lead: until the next replay); a segment is at most {@link #SEGMENT_RECORDS} × 16 bytes = 1 MiB,
 * thousands of updates. {@code SendJournalBoundTest} drives 100 000 updates (with outcome writes failing
 * and written again, lost leads, drains) through segments of 1 024 records and asserts at most 8 files.
 * <p>
 * A corrupt or torn record is skipped and counted ({@link #skipped}, logged at start); segments
 * of format 1 (8-byte records, {@code .journal}) from an earlier version are read in their format.
 * The journal belongs to one working directory: a process started elsewhere, or another replica,
 * does not see it and answers at least once.
 */
final class SendJournal {

	private static final Logger log = LoggerFactory.getLogger(SendJournal.class);

	/** How often the current segment is forced to disk, when anything was written since. */
	static final long FORCE_EVERY = TimeUnit.MILLISECONDS.toNanos(200);

	/** Records per segment before the next one starts. */
	static final int SEGMENT_RECORDS = 65_536;

	private final Path directory;

	/**
	 * The journal's one thread. A Reactor scheduler rather than a plain executor: handing it work
	 * from an event loop must not block, and Reactor's own queue is known not to (BlockHound).
	 */
	private final Scheduler writing;

	/** What the segments found at start say, by update id; read once, at start. */
	private final Map<Long, SendHistory> recovered;

	private final List<Path> recoveredSegments;

	/** Records the start skipped: corrupt, or torn at a segment's end. */
	final int skipped;

	/** This run's updates with records and without a durable outcome; entries change on the journal's thread. */
	private final Map<Long, UnreleasedUpdate> unreleased = new ConcurrentHashMap<>();

	private final int segmentRecords;

	/** Times the current segment was forced by the periodic check. */
	final AtomicInteger forces = new AtomicInteger();

	/** Times a new segment's directory entry was forced to disk. */
	final AtomicInteger directoryForces = new AtomicInteger();

	/** The periodic force, started by the first write (a journal nobody writes to keeps no timer); journal's thread. */
	private Disposable forcing = Disposables.disposed();

	private JournalSegment current;

	private SendJournal(Path directory, JournalReader found, int segmentRecords, Scheduler writing) {
		this.directory = directory;
		this.segmentRecords = segmentRecords;
		this.recovered = new ConcurrentHashMap<>(found.histories);
		this.recoveredSegments = found.segments;
		this.skipped = found.skipped;
		this.writing = writing;
		this.current = JournalSegment.create(directory, found.next, directoryForces::incrementAndGet);
	}

	/**
	 * Opens the journal in {@code directory} (created if missing), reading what earlier runs left.
	 * Blocking file I/O: call it at start-up, on the main thread.
	 */
	static SendJournal open(Path directory) {
		return open(directory, SEGMENT_RECORDS, Schedulers.newSingle("send-journal", true));
	}

	/**
	 * As {@link #open(Path)}, starting a new segment every {@code segmentRecords} records, writing on
	 * {@code writing} (a test in virtual time writes on a {@code VirtualTimeScheduler}; on
	 * {@code Schedulers.immediate()}, which has no timer, nothing is forced periodically).
	 */
	static SendJournal open(Path directory, int segmentRecords, Scheduler writing) {
		try {
			Files.createDirectories(directory);
			return new SendJournal(directory, JournalReader.read(directory), segmentRecords, writing);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not open the send journal in " + directory, ex);
		}
	}

	private Disposable forcePeriodically(Scheduler scheduler) {
		try {
			return scheduler.schedulePeriodically(this::forceIfWritten, FORCE_EVERY, FORCE_EVERY, TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException noTimer) {
			log.debug("The send journal's scheduler has no timer; its segments are forced when they are closed");
			return Disposables.composite(); // not disposed: not tried again
		}
	}

	private void forceIfWritten() {
		try {
			if (current.force()) {
				forces.incrementAndGet();
			}
		}
		catch (IOException ex) {
			log.warn("Could not force the send journal to disk: {}", ex.toString());
		}
	}

	/**
	 * What the journal knows of the update's messages: from an earlier run (until {@link #forgetRecovered})
	 * and from this run while the update is unreleased (it survives a lost and regained lead).
	 */
	SendHistory recovered(long updateId) {
		SendHistory earlier = recovered.getOrDefault(updateId, SendHistory.NONE);
		UnreleasedUpdate now = unreleased.get(updateId);
		return now == null ? earlier : earlier.plus(now.history);
	}

	/**
	 * Forgets what earlier runs left and releases the updates a lost lead dropped that the replay did not
	 * take up again: call once what it said has been acted on (the updates it reported answered are
	 * finished in the inbox). Emits nothing.
	 */
	Mono<Void> forgetRecovered() {
		return Mono.<Void>fromRunnable(() -> {
			recoveredSegments.forEach(JournalSegment::delete);
			recoveredSegments.clear();
			recovered.clear();
			unreleased.forEach((updateId, update) -> {
				if (update.abandoned) {
					releaseNow(updateId);
				}
			});
		}).subscribeOn(writing);
	}

	/**
	 * Appends a record of {@code updateId}'s messages ({@code value}: the message's sequence number, or
	 * the outcome's ordinal for {@code ENDED}); the update is unreleased from then on. Completes once
	 * written; errors if the file cannot be written (this run still remembers the record).
	 */
	Mono<Void> append(long updateId, JournalRecord.Kind kind, int value) {
		JournalRecord record = new JournalRecord(updateId, kind, value);
		return Mono.<Void>fromRunnable(() -> write(record)).subscribeOn(writing);
	}

	private void write(JournalRecord record) {
		UnreleasedUpdate update = unreleased.computeIfAbsent(record.updateId(), id -> new UnreleasedUpdate());
		update.history = update.history.with(record);
		update.abandoned = false;
		if (forcing.isDisposed()) {
			forcing = forcePeriodically(writing);
		}
		try {
			JournalSegment segment = current;
			if (segment.records >= segmentRecords) {
				segment = rotate();
			}
			segment.write(record);
			// Counted here, on the journal's thread, before a rotation could find the segment unneeded.
			if (update.segments.add(segment)) {
				segment.unfinished++;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The update's outcome is durable: its records are no longer needed. Idempotent; returns at once. */
	void release(long updateId) {
		onTheJournalsThread(() -> releaseNow(updateId));
	}

	/**
	 * The lead is lost: every unreleased update was dropped. Their records and this run's knowledge of
	 * them stay until the next replay ({@link #forgetRecovered}) or their release.
	 */
	void abandon() {
		onTheJournalsThread(() -> unreleased.values().forEach(update -> update.abandoned = true));
	}

	private void releaseNow(long updateId) {
		UnreleasedUpdate update = unreleased.remove(updateId);
		if (update == null) {
			return;
		}
		for (JournalSegment segment : update.segments) {
			if (--segment.unfinished == 0 && segment.closed) {
				JournalSegment.delete(segment.path);
			}
		}
	}

	private void onTheJournalsThread(Runnable task) {
		try {
			writing.schedule(task);
		}
		catch (RejectedExecutionException closed) {
			task.run();
		}
	}

	private JournalSegment rotate() throws IOException {
		JournalSegment old = current;
		current = JournalSegment.create(directory, old.number + 1, directoryForces::incrementAndGet);
		retire(old);
		return current;
	}

	/** No more records go to {@code segment}: it is deleted now, or once its last unreleased update is released. */
	private static void retire(JournalSegment segment) throws IOException {
		segment.closed = true;
		segment.close();
		if (segment.unfinished == 0) {
			JournalSegment.delete(segment.path);
		}
	}

	/**
	 * Forces and closes the current segment (what it holds is read at the next start), then stops the
	 * journal's thread. Completes once done (or after 5 s); never errors.
	 */
	Mono<Void> close() {
		try {
			writing.schedule(() -> {
				forcing.dispose();
				try {
					retire(current);
				}
				catch (IOException ex) {
					log.warn("Could not close the send journal: {}", ex.toString());
				}
			});
		}
		catch (RejectedExecutionException alreadyClosed) {
			return Mono.empty();
		}
		return writing.disposeGracefully().timeout(Duration.ofSeconds(5)).onErrorResume(error -> Mono.empty());
	}

	/** Completes once everything queued before it is done. */
	Mono<Void> flushed() {
		return Mono.<Void>empty().subscribeOn(writing);
	}

	/** The segment files on disk (for tests and the operator's curiosity). */
	List<Path> files() {
		return JournalReader.files(directory);
	}

	/** This run's updates with records and no durable outcome yet. */
	int unreleased() {
		return unreleased.size();
	}
}
