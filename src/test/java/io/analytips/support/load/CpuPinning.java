package io.analytips.support.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Benchmark processes on cores of their own, with {@code taskset}: {@code -Dbench.cpus.bots=1} runs the bots under
 * test (the jar, grammY) on those cores, {@code -Dbench.cpus.others=0} the rest (the fake Bot API and its load, the
 * jar's PostgreSQL). Without the properties nothing is pinned. Linux only: {@code taskset} is util-linux's.
 */
public final class CpuPinning {

	private static final Optional<String> BOTS = Optional.ofNullable(System.getProperty("bench.cpus.bots"));

	private static final Optional<String> OTHERS = Optional.ofNullable(System.getProperty("bench.cpus.others"));

	private CpuPinning() {
	}

	/** {@code command} run on the bots' cores, if set. */
	public static List<String> forBots(List<String> command) {
		return pinned(BOTS, command);
	}

	/** {@code command} run on the other cores, if set. */
	public static List<String> forOthers(List<String> command) {
		return pinned(OTHERS, command);
	}

	/** A description for a benchmark's output: which cores ran what, or that nothing was pinned. */
	public static String describe() {
		return BOTS.isEmpty() && OTHERS.isEmpty() ? "not pinned"
				: "bots on cores " + BOTS.orElse("any") + ", the rest on cores " + OTHERS.orElse("any");
	}

	/**
	 * Moves {@code process} (every thread) and its children to the other cores, if set: the jar's PostgreSQL, whose
	 * postmaster inherited the jar's cores; backends it forks later inherit the new ones.
	 */
	public static void moveToOthers(ProcessHandle process) throws IOException, InterruptedException {
		if (OTHERS.isEmpty()) {
			return;
		}
		for (ProcessHandle each : Stream.concat(Stream.of(process), process.descendants()).toList()) {
			Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", OTHERS.get(), String.valueOf(each.pid()))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (taskset.waitFor() != 0 && each.isAlive()) {
				throw new IOException("taskset could not move process " + each.pid() + " to cores " + OTHERS.get());
			}
		}
	}

	/** {@link #moveToOthers}, for a lambda: a failure is an {@link IllegalStateException}. */
	public static void moveToOthersUnchecked(ProcessHandle process) {
		try {
			moveToOthers(process);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> pinned(Optional<String> cores, List<String> command) {
		if (cores.isEmpty()) {
			return command;
		}
		List<String> pinned = new ArrayList<>(List.of("taskset", "-c", cores.get()));
		pinned.addAll(command);
		return pinned;
	}
}
