package io.analytips.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/**
 * What {@code --version} prints, e.g. {@code analytips 0.1.0-SNAPSHOT (commit 2ad7e43, built 2026-11-29T12:00:00Z)}.
 * The build writes the facts into the jar: {@code META-INF/build-info.properties} (spring-boot-maven-plugin's
 * {@code build-info} goal) and {@code git.properties} (git-commit-id-maven-plugin, absent when the sources
 * were not a git checkout). They are read with plain {@link Properties}: no Spring, so it answers at once.
 */
public final class BuildVersion {

	static final String BUILD_INFO = "META-INF/build-info.properties";

	static final String GIT_INFO = "git.properties";

	private BuildVersion() {
	}

	/** The line for the jar (or classes directory) this class was loaded from. */
	public static String ofThisBuild() {
		ClassLoader loader = BuildVersion.class.getClassLoader();
		return line(load(loader, BUILD_INFO), load(loader, GIT_INFO));
	}

	/** The line for these properties; missing ones read as unknown. */
	static String line(Properties build, Properties git) {
		String version = build.getProperty("build.version", "(version unknown)");
		String commit = git.getProperty("git.commit.id.abbrev", "").strip();
		// A build from a tree with uncommitted changes is not that commit: say so, as `git describe --dirty` would.
		String commitPart = commit.isEmpty() ? "commit unknown"
				: "commit " + commit + (Boolean.parseBoolean(git.getProperty("git.dirty")) ? "-dirty" : "");
		String time = build.getProperty("build.time");
		return "analytips " + version + " (" + commitPart + (time == null ? "" : ", built " + seconds(time)) + ")";
	}

	private static String seconds(String time) {
		try {
			return Instant.parse(time).truncatedTo(ChronoUnit.SECONDS).toString();
		}
		catch (DateTimeParseException notAnInstant) {
			return time;
		}
	}

	private static Properties load(ClassLoader loader, String resource) {
		Properties properties = new Properties();
		try (InputStream in = loader.getResourceAsStream(resource)) {
			if (in != null) {
				properties.load(in);
			}
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
	}
}
