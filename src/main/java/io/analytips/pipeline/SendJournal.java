package io.analytips.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * An append-only file of how far updates' first messages got: {@code SENDING} before one goes,
 * {@code SENT} once Telegram acknowledged it. Appending is one {@code write(2)} of 8 bytes on a
 * thread of its own: microseconds, where a database commit under load took hundreds of
 * milliseconds, so the stretch in which a crash can lose the news that a message arrived shrinks to
 * almost nothing. What a {@code write} put in the operating system's cache survives the process
 * being killed; the file is also forced to disk every {@link #FORCE_EVERY}, which bounds what a
 * crash of the machine can lose.
 * <p>
 * Records live in segments; a segment is deleted once every update that wrote to it has its
 * outcome in the inbox (or, for the segments found at start, once their news was applied), so the
 * journal's size is bounded by the updates in flight. The journal belongs to one working directory:
 * a process started elsewhere, or another replica, does not see it and answers at least once.
 */
final class SendJournal {

	private static final Logger log = LoggerFactory.getLogger(SendJournal.class);

	/** How often the current segment is forced to disk. */
	static final long FORCE_EVERY = TimeUnit.MILLISECONDS.toNanos(200);

	/** Records per segment before the next one starts. */
	static final int SEGMENT_RECORDS = 65_536;

	private static final String PREFIX = "sends-";

	private static final String SUFFIX = ".journal";

	private final Path directory;

	/**
	 * The journal's one thread. A Reactor scheduler rather than a plain executor: handing it work
	 * from an event loop must not block, and Reactor's own queue is known not to (BlockHound).
	 */
	private final Scheduler writing;

	/** What the segments found at start say, by update id; read once, at start. */
	private final Map<Long, SendProgress> recovered;

	private final List<Path> recoveredSegments;

	private final int segmentRecords;

	private Segment current;

	private long lastForce = System.nanoTime();

	private SendJournal(Path directory, Map<Long, SendProgress> recovered, List<Path> recoveredSegments,
			long nextSegment, int segmentRecords, Scheduler writing) {
		this.directory = directory;
		this.segmentRecords = segmentRecords;
		this.recovered = recovered;
		this.recoveredSegments = recoveredSegments;
		this.writing = writing;
		this.current = Segment.open(directory, nextSegment);
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
	 * {@code writing} (a test in virtual time writes on its own thread: {@code Schedulers.immediate()}).
	 */
	static SendJournal open(Path directory, int segmentRecords, Scheduler writing) {
		try {
			Files.createDirectories(directory);
			List<Path> segments = segments(directory);
			Map<Long, SendProgress> recovered = new HashMap<>();
			long next = 1;
			for (Path segment : segments) {
				ByteBuffer records = ByteBuffer.wrap(Files.readAllBytes(segment));
				while (records.remaining() >= Long.BYTES) {
					long record = records.getLong();
					if (record > 0) {
						recovered.putIfAbsent(record, SendProgress.SENDING);
					}
					else if (record < 0) {
						recovered.put(-record, SendProgress.SENT);
					}
				}
				next = Math.max(next, number(segment) + 1);
			}
			if (!segments.isEmpty()) {
				log.info("Send journal: {} records of first messages in {} segments from the last run", recovered.size(),
						segments.size());
			}
			return new SendJournal(directory, recovered, segments, next, segmentRecords, writing);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not open the send journal in " + directory, ex);
		}
	}

	/** How far the update's first message got in an earlier run, as far as this journal knows. */
	SendProgress recovered(long updateId) {
		return recovered.getOrDefault(updateId, SendProgress.NOTHING_SENT);
	}

	/**
	 * Forgets what earlier runs left: call once what it said has been acted on (the updates it
	 * reported answered are finished in the inbox). Emits nothing.
	 */
	Mono<Void> forgetRecovered() {
		return Mono.<Void>fromRunnable(() -> {
			for (Path segment : recoveredSegments) {
				delete(segment);
			}
			recoveredSegments.clear();
			recovered.clear();
		}).subscribeOn(writing);
	}

	/**
	 * Appends {@code progress} of {@code updateId}'s first message, and adds the segment it went to
	 * to {@code held} (the update's segments, kept until {@link #finished}). Completes once written;
	 * errors if the file cannot be written.
	 */
	Mono<Void> append(long updateId, SendProgress progress, Set<Segment> held) {
		return Mono.<Void>fromRunnable(() -> write(updateId, progress, held)).subscribeOn(writing);
	}

	private void write(long updateId, SendProgress progress, Set<Segment> held) {
		try {
			Segment segment = current;
			if (segment.records >= segmentRecords) {
				segment = rotate();
			}
			ByteBuffer record = ByteBuffer.allocate(Long.BYTES)
				.putLong(progress == SendProgress.SENT ? -updateId : updateId)
				.flip();
			while (record.hasRemaining()) {
				segment.channel.write(record);
			}
			segment.records++;
			// Counted here, on the journal's thread, before a rotation could find the segment unneeded.
			if (held.add(segment)) {
				segment.unfinished.incrementAndGet();
			}
			long now = System.nanoTime();
			if (now - lastForce >= FORCE_EVERY) {
				segment.channel.force(false);
				lastForce = now;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The update that wrote to {@code held} has its outcome in the inbox: each segment may go once
	 * all of its updates have, and a newer one has started.
	 */
	void finished(Set<Segment> held) {
		for (Segment segment : held) {
			if (segment.unfinished.decrementAndGet() == 0 && segment.closed) {
				try {
					writing.schedule(() -> delete(segment.path));
				}
				catch (RejectedExecutionException closed) {
					delete(segment.path);
				}
			}
		}
	}

	private Segment rotate() throws IOException {
		Segment old = current;
		current = Segment.open(directory, old.number + 1);
		old.channel.force(false);
		old.channel.close();
		old.closed = true;
		if (old.unfinished.get() == 0) {
			delete(old.path);
		}
		return current;
	}

	/**
	 * Forces and closes the current segment (what it holds is read at the next start), then stops the
	 * journal's thread. Completes once done (or after 5 s); never errors.
	 */
	Mono<Void> close() {
		try {
			writing.schedule(() -> {
				try {
					current.channel.force(false);
					current.channel.close();
					if (current.unfinished.get() == 0) {
						delete(current.path);
					}
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

	/** Completes once everything queued before it is written. */
	Mono<Void> flushed() {
		return Mono.<Void>empty().subscribeOn(writing);
	}

	/** The segment files on disk (for tests and the operator's curiosity). */
	List<Path> files() {
		try {
			return segments(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path segment) {
		try {
			Files.deleteIfExists(segment);
		}
		catch (IOException ex) {
			log.warn("Could not delete the send journal segment {}: {}", segment, ex.toString());
		}
	}

	private static List<Path> segments(Path directory) throws IOException {
		List<Path> segments = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
			files.forEach(segments::add);
		}
		segments.sort((a, b) -> Long.compare(number(a), number(b)));
		return segments;
	}

	private static long number(Path segment) {
		String name = segment.getFileName().toString();
		try {
			return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** One file of records, and how many of the updates that wrote to it are still unfinished. */
	static final class Segment {

		final long number;

		final Path path;

		final FileChannel channel;

		final AtomicInteger unfinished = new AtomicInteger();

		/** Written on the journal's thread only. */
		int records;

		volatile boolean closed;

		private Segment(long number, Path path, FileChannel channel) {
			this.number = number;
			this.path = path;
			this.channel = channel;
		}

		static Segment open(Path directory, long number) {
			Path path = directory.resolve(PREFIX + String.format("%012d", number) + SUFFIX);
			try {
				return new Segment(number, path, FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						StandardOpenOption.APPEND));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not open the send journal segment " + path, ex);
			}
		}
	}
}
