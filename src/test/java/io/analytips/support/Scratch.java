package io.analytips.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary directories and files for what the application and its tests keep on disk (the send journal, a jar's
 * working directory with its embedded PostgreSQL, a peer's log), one per use, removed when the test JVM exits.
 * Without that, every run of the suite left a few gigabytes and thousands of directories in the temporary folder.
 */
public final class Scratch {

	private static final Set<Path> CREATED = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(Scratch::removeAll, "scratch-cleanup"));
	}

	private Scratch() {
	}

	/** A new empty directory, named from the prefix, removed with all it holds when the JVM exits. */
	public static Path directory(String prefix) {
		try {
			return kept(Files.createTempDirectory(prefix));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A new empty file, named from the prefix and suffix, removed when the JVM exits. */
	public static Path file(String prefix, String suffix) {
		try {
			return kept(Files.createTempFile(prefix, suffix));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path kept(Path path) {
		CREATED.add(path);
		return path;
	}

	private static void removeAll() {
		CREATED.forEach(Scratch::remove);
	}

	// best effort: a file a child process still writes may refuse, and the JVM is exiting either way
	private static void remove(Path root) {
		try {
			if (!Files.exists(root)) {
				return;
			}
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path directory, IOException ex) throws IOException {
					Files.deleteIfExists(directory);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			// left for the operating system's temporary-folder cleaning
		}
	}
}
