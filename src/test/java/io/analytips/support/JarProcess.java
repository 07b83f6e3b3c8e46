package io.analytips.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.analytips.support.load.CpuPinning;

/**
 * The packaged jar ({@code target/analytips.jar}) running as a child process, with the JVM options the project ships
 * ({@link #SHIPPED_JVM_OPTIONS}) unless told otherwise. Its output goes to
 * a file (reading a pipe races with the JDK closing it when the process exits, losing the last lines);
 * standard error with it, or to a file of its own ({@link #startSeparatingErrors}).
 */
public final class JarProcess implements AutoCloseable {

	/**
	 * What the Procfile, the Dockerfile and the systemd unit run the jar with: {@code @deploy/jvm.options}, with
	 * {@code -XX:MaxRAM} standing in for the memory limit they ship (compose {@code mem_limit: 512m}, the unit's
	 * {@code MemoryMax=512M}), so that {@code -XX:MaxRAMPercentage} means here what it means there (a child process
	 * in no cgroup of its own would take a share of the whole machine). {@code -Dbench.jvm.ram} changes the stand-in.
	 * They ship {@code MALLOC_ARENA_MAX=2} too: see {@link #SHIPPED_ENVIRONMENT}.
	 */
	public static final List<String> SHIPPED_JVM_OPTIONS = List.of("@" + Path.of("deploy", "jvm.options").toAbsolutePath(),
			"-XX:MaxRAM=" + System.getProperty("bench.jvm.ram", "512m"));

	/** The environment the three ship besides the application's settings: glibc's malloc held to two arenas. */
	public static final Map<String, String> SHIPPED_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

	private final Process process;

	private final Path output;

	/** Standard error's file, or null when it goes to {@link #output}. */
	private final Path errors;

	private final long launchedNanos;

	private final CompletableFuture<Long> exitedNanos;

	private JarProcess(Process process, Path output, Path errors, long launchedNanos) {
		this.process = process;
		this.output = output;
		this.errors = errors;
		this.launchedNanos = launchedNanos;
		// Read by the JDK's reaper thread the moment the process ends, not when a test gets round to asking.
		this.exitedNanos = process.onExit().thenApply(exited -> System.nanoTime());
	}

	/** Starts the jar with these environment variables (and none of this JVM's settings). */
	public static JarProcess start(Map<String, String> environment, Path workingDirectory) {
		return start(environment, workingDirectory, List.of());
	}

	/** Starts the jar with these environment variables and arguments (and none of this JVM's settings). */
	public static JarProcess start(Map<String, String> environment, Path workingDirectory, List<String> arguments) {
		return start(environment, workingDirectory, arguments, true);
	}

	/**
	 * Starts the jar with exactly these environment variables, none inherited from this JVM (not even
	 * {@code PATH}): a machine on which nothing was configured.
	 */
	public static JarProcess startInEmptyEnvironment(Map<String, String> environment, Path workingDirectory,
			List<String> arguments) {
		return start(environment, workingDirectory, arguments, false);
	}

	/**
	 * As {@link #start(Map, Path, List)}, with standard error in a file of its own ({@link #errors()}): what a
	 * person at a terminal reads apart from what the bot writes on standard output.
	 */
	public static JarProcess startSeparatingErrors(Map<String, String> environment, Path workingDirectory,
			List<String> arguments) {
		return start(Path.of("target", "analytips.jar").toAbsolutePath(), SHIPPED_JVM_OPTIONS, environment,
				workingDirectory, arguments, true, true);
	}

	private static JarProcess start(Map<String, String> environment, Path workingDirectory, List<String> arguments,
			boolean inheritEnvironment) {
		return start(Path.of("target", "analytips.jar").toAbsolutePath(), SHIPPED_JVM_OPTIONS, environment,
				workingDirectory, arguments, inheritEnvironment, false);
	}

	/** Starts another build of the jar (a benchmark's baseline) with these environment variables. */
	public static JarProcess start(Path jar, Map<String, String> environment, Path workingDirectory) {
		return start(jar, SHIPPED_JVM_OPTIONS, environment, workingDirectory);
	}

