package io.analytips.pipeline.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import io.analytips.pipeline.Outcome;

/**
 * One record of the {@link SendJournal}, as it is on disk (format 2, files {@code sends-N.journal2}):
 * 16 bytes, big-endian:
 *
 * <pre>
 * bytes 0–7    update id (not negative; Telegram's are positive, tests number from 0)
 * bytes 8–11   kind (high byte: 1 SENDING, 2 SENT, 3 ENDED) and value (low 24 bits: the message's
 *              sequence number within its update for SENDING and SENT, the {@link Outcome}'s ordinal for ENDED)
 * bytes 12–15  CRC32C of bytes 0–11
 * </pre>
 *
 * Records have one size, so a reader steps over a corrupt one (its checksum does not match) and
 * stays aligned; zeroes (a hole a crash left) never check. Format 1 ({@code sends-N.journal}, up to
 * the version before this one) was 8 bytes of the update id, negated once its first message
 * arrived, with no checksum; it is still read ({@link #ofVersion1}).
 */
record JournalRecord(long updateId, Kind kind, int value) {

	/** Bytes per record. */
	static final int BYTES = 16;

	/** The largest sequence number a record holds; later messages of an update share it (counted, not told apart). */
	static final int MAX_VALUE = (1 << 24) - 1;

	enum Kind {
		/** A message is about to go. */
		SENDING,
		/** Telegram acknowledged it. */
		SENT,
		/** The update's handling is over with every message it sent acknowledged or failed: its outcome is known. */
		ENDED
	}

	JournalRecord {
		if (updateId < 0) {
			throw new IllegalArgumentException("update ids are not negative: " + updateId);
		}
		value = Math.min(Math.max(value, 0), MAX_VALUE);
	}

	/** Writes this record's 16 bytes at {@code into}'s position. */
	void write(ByteBuffer into) {
		int start = into.position();
		into.putLong(updateId).putInt((kind.ordinal() + 1) << 24 | value);
		into.putInt(checksum(into, start));
	}

	/**
	 * Reads the 16 bytes at {@code from}'s position (which moves past them), or null if they are not
	 * a record: a checksum that does not match, or an unknown kind.
	 */
	static JournalRecord read(ByteBuffer from) {
		int start = from.position();
		long updateId = from.getLong();
		int word = from.getInt();
		int stored = from.getInt();
		if (stored != checksum(from, start)) {
			return null;
		}
		int kind = (word >>> 24) - 1;
		if (updateId < 0 || kind < 0 || kind >= Kind.values().length) {
			return null;
		}
		return new JournalRecord(updateId, Kind.values()[kind], word & MAX_VALUE);
	}

	/** A format-1 record (not 0): the id of an update whose first message started, or its negation once it arrived. */
	static JournalRecord ofVersion1(long record) {
		return record > 0 ? new JournalRecord(record, Kind.SENDING, 0) : new JournalRecord(-record, Kind.SENT, 0);
	}

	private static int checksum(ByteBuffer buffer, int start) {
		CRC32C crc = new CRC32C();
		crc.update(buffer.slice(start, Long.BYTES + Integer.BYTES));
		return (int) crc.getValue();
	}
}
