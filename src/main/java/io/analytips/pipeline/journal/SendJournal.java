package io.analytips.pipeline.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * An append-only file of how far each update's messages got: {@code SENDING} before one goes,
 * {@code SENT} once Telegram acknowledged it, {@code ENDED} with the outcome once its handling is
 * over (format: {@link JournalRecord}, 16 bytes with a CRC32C). Appending is a positional {@code write(2)} on
 * the {@link JournalThread}, one for all the records waiting ({@link JournalAppends}): microseconds, so the stretch
 * in which a crash can lose the news that a message arrived shrinks to almost nothing. What a {@code write} put in
 * the operating system's cache survives the process being killed; the current segment is also forced to disk every
 * {@link JournalForcing#EVERY} when anything was written since (a periodic check on the journal's thread), which bounds
 * what a crash of the machine can lose; a new segment's directory entry is forced too.
 * <p>
 * <b>Released on every ending.</b> An update's records are kept until it is {@link #release released}:
 * when its outcome is durable in the inbox (written, or written again by {@code recovery.InFlight#rewrite}).
 * An update dropped by a lost lead ({@link #abandon}) keeps its records and this run's knowledge of them,
 * so that the next lead's replay in this process finishes it without answering it again; that replay's
 * end ({@link #forgetRecovered}) releases whatever it did not take up again (another replica finished it).
 * A drain that hits its deadline leaves its unfinished updates' segments on disk: the next start reads
 * them and deletes them once its replay acted on them.
 * <p>
 * <b>Bounded.</b> The journal holds the current segment, the segments the start found (until its
 * replay is over) and every segment with a record of an unreleased update (being handled: at most the
 * dispatcher's concurrency; an outcome to write again: at most {@code recovery.InFlight#MAX_UNRECORDED}; dropped
 * by a lost lead: until the next replay); a segment is at most {@link #SEGMENT_RECORDS} × 16 bytes = 1 MiB,
 * thousands of updates. {@code SendJournalBoundTest} drives 100 000 updates (with outcome writes failing
 * and written again, lost leads, drains) through segments of 1 024 records and asserts at most 8 files.
 * <p>
 * A corrupt or torn record is skipped and counted ({@link #skipped}, logged at start); segments
 * of format 1 (8-byte records, {@code .journal}) from an earlier version are read in their format.
 * The journal belongs to one working directory: a process started elsewhere, or another replica,
 * does not see it and answers at least once.
 */
public final class SendJournal {

	private static final Logger log = LoggerFactory.getLogger(SendJournal.class);

	/** Records per segment before the next one starts. */
	static final int SEGMENT_RECORDS = 65_536;

	private final Path directory;

	/** Where its file work is done (a test's scheduler, or the process's journal thread). */
	private final JournalThread thread;

	private final JournalAppends appends;

	/** One batch's records, gathered for one write; journal's thread. */
	private final ByteBuffer batch = ByteBuffer.allocate(JournalAppends.MAX_BATCH * JournalRecord.BYTES);

	/** Set by {@link #close}; journal's thread. */
	private boolean closed;

	/** What the segments found at start say, by update id; read once, at start. */
	private final Map<Long, SendHistory> recovered;

	private final List<Path> recoveredSegments;

	/** Records the start skipped: corrupt, or torn at a segment's end. */
	final int skipped;

	/** This run's updates with records and without a durable outcome; entries change on the journal's thread. */
	private final Map<Long, UnreleasedUpdate> unreleased = new ConcurrentHashMap<>();

	private final int segmentRecords;

	/** Times a new segment's directory entry was forced to disk. */
	final AtomicInteger directoryForces = new AtomicInteger();

	/** The periodic force of the current segment. */
	final JournalForcing forcing = new JournalForcing(() -> this.current);

	private JournalSegment current;

	private SendJournal(Path directory, JournalReader found, int segmentRecords, JournalThread thread) {
		this.directory = directory;
		this.segmentRecords = segmentRecords;
		this.recovered = new ConcurrentHashMap<>(found.histories);
		this.recoveredSegments = found.segments;
		this.skipped = found.skipped;
		this.thread = thread;
		this.appends = new JournalAppends(thread.scheduler, this::write);
		this.current = JournalSegment.create(directory, found.next, directoryForces::incrementAndGet);
	}

	/**
	 * Opens the journal in {@code directory} (created if missing), reading what earlier runs left.
	 * Blocking file I/O: call it at start-up, on the main thread.
	 */
	public static SendJournal open(Path directory) {
		return open(directory, SEGMENT_RECORDS, JournalThread.shared());
	}

	/**
	 * As {@link #open(Path)}, starting a new segment every {@code segmentRecords} records, writing on
	 * {@code writing}, its own, disposed of at {@link #close} (a test in virtual time writes on a
	 * {@code VirtualTimeScheduler}; on {@code Schedulers.immediate()}, which has no timer, nothing is forced
	 * periodically).
	 */
	static SendJournal open(Path directory, int segmentRecords, Scheduler writing) {
		return open(directory, segmentRecords, JournalThread.own(writing));
	}

	private static SendJournal open(Path directory, int segmentRecords, JournalThread thread) {
		try {
			Files.createDirectories(directory);
			return new SendJournal(directory, JournalReader.read(directory), segmentRecords, thread);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not open the send journal in " + directory, ex);
		}
	}

	/**
	 * What the journal knows of the update's messages: from an earlier run (until {@link #forgetRecovered})
	 * and from this run while the update is unreleased (it survives a lost and regained lead).
	 */
	public SendHistory recovered(long updateId) {
		SendHistory earlier = recovered.getOrDefault(updateId, SendHistory.NONE);
		UnreleasedUpdate now = unreleased.get(updateId);
		return now == null ? earlier : earlier.plus(now.history);
	}

	/**
	 * Forgets what earlier runs left and releases the updates a lost lead dropped that the replay did not
	 * take up again: call once what it said has been acted on (the updates it reported answered are
	 * finished in the inbox). Emits nothing.
	 */
	public Mono<Void> forgetRecovered() {
		return thread.awaited(() -> {
			recoveredSegments.forEach(JournalSegment::delete);
			recoveredSegments.clear();
			recovered.clear();
			unreleased.forEach((updateId, update) -> {
				if (update.abandoned) {
					releaseNow(updateId);
				}
			});
		});
	}

	/**
	 * Appends a record of {@code updateId}'s messages ({@code value}: the message's sequence number, or
	 * the outcome's ordinal for {@code ENDED}); the update is unreleased from then on. Completes once
	 * written; errors if the file cannot be written (this run still remembers the record).
	 */
	Mono<Void> append(long updateId, JournalRecord.Kind kind, int value) {
		return appends.append(new JournalRecord(updateId, kind, value));
	}

	/** Writes a batch of appends (journal's thread): this run remembers each record, even one that could not be written. */
	private void write(List<JournalAppends.Pending> appends) {
		if (closed) {
			// Its segment is closed and no new one may start: the next start reads what is on disk as it is.
			IllegalStateException error = new IllegalStateException("the send journal in " + directory + " is closed");
			appends.forEach(append -> append.fail(error));
			return;
		}
		for (JournalAppends.Pending append : appends) {
			JournalRecord record = append.record;
			UnreleasedUpdate update = unreleased.computeIfAbsent(record.updateId(), id -> new UnreleasedUpdate());
			update.history = update.history.with(record);
			update.abandoned = false;
			append.update = update;
		}
		forcing.start(thread.scheduler);
		int from = 0;
		while (from < appends.size()) {
			int to = from;
			try {
				JournalSegment segment = current.records >= segmentRecords ? rotate() : current;
				to = Math.min(appends.size(), from + segmentRecords - segment.records);
				segment.write(appends.subList(from, to), batch);
				for (int i = from; i < to; i++) {
					// Counted here, on the journal's thread, before a rotation could find the segment unneeded.
					if (appends.get(i).update.segments.add(segment)) {
						segment.unfinished++;
					}
					appends.get(i).written();
				}
			}
			catch (IOException | UncheckedIOException ex) {
				// A segment that cannot be opened fails the rest of the batch; one that cannot be written, this part.
				to = to == from ? appends.size() : to;
				UncheckedIOException error = ex instanceof UncheckedIOException unchecked ? unchecked
						: new UncheckedIOException((IOException) ex);
				for (int i = from; i < to; i++) {
					appends.get(i).fail(error);
				}
			}
			from = to;
		}
	}

	/** The update's outcome is durable: its records are no longer needed. Idempotent; returns at once. */
	public void release(long updateId) {
		thread.run(() -> releaseNow(updateId));
	}

	/**
	 * The lead is lost: every unreleased update was dropped. Their records and this run's knowledge of
	 * them stay until the next replay ({@link #forgetRecovered}) or their release.
	 */
	public void abandon() {
		thread.run(() -> unreleased.values().forEach(update -> update.abandoned = true));
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
	public Mono<Void> close() {
		Mono<Void> retired = thread.awaited(() -> {
			if (closed) {
				return;
			}
			closed = true;
			forcing.stop();
			try {
				retire(current);
			}
			catch (IOException ex) {
				log.warn("Could not close the send journal: {}", ex.toString());
			}
		});
		return retired.then(thread.stop())
			.timeout(Duration.ofSeconds(5))
			.onErrorResume(error -> Mono.empty());
	}

	/** Completes once everything queued before it is done. */
	Mono<Void> flushed() {
		return thread.awaited(() -> { });
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
