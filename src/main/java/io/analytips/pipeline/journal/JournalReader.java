package io.analytips.pipeline.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what earlier runs left in a {@link SendJournal}'s directory: segments of both formats
 * ({@link JournalRecord}), in order. A record whose checksum does not match is skipped and counted,
 * and so is a torn last record (a write the crash cut short); the records around them are read.
 * Blocking file I/O: at start only.
 */
final class JournalReader {

	private static final Logger log = LoggerFactory.getLogger(JournalReader.class);

	/** What the segments say, by update id. */
	final Map<Long, SendHistory> histories = new HashMap<>();

	/** The segment files read, oldest first. */
	final List<Path> segments = new ArrayList<>();

	/** Records skipped: corrupt, or torn at a segment's end. */
	int skipped;

	/** The number the next segment takes. */
	long next = 1;

	private JournalReader() {
	}

	static JournalReader read(Path directory) throws IOException {
		JournalReader reader = new JournalReader();
		for (Path segment : segments(directory)) {
			reader.segments.add(segment);
			reader.next = Math.max(reader.next, number(segment) + 1);
			ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(segment));
			if (segment.getFileName().toString().endsWith(JournalSegment.SUFFIX)) {
				reader.readVersion2(bytes);
			}
			else {
				reader.readVersion1(bytes);
			}
		}
		if (!reader.segments.isEmpty()) {
			log.info("Send journal: records of {} updates in {} segments from the last run; {} unreadable records skipped",
					reader.histories.size(), reader.segments.size(), reader.skipped);
		}
		return reader;
	}

	private void readVersion2(ByteBuffer bytes) {
		while (bytes.remaining() >= JournalRecord.BYTES) {
			JournalRecord record = JournalRecord.read(bytes);
			if (record == null) {
				skipped++;
			}
			else {
				apply(record);
			}
		}
		if (bytes.hasRemaining()) {
			skipped++;
		}
	}

	private void readVersion1(ByteBuffer bytes) {
		while (bytes.remaining() >= Long.BYTES) {
			long record = bytes.getLong();
			if (record != 0) {
				apply(JournalRecord.ofVersion1(record));
			}
		}
	}

	private void apply(JournalRecord record) {
		histories.merge(record.updateId(), SendHistory.NONE.with(record), (known, added) -> known.with(record));
	}

	/** As {@link #segments}, an I/O error unchecked. */
	static List<Path> files(Path directory) {
		try {
			return segments(directory);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Both formats' segment files in {@code directory}, oldest first. */
	static List<Path> segments(Path directory) throws IOException {
		List<Path> segments = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, JournalSegment.PREFIX + "*.{"
				+ JournalSegment.SUFFIX.substring(1) + "," + JournalSegment.VERSION1_SUFFIX.substring(1) + "}")) {
			files.forEach(segments::add);
		}
		segments.sort((a, b) -> Long.compare(number(a), number(b)));
		return segments;
	}

	private static long number(Path segment) {
		String name = segment.getFileName().toString();
		try {
			return Long.parseLong(name.substring(JournalSegment.PREFIX.length(), name.lastIndexOf('.')));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}
}