	/**
	 * Starts a build of the jar with these JVM options instead of the shipped ones (a baseline as it was run before
	 * them, or the shipped ones plus a diagnostic option) and the {@link #SHIPPED_ENVIRONMENT} under these variables.
	 */
	public static JarProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment,
			Path workingDirectory) {
		return start(jar.toAbsolutePath(), jvmOptions, environment, workingDirectory, List.of(), true, false);
	}

	private static JarProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment,
			Path workingDirectory, List<String> arguments, boolean inheritEnvironment, boolean separateErrors) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("run `./mvnw package` first: " + jar + " is missing");
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString()));
		command.addAll(arguments);
		return launch(CpuPinning.forBots(command), environment, workingDirectory, inheritEnvironment, separateErrors);
	}

	/**
	 * Runs this command instead of {@code java -jar} (a launcher script such as {@code bin/analytips}), with this
	 * JVM's environment but its settings for the bot removed, and these variables.
	 */
	public static JarProcess startCommand(List<String> command, Map<String, String> environment,
			Path workingDirectory) {
		return launch(command, environment, workingDirectory, true, false);
	}

	private static JarProcess launch(List<String> command, Map<String, String> environment, Path workingDirectory,
			boolean inheritEnvironment, boolean separateErrors) {
		try {
			Path output = Files.createTempFile(workingDirectory, "output", ".log");
			Path errors = separateErrors ? Files.createTempFile(workingDirectory, "errors", ".log") : null;
			ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectOutput(output.toFile());
			if (errors == null) {
				builder.redirectErrorStream(true);
			}
			else {
				builder.redirectError(errors.toFile());
			}
			if (inheritEnvironment) {
				builder.environment().keySet().removeIf(name -> name.startsWith("TELEGRAM_")
						|| name.startsWith("DATABASE_") || name.startsWith("BOT_") || name.startsWith("API_FOOTBALL_"));
			}
			else {
				builder.environment().clear();
			}
			builder.environment().putAll(SHIPPED_ENVIRONMENT);
			builder.environment().putAll(environment);
			long launched = System.nanoTime();
			return new JarProcess(builder.start(), output, errors, launched);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Types a line on the process's standard input. */
	public void type(String line) {
		try {
			process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
			process.getOutputStream().flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Closes the process's standard input (end of input). */
	public void closeInput() {
		try {
			process.getOutputStream().close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The output as one string. */
	public String text() {
		return String.join("\n", output());
	}

	/** Sends SIGKILL, as a crash or the OOM killer would: no shutdown hook, no drain; waits for the end. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/**
	 * Sends SIGSTOP: the process freezes as in a long GC pause or a suspended VM, its sockets staying open (the peer
	 * sees a silent connection, not a closed one) until {@link #resume}.
	 */
	public void pause() throws InterruptedException {
		signal("STOP");
	}

	/** Sends SIGCONT to a {@link #pause paused} process: it runs on from where it stopped. */
	public void resume() throws InterruptedException {
		signal("CONT");
	}

	private void signal(String name) throws InterruptedException {
		try {
			Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.toHandle().pid()))
				.redirectErrorStream(true)
				.start();
			String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (kill.waitFor() != 0) {
				throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed: " + said);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Sends SIGTERM. */
	public void terminate() {
		process.toHandle().destroy();
	}

	/** Waits for the exit; returns the exit code, or throws if it did not exit in time. */
	public int waitForExit(Duration timeout) throws InterruptedException {
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError("did not exit within " + timeout + "; last output:\n" + tail(40));
		}
		return process.exitValue();
	}

	/**
	 * How long the process ran, from just before it was launched to its exit (so fork and exec included: an
	 * upper bound). Measured on the monotonic clock; the start instant the OS keeps ({@link ProcessHandle.Info})
	 * is wall-clock time in 10 ms steps. Call after {@link #waitForExit}.
	 */
	public Duration launchToExit() {
		if (process.isAlive()) {
			throw new IllegalStateException("still running");
		}
		return Duration.ofNanos(exitedNanos.join() - launchedNanos);
	}

	/** How long ago the process was launched (just before), on the monotonic clock. */
	public Duration sinceLaunch() {
		return Duration.ofNanos(System.nanoTime() - launchedNanos);
	}

	/**
	 * CPU time the process has used so far (user and system, from {@code /proc/<pid>/stat}), or
	 * {@link Duration#ZERO} where there is no {@code /proc}.
	 */
	public Duration cpu() {
		return Duration.ofMillis(io.analytips.support.load.ProcessCpu.millis(process.pid()));
	}

	public long pid() {
		return process.pid();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/** Standard output's lines, and standard error's unless {@link #startSeparatingErrors separated}. */
	public List<String> output() {
		return lines(output);
	}

	/** Standard error's lines, when {@link #startSeparatingErrors separated}. */
	public List<String> errors() {
		if (errors == null) {
			throw new IllegalStateException("standard error goes to output(): start with startSeparatingErrors");
		}
		return lines(errors);
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String tail(int n) {
		List<String> all = output();
		return String.join("\n", all.subList(Math.max(0, all.size() - n), all.size()));
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			process.destroyForcibly();
		}
	}
}
