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

	/** What G1 (the jar's collector) prints for the whole heap. */
	private static final Pattern G1_USED = Pattern.compile("garbage-first heap\\s+total (\\d+)K, used (\\d+)K");

	private JvmMemory() {
	}

	/** Runs a full GC in {@code pid} and returns the heap in use after it, in kB; errors without a G1 heap figure. */
	public static long heapAfterGcKb(long pid) throws IOException, InterruptedException {
		jcmd(pid, "GC.run");
		String info = jcmd(pid, "GC.heap_info");
		Matcher used = G1_USED.matcher(info);
		if (!used.find()) {
			throw new IllegalStateException("no G1 heap figure from jcmd " + pid + " GC.heap_info:\n" + info);
		}
		return Long.parseLong(used.group(2));
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

	private static String jcmd(long pid, String command) throws IOException, InterruptedException {
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
