package io.analytips.telegram;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextSplitterTest {

	@Test
	void leavesAShortTextAlone() {
		assertThat(TextSplitter.split("hello")).containsExactly("hello");
	}

	@Test
	void splitsALongTextAtParagraphsIntoPartsTelegramAccepts() {
		String paragraph = "x".repeat(1000);
		String text = String.join("\n\n", List.of(paragraph, paragraph, paragraph, paragraph, paragraph, paragraph));
		List<String> parts = TextSplitter.split(text);
		assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> assertThat(part).hasSizeLessThanOrEqualTo(4096));
		assertThat(String.join("", parts).replace("\n", "")).isEqualTo(text.replace("\n", ""));
	}

	@Test
	void closesAndReopensTagsAcrossACut() {
		String text = "<b>" + "word ".repeat(2000) + "</b>";
		List<String> parts = TextSplitter.split(text);
		assertThat(parts).hasSizeGreaterThan(1);
		for (String part : parts) {
			assertThat(part).startsWith("<b>").endsWith("</b>").hasSizeLessThanOrEqualTo(4096);
			assertThat(count(part, "<b>")).isEqualTo(count(part, "</b>"));
		}
	}

	@Test
	void neverCutsAnEntityOrASurrogatePair() {
		String text = "&amp;".repeat(1000) + "😀".repeat(2000);
		for (String part : TextSplitter.split(text, 500)) {
			assertThat(part).doesNotEndWith("&").doesNotEndWith("&am");
			assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
			assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
		}
	}

	@Test
	void cutsAWordlessTextHard() {
		List<String> parts = TextSplitter.split("y".repeat(10_000));
		assertThat(parts).allSatisfy(part -> assertThat(part).hasSizeLessThanOrEqualTo(4096));
		assertThat(String.join("", parts)).hasSize(10_000);
	}

	private static int count(String text, String token) {
		return text.split(java.util.regex.Pattern.quote(token), -1).length - 1;
	}
}
