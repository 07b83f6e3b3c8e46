package io.analytips.support.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of another JVM on this machine, read from outside: the heap in use after a full GC
 * ({@code jcmd <pid> GC.run}, then {@code GC.heap_info}; the actuator cannot trigger a GC), and fields of
 * {@code /proc/<pid>/status} (RSS, its peak, threads). Blocking: for benchmarks.
 */
public final class JvmMemory {

	/**
	 * What {@code GC.heap_info} prints of the heap in use: G1's one line for the whole heap, or Serial's (the collector
	 * deploy/jvm.options ships) two, the young and the old generation, added up.
	 */
	private static final Pattern USED = Pattern
		.compile("(?m)^\\s*(?:garbage-first heap|def new generation|tenured generation)\\s+total \\d+K, used (\\d+)K");

	private JvmMemory() {
	}

	/**
	 * Runs a full GC in {@code pid} and returns the heap in use after it, in kB; errors without a G1 or Serial heap
	 * figure.
	 */
	public static long heapAfterGcKb(long pid) throws IOException, InterruptedException {
		jcmd(pid, "GC.run");
		return heapUsedKb(jcmd(pid, "GC.heap_info"));
	}

	/** The heap in use that a {@code jcmd GC.heap_info} output reports, in kB: G1's whole heap, or Serial's generations added. */
	static long heapUsedKb(String heapInfo) {
		Matcher used = USED.matcher(heapInfo);
		long kb = 0;
		boolean found = false;
		while (used.find()) {
			kb += Long.parseLong(used.group(1));
			found = true;
		}
		if (!found) {
			throw new IllegalStateException("no G1 or Serial heap figure in jcmd GC.heap_info:\n" + heapInfo);
		}
		return kb;
	}

	/** A field of {@code /proc/<pid>/status} as a number ({@code VmRSS}, {@code VmHWM} in kB; {@code Threads}); 0 if absent. */
	public static long status(long pid, String field) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
			if (line.startsWith(field + ":")) {
				return Long.parseLong(line.replaceAll("\\D", ""));
			}
		}
		return 0;
	}

	/**
	 * The proportional set size of a process and all its descendants, in kB (from {@code /proc/<pid>/smaps_rollup}):
	 * what they hold in memory with each shared page divided among its sharers, so a PostgreSQL server's shared
	 * buffers count once however many backends map them. 0 for a process that is gone.
	 */
	public static long pssKb(ProcessHandle root) {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants())
			.mapToLong(process -> rollup(process.pid(), "Pss"))
			.sum();
	}

	private static long rollup(long pid, String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
				if (line.startsWith(field + ":")) {
					return Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
			return 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** Runs {@code jcmd <pid> <command>} and returns what it printed; errors if it failed. */
	public static String jcmd(long pid, String command) throws IOException, InterruptedException {
		Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
		Process process = new ProcessBuilder(java.resolveSibling("jcmd").toString(), String.valueOf(pid), command)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("jcmd " + pid + " " + command + " failed:\n" + output);
		}
		return output;
	}
}
