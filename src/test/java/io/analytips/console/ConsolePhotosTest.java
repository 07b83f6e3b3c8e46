package io.analytips.console;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.analytips.telegram.model.InlineKeyboardButton;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import io.analytips.telegram.model.SendPhoto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's photos: written to the pictures folder, their path printed with the caption, sent again by file_id. */
class ConsolePhotosTest {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G' };

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	@TempDir
	Path folder;

	private ConsoleBotApi console;

	@AfterEach
	void close() {
		if (console != null) {
			console.close();
		}
	}

	@Test
	void writesThePictureAndPrintsItsPathWithTheCaptionAndButtonsThenFindsItByItsFileId() throws Exception {
		console = new ConsoleBotApi(new ByteArrayInputStream(new byte[0]), new PrintStream(printed, true, StandardCharsets.UTF_8),
				"Ana", "pt-br", Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC), Duration.ZERO, false, () -> {
				}, folder.resolve("pictures"));
		InlineKeyboardMarkup text = InlineKeyboardMarkup.of(List.of(List.of(InlineKeyboardButton.callback("📄 Texto", "at:99:t"))));
		Path written = folder.resolve("pictures/99-pt-br-abc.png");
		StepVerifier.create(console.sendPhoto(SendPhoto.upload(1, PNG, "99-pt-br-abc.png", "<b>Flamengo x Palmeiras</b>", text)))
			.assertNext(message -> assertThat(message.largestPhoto()).isEqualTo("demo-picture:99-pt-br-abc.png"))
			.verifyComplete();
		assertThat(Files.readAllBytes(written)).isEqualTo(PNG);
		StepVerifier.create(console.sendPhoto(SendPhoto.again(1, "demo-picture:99-pt-br-abc.png", "again", null)))
			.assertNext(message -> assertThat(message.largestPhoto()).isEqualTo("demo-picture:99-pt-br-abc.png"))
			.verifyComplete();
		String shown = printed.toString(StandardCharsets.UTF_8);
		assertThat(shown).contains("Flamengo x Palmeiras", "[1] 📄 Texto", "again").doesNotContain("<b>");
		assertThat(shown.split(java.util.regex.Pattern.quote(written.toString()), -1)).as("the path, printed twice").hasSize(3);
	}

	@Test
	void aFileIdOfNoPictureHereIsAnError() {
		console = new ConsoleBotApi(new ByteArrayInputStream(new byte[0]), new PrintStream(printed, true, StandardCharsets.UTF_8),
				"Ana", "pt-br", Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC), Duration.ZERO, false, () -> {
				}, folder.resolve("pictures"));
		StepVerifier.create(console.sendPhoto(SendPhoto.again(1, "demo-picture:../../etc/passwd", "x", null)))
			.expectError(java.io.IOException.class)
			.verify();
		StepVerifier.create(console.sendPhoto(SendPhoto.again(1, "AgACAgE", "x", null))).expectError(java.io.IOException.class).verify();
	}

	@Test
	void anInlineCardsPictureIsShownByItsPath() {
		ConsoleFiles files = new ConsoleFiles(folder.resolve("pictures"));

		assertThat(files.where("demo-picture:99-en-abc.png")).isEqualTo(folder.resolve("pictures/99-en-abc.png").toString());
		assertThat(files.where("AgACAgE")).as("a file_id of no demo picture, as it is").isEqualTo("AgACAgE");
	}
}
