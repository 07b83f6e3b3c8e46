package io.analytips.picture;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The picture's typeface, DejaVu Sans (bundled with its licence in {@code /picture}): loaded from the jar rather
 * than asked of the machine, which in a headless container often has no fonts at all, so a picture looks the same
 * wherever it is drawn. Loaded once, on first use, by the rendering pool (it reads the jar).
 */
final class PictureFonts {

	static final Font REGULAR = load("/picture/DejaVuSans.ttf");

	static final Font BOLD = load("/picture/DejaVuSans-Bold.ttf");

	private PictureFonts() {
	}

	private static Font load(String resource) {
		try (InputStream in = PictureFonts.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("font missing from the jar: " + resource);
			}
			return Font.createFont(Font.TRUETYPE_FONT, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (FontFormatException ex) {
			throw new IllegalStateException("not a TrueType font: " + resource, ex);
		}
	}
}
