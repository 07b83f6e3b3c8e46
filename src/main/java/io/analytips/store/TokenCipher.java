package io.analytips.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts bot tokens for the {@code bots} table, so that a copy of the database alone does not give the bots away:
 * AES-256-GCM under the deployment's key ({@code BOTS_TOKEN_KEY}, 32 bytes, base64), a random 12-byte nonce per
 * encryption. What it stores is {@value #VERSION} followed by the base64 of nonce, ciphertext and the 16-byte tag,
 * so a later scheme can tell its own values apart. GCM authenticates: a value altered in the database, or read
 * with another key, fails to decrypt rather than giving a wrong token. Neither its errors nor {@link #toString()}
 * ever show a token or the key. Thread-safe.
 */
public final class TokenCipher {

	/** What every value this version writes starts with. */
	static final String VERSION = "v1:";

	/** Where the key comes from, as operators know it. */
	static final String KEY_SETTING = "BOTS_TOKEN_KEY";

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random;

	private TokenCipher(byte[] key) {
		this.key = new SecretKeySpec(key, "AES");
		this.random = nonces();
	}

	/**
	 * The cipher of a key given as base64 (what {@code BOTS_TOKEN_KEY} holds; {@code openssl rand -base64 32} makes
	 * one). Throws {@link IllegalArgumentException}, naming {@code BOTS_TOKEN_KEY} but never its value, when the key
	 * is missing, not base64, or not 32 bytes.
	 */
	public static TokenCipher fromBase64Key(String base64) {
		if (base64 == null || base64.isBlank()) {
			throw new IllegalArgumentException(KEY_SETTING + " is not set: it must be 32 random bytes in base64"
					+ " (openssl rand -base64 32)");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException notBase64) {
			throw new IllegalArgumentException(KEY_SETTING + " is not base64: it must be 32 random bytes in base64"
					+ " (openssl rand -base64 32)");
		}
		try {
			if (key.length != KEY_BYTES) {
				throw new IllegalArgumentException(KEY_SETTING + " is " + key.length + " bytes once decoded; it must be "
						+ KEY_BYTES + " (AES-256: openssl rand -base64 32)");
			}
			return new TokenCipher(key);
		}
		finally {
			Arrays.fill(key, (byte) 0);
		}
	}

	/** The token encrypted, as the {@code bots} table keeps it; a new nonce each time, so no two values are alike. */
	public String encrypt(String token) {
		Objects.requireNonNull(token, "token");
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
			return VERSION + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException unavailable) {
			// AES-GCM is in every JDK: only a broken runtime gets here, and the message names no token.
			throw new IllegalStateException("AES-GCM is not available to encrypt a bot token", unavailable);
		}
	}

	/**
	 * The token of a value {@link #encrypt} made. Throws {@link IllegalArgumentException} for a value of another shape
	 * (not this version's, not base64, too short), and {@link TokenDecryptionException} when the value was made
	 * under another key or altered since; neither shows the value, the token or the key.
	 */
	public String decrypt(String stored) {
		if (stored == null || !stored.startsWith(VERSION)) {
			throw new IllegalArgumentException("not an encrypted bot token: it must start with " + VERSION);
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
		}
		catch (IllegalArgumentException notBase64) {
			throw new IllegalArgumentException("not an encrypted bot token: what follows " + VERSION + " is not base64");
		}
		if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new IllegalArgumentException("not an encrypted bot token: " + bytes.length + " bytes, shorter than a"
					+ " nonce and a tag");
		}
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException wrongKeyOrAltered) {
			throw new TokenDecryptionException();
		}
		catch (GeneralSecurityException unavailable) {
			throw new IllegalStateException("AES-GCM is not available to decrypt a bot token", unavailable);
		}
	}

	@Override
	public String toString() {
		return "TokenCipher[AES-256-GCM, key from " + KEY_SETTING + "]";
	}

	/**
	 * Nonces from a DRBG seeded here, once, at construction (start-up): later encryptions draw from it without
	 * reading the operating system's entropy, which a Reactor thread must not wait for.
	 */
	private static SecureRandom nonces() {
		SecureRandom random;
		try {
			random = SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException noDrbg) {
			random = new SecureRandom();
		}
		random.nextBytes(new byte[NONCE_BYTES]);
		return random;
	}

	/** A stored token that this key cannot open: made under another key, or altered since. */
	public static final class TokenDecryptionException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		TokenDecryptionException() {
			super("a bot token could not be decrypted: " + KEY_SETTING + " is not the key it was encrypted with, or"
					+ " the stored value was altered");
		}
	}
}
