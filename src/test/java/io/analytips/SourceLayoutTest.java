package io.analytips;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Small files with names that explain themselves: no source file, main or test, grows past 300 lines. */
class SourceLayoutTest {

	private static final int MAX_LINES = 300;

	@Test
	void noMainSourceFileIsLongerThan300Lines() throws IOException {
		assertThat(tooLong(Path.of("src", "main", "java"))).as("main source files over %d lines", MAX_LINES)
			.isEmpty();
	}

	@Test
	void noTestSourceFileIsLongerThan300Lines() throws IOException {
		assertThat(tooLong(Path.of("src", "test", "java")))
			.as("test source files over %d lines", MAX_LINES)
			.isEmpty();
	}

	/** The Java files below {@code root} longer than {@link #MAX_LINES}. */
	private static List<String> tooLong(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(file -> file.toString().endsWith(".java"))
				.filter(file -> lines(file) > MAX_LINES)
				.map(file -> file + " (" + lines(file) + " lines)")
				.toList();
		}
	}

	private static long lines(Path file) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + file, ex);
		}
	}
}
