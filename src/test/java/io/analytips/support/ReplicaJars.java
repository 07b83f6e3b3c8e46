package io.analytips.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What the process tests of replicas share: packaged jars started under a replica name on one database, how each
 * says whether it leads, and their clean stop.
 */
public final class ReplicaJars {

	private ReplicaJars() {
	}

	/** Starts the jar as replica {@code name} ({@code REPLICA_ID}) in a working directory of its own. */
	public static JarProcess start(Map<String, String> environment, String name) {
		Map<String, String> own = new HashMap<>(environment);
		own.put("REPLICA_ID", name);
		return JarProcess.start(own, Scratch.directory("analytips-replica-" + name));
	}

	/** As {@link #start(Map, String)}, serving HTTP (health, webhook) on {@code port}. */
	public static JarProcess start(Map<String, String> environment, String name, int port) {
		Map<String, String> own = new HashMap<>(environment);
		own.put("SERVER_PORT", String.valueOf(port));
		return start(own, name);
	}

	/**
	 * As {@link #start(Map, String)}, calling {@code telegram} through {@link FakeBotApi#url(String)} under its own
	 * name, so that every call it makes is recorded as its own.
	 */
	public static JarProcess startTelling(Map<String, String> environment, FakeBotApi telegram, String name) {
		Map<String, String> own = new HashMap<>(environment);
		own.put("TELEGRAM_API_URL", telegram.url(name));
		return start(own, name);
	}

	/** Whether the replica has logged that it took the lead. */
	public static boolean leads(JarProcess replica) {
		return replica.text().contains("This replica leads");
	}

	/** Whether the replica has logged that it stands by for the lead. */
	public static boolean standingBy(JarProcess replica) {
		return replica.text().contains("Standing by");
	}

	/**
	 * Waits up to {@code atMost} for {@code condition}; returns whether it came true, so that a test measures and
	 * prints its figures before it asserts on them.
	 */
	public static boolean awaitOrGiveUp(Duration atMost, Callable<Boolean> condition) {
		try {
			Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(condition);
			return true;
		}
		catch (ConditionTimeoutException ex) {
			return false;
		}
	}

	/** A TCP port free at the moment. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops every live replica with SIGTERM, one after the other, and returns what went wrong (an exit code other
	 * than 0, or no exit within a minute), empty when all stopped cleanly.
	 */
	public static List<String> stopAll(List<JarProcess> replicas) throws InterruptedException {
		List<String> problems = new java.util.ArrayList<>();
		for (JarProcess replica : replicas) {
			if (replica.isAlive()) {
				replica.terminate();
				try {
					int code = replica.waitForExit(Duration.ofSeconds(60));
					if (code != 0) {
						problems.add("pid " + replica.pid() + " exited with " + code);
					}
				}
				catch (AssertionError ex) {
					problems.add("pid " + replica.pid() + " " + ex.getMessage());
				}
			}
		}
		return problems;
	}

	/** Ends every replica still running (SIGKILL): for a test's finally block. */
	public static void closeAll(List<JarProcess> replicas) {
		for (JarProcess replica : replicas) {
			replica.close();
		}
	}
}
