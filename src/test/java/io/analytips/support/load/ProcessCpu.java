package io.analytips.support.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time of processes from {@code /proc/<pid>/stat} (user plus system, in milliseconds; 0 where
 * there is no {@code /proc}): of one process, or of a PostgreSQL server with all its backends.
 */
public final class ProcessCpu {

	private ProcessCpu() {
	}

	/** The CPU time {@code pid} has used so far; 0 once it is gone. */
	public static long millis(long pid) {
		return fields(pid).map(fields -> (fields[0] + fields[1]) * 10).orElse(0L);
	}

	/**
	 * The CPU time a PostgreSQL server has used so far: its postmaster, the backends and workers alive now, and
	 * (through the postmaster's children's times) those that have ended.
	 */
	public static long postgresMillis(ProcessHandle postmaster) {
		long own = fields(postmaster.pid()).map(f -> (f[0] + f[1] + f[2] + f[3]) * 10).orElse(0L);
		return own + postmaster.descendants().mapToLong(process -> millis(process.pid())).sum();
	}

	/** The postmaster of the PostgreSQL server whose data directory is {@code dataDirectory}, if one runs. */
	public static Optional<ProcessHandle> postmasterOf(Path dataDirectory) {
		String directory = dataDirectory.toAbsolutePath().normalize().toString();
		return ProcessHandle.allProcesses()
			.filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
			.filter(process -> process.info().arguments().map(args -> String.join(" ", args).contains(directory))
				.orElse(false))
			.filter(process -> process.parent()
				.flatMap(parent -> parent.info().command())
				.map(command -> !command.endsWith("/postgres"))
				.orElse(true))
			.findFirst();
	}

	/** utime, stime, cutime and cstime, in clock ticks (USER_HZ, 100 on Linux). */
	private static Optional<long[]> fields(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			// the command name (field 2) may hold spaces: count fields after its closing parenthesis
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Optional.of(new long[] { Long.parseLong(fields[11]), Long.parseLong(fields[12]),
					Long.parseLong(fields[13]), Long.parseLong(fields[14]) });
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}
}
