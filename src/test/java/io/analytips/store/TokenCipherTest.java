package io.analytips.store;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bot tokens at rest: AES-256-GCM under BOTS_TOKEN_KEY, never shown in an error or a log line. */
class TokenCipherTest {

	private static final String TOKEN = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-bs";

	/** Fixed keys: a test must not depend on chance. */
	private static final String KEY = Base64.getEncoder().encodeToString(bytes(32, 7));

	private static final String OTHER_KEY = Base64.getEncoder().encodeToString(bytes(32, 8));

	private final TokenCipher cipher = TokenCipher.fromBase64Key(KEY);

	private static byte[] bytes(int length, int seed) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (seed * 31 + i);
		}
		return bytes;
	}

	@Test
	void decryptsWhatItEncrypted() {
		String stored = cipher.encrypt(TOKEN);
		assertThat(stored).startsWith("v1:").doesNotContain(TOKEN).doesNotContain("AAEhBOweik6ad9r");
		assertThat(cipher.decrypt(stored)).isEqualTo(TOKEN);
		assertThat(TokenCipher.fromBase64Key(KEY).decrypt(stored)).as("another instance, the same key").isEqualTo(TOKEN);
	}

	@Test
	void storesNonceCiphertextAndTagAfterTheVersion() {
		byte[] sealed = Base64.getDecoder().decode(cipher.encrypt(TOKEN).substring("v1:".length()));
		assertThat(sealed).hasSize(12 + TOKEN.length() + 16);
	}

	@Test
	void twoEncryptionsOfOneTokenDiffer() {
		assertThat(cipher.encrypt(TOKEN)).isNotEqualTo(cipher.encrypt(TOKEN));
	}

	@Test
	void anotherKeyCannotDecryptAndSaysSoWithoutTheToken() {
		String stored = cipher.encrypt(TOKEN);
		assertThatThrownBy(() -> TokenCipher.fromBase64Key(OTHER_KEY).decrypt(stored))
			.isInstanceOf(TokenCipher.TokenDecryptionException.class)
			.hasMessageContaining("BOTS_TOKEN_KEY is not the key")
			.satisfies(error -> assertThat(error.toString()).doesNotContain(TOKEN).doesNotContain(stored));
	}

	@Test
	void aTamperedValueFailsToDecrypt() {
		String stored = cipher.encrypt(TOKEN);
		byte[] sealed = Base64.getDecoder().decode(stored.substring(3));
		sealed[20] ^= 1; // one bit of the ciphertext
		String tampered = "v1:" + Base64.getEncoder().encodeToString(sealed);
		assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(TokenCipher.TokenDecryptionException.class)
			.hasMessageContaining("altered");
		byte[] nonce = Base64.getDecoder().decode(stored.substring(3));
		nonce[0] ^= 1; // one bit of the nonce
		assertThatThrownBy(() -> cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(nonce)))
			.isInstanceOf(TokenCipher.TokenDecryptionException.class);
	}

	@Test
	void aValueOfAnotherShapeIsRefusedClearly() {
		assertThatThrownBy(() -> cipher.decrypt(TOKEN)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("v1:")
			.satisfies(error -> assertThat(error.getMessage()).doesNotContain(TOKEN));
		assertThatThrownBy(() -> cipher.decrypt("v1:not base64!")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not base64");
		assertThatThrownBy(() -> cipher.decrypt("v1:AAAA")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("shorter");
		assertThatThrownBy(() -> cipher.decrypt(null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aKeyThatIsNotBase64IsRefusedNamingTheSetting() {
		assertThatThrownBy(() -> TokenCipher.fromBase64Key("not*base64*at*all")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("BOTS_TOKEN_KEY")
			.hasMessageContaining("not base64")
			.satisfies(error -> assertThat(error.getMessage()).doesNotContain("not*base64*at*all"));
	}

	@Test
	void aKeyOfAnotherLengthIsRefusedNamingTheSetting() {
		String shortKey = Base64.getEncoder().encodeToString(bytes(16, 7));
		assertThatThrownBy(() -> TokenCipher.fromBase64Key(shortKey)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("BOTS_TOKEN_KEY")
			.hasMessageContaining("16 bytes")
			.satisfies(error -> assertThat(error.getMessage()).doesNotContain(shortKey));
		assertThatThrownBy(() -> TokenCipher.fromBase64Key(Base64.getEncoder().encodeToString(bytes(33, 7))))
			.hasMessageContaining("BOTS_TOKEN_KEY");
	}

	@Test
	void aMissingKeyIsRefusedNamingTheSetting() {
		assertThatThrownBy(() -> TokenCipher.fromBase64Key(null)).hasMessageContaining("BOTS_TOKEN_KEY is not set");
		assertThatThrownBy(() -> TokenCipher.fromBase64Key("  ")).hasMessageContaining("BOTS_TOKEN_KEY is not set");
	}

	@Test
	void showsNothingSecret() {
		assertThat(cipher.toString()).doesNotContain(KEY).contains("AES-256-GCM");
	}
}
