package io.analytips.telegram;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;

import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.multipart.MultipartHttpMessageWriter;

/**
 * Spring's multipart writer with its boundaries drawn from a {@link SecureRandom} seeded once, when the client is
 * built (at start-up, off the event loop). The default draws each boundary from a {@code SecureRandom} that reads
 * {@code /dev/urandom} as it goes: a blocking read, which BlockHound rejects on a Reactor thread.
 */
final class SeededMultipartWriter extends MultipartHttpMessageWriter {

	/** The characters Spring's own boundaries use. */
	private static final byte[] BOUNDARY_CHARS = "-_1234567890abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		.getBytes(StandardCharsets.US_ASCII);

	private final SecureRandom random;

	/** @param partWriters how each part's body is written (the client's own writers) */
	SeededMultipartWriter(List<HttpMessageWriter<?>> partWriters, SecureRandom random) {
		super(partWriters);
		this.random = random;
	}

	/** 30 to 40 characters, as Spring's. */
	@Override
	protected byte[] generateMultipartBoundary() {
		byte[] boundary = new byte[random.nextInt(11) + 30];
		for (int i = 0; i < boundary.length; i++) {
			boundary[i] = BOUNDARY_CHARS[random.nextInt(BOUNDARY_CHARS.length)];
		}
		return boundary;
	}

	/** A generator seeded now, on the calling thread, that never reads the operating system again (SHA1PRNG). */
	static SecureRandom seeded() {
		try {
			SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
			random.nextBytes(new byte[8]); // seeds it here
			return random;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA1PRNG is in every JDK", ex);
		}
	}
}
