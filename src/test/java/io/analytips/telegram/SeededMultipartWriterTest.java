package io.analytips.telegram;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Multipart boundaries as Spring makes them, from a generator that never reads the OS after it is seeded. */
class SeededMultipartWriterTest {

	private final SeededMultipartWriter writer = new SeededMultipartWriter(List.of(), SeededMultipartWriter.seeded());

	@Test
	void drawsBoundariesOfThirtyToFortySafeCharactersThatDiffer() {
		String first = new String(writer.generateMultipartBoundary(), StandardCharsets.US_ASCII);
		String second = new String(writer.generateMultipartBoundary(), StandardCharsets.US_ASCII);
		assertThat(first).hasSizeBetween(30, 40).matches("[-_0-9a-zA-Z]+");
		assertThat(second).isNotEqualTo(first);
	}
}
