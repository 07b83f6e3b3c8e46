package io.analytips.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;

import tools.jackson.databind.json.JsonMapper;

/**
 * One row of the audit trail, chained to the one before: {@code hash} is the SHA-256 of the row's
 * content and {@code prevHash}, so changing any field of any row, or removing a row, breaks every
 * link after it.
 */
public record AuditEntry(long id, Instant at, AuditEvent event, String prevHash, String hash) {

	/** The previous hash of the first row. */
	public static final String GENESIS = "0".repeat(64);

	private static final JsonMapper JSON = JsonMapper.shared();

	/** The entry that follows {@code previous} (null for the first), hashed. */
	static AuditEntry next(AuditEntry previous, Instant at, AuditEvent event) {
		long id = previous == null ? 1 : previous.id() + 1;
		String prevHash = previous == null ? GENESIS : previous.hash();
		// PostgreSQL keeps microseconds: hash what will be read back.
		Instant stored = at.truncatedTo(ChronoUnit.MICROS);
		return new AuditEntry(id, stored, event, prevHash, hash(id, stored, event, prevHash));
	}

	/** The hash this entry's content should have. */
	public String expectedHash() {
		return hash(id, at, event, prevHash);
	}

	/**
	 * SHA-256 over a JSON array of the fields: unambiguous (no separator can be forged inside a
	 * field) and the same in any language that can write JSON.
	 */
	static String hash(long id, Instant at, AuditEvent event, String prevHash) {
		String canonical = JSON.writeValueAsString(Arrays.asList(id, at.toString(), event.channel(), event.actor(),
				event.action(), event.target(), event.result(), prevHash));
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}
}
