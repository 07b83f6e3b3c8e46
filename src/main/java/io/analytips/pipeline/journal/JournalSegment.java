package io.analytips.pipeline.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file of the {@link SendJournal}'s records, and how many of the updates that wrote to it are
 * not yet released. Records are written at their own place ({@code records × 16}), not appended:
 * a write that failed half-way is overwritten by the next one instead of shifting every later
 * record. Written on the journal's thread only.
 */
final class JournalSegment {

	private static final Logger log = LoggerFactory.getLogger(JournalSegment.class);

	static final String PREFIX = "sends-";

	/** Format 2 ({@link JournalRecord}); format 1 files end in {@code .journal}. */
	static final String SUFFIX = ".journal2";

	/** Format 1: 8-byte records without a checksum (read, never written). */
	static final String VERSION1_SUFFIX = ".journal";

	final long number;

	final Path path;

	private final FileChannel channel;

	/** Updates with a record here that are not yet released. */
	int unfinished;

	/** Records written. */
	int records;

	/** Written since the last force. */
	boolean dirty;

	/** A newer segment took over: this one goes once {@link #unfinished} is 0. */
	boolean closed;

	private JournalSegment(long number, Path path, FileChannel channel) {
		this.number = number;
		this.path = path;
		this.channel = channel;
	}

	/**
	 * Creates segment {@code number} in {@code directory}, and makes its name durable there (the
	 * directory is forced too: without it a crash of the machine could lose the file, not only its tail).
	 * {@code directoryForced} runs when the directory could be forced.
	 */
	static JournalSegment create(Path directory, long number, Runnable directoryForced) {
		Path path = directory.resolve(PREFIX + String.format("%012d", number) + SUFFIX);
		try {
			JournalSegment segment = new JournalSegment(number, path,
					FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
			if (forceDirectory(directory)) {
				directoryForced.run();
			}
			return segment;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not open the send journal segment " + path, ex);
		}
	}

	/**
	 * Writes the appends' records after the last whole record, gathered in {@code batch} (room for them all), with
	 * one positional write (more if the system writes part of it); errors leave {@link #records} as it was.
	 */
	void write(List<JournalAppends.Pending> appends, ByteBuffer batch) throws IOException {
		batch.clear();
		appends.forEach(append -> append.record.write(batch));
		batch.flip();
		long position = (long) records * JournalRecord.BYTES;
		while (batch.hasRemaining()) {
			position += channel.write(batch, position);
		}
		records += appends.size();
		dirty = true;
	}

	/** Forces what was written to disk; true if there was anything to force. */
	boolean force() throws IOException {
		if (!dirty || !channel.isOpen()) {
			return false;
		}
		channel.force(false);
		dirty = false;
		return true;
	}

	void close() throws IOException {
		force();
		channel.close();
	}

	/** Deletes a segment file; a failure costs a log line (the next start reads it, and deletes it then). */
	static void delete(Path segment) {
		try {
			Files.deleteIfExists(segment);
		}
		catch (IOException ex) {
			log.warn("Could not delete the send journal segment {}: {}", segment, ex.toString());
		}
	}

	/**
	 * Forces the directory's entries to disk. Not every platform can open a directory (Windows
	 * cannot): there it is left to the file system, with a debug line.
	 */
	private static boolean forceDirectory(Path directory) {
		try (FileChannel entries = FileChannel.open(directory, StandardOpenOption.READ)) {
			entries.force(true);
			return true;
		}
		catch (IOException | UnsupportedOperationException ex) {
			log.debug("Could not force the send journal's directory {} ({}); new segments rely on the file system",
					directory, ex.toString());
			return false;
		}
	}
}
