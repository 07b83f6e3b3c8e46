package io.analytips.support.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What a packaged jar's JVM has allocated and paused for GC so far, read from its {@code /actuator/prometheus}
 * (Micrometer's {@code jvm.gc.memory.allocated}, counted at each collection, and {@code jvm.gc.pause}). Unlike
 * replies per second these do not move with the shared machine's load, so they show a per-update cut that a
 * burst's rate is too noisy to show.
 */
public final class JvmCounters {

	/** The counters at one moment: bytes allocated (young generation, up to the last collection) and GC pause time. */
	public record Reading(double allocatedBytes, double gcPauseSeconds) {
	}

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI prometheus;

	public JvmCounters(int port) {
		this.prometheus = URI.create("http://127.0.0.1:" + port + "/actuator/prometheus");
	}

	public Reading read() {
		try {
			String body = http.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(30)).GET().build(),
					HttpResponse.BodyHandlers.ofString()).body();
			return parse(body);
		}
		catch (IOException ex) {
			throw new IllegalStateException("the jar's metrics did not answer at " + prometheus, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Sums each metric over its labels (one line per collector and cause for the pauses). */
	static Reading parse(String exposition) {
		double allocated = 0;
		double pauses = 0;
		for (String line : exposition.split("\n")) {
			if (line.startsWith("jvm_gc_memory_allocated_bytes_total")) {
				allocated += value(line);
			}
			else if (line.startsWith("jvm_gc_pause_seconds_sum")) {
				pauses += value(line);
			}
		}
		return new Reading(allocated, pauses);
	}

	private static double value(String line) {
		// "name value" or "name{labels} value [timestamp]"; label values may hold spaces
		String rest = line.indexOf('{') >= 0 ? line.substring(line.lastIndexOf('}') + 1) : line.substring(line.indexOf(' '));
		return Double.parseDouble(rest.trim().split("\\s+")[0]);
	}
}
