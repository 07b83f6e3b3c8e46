package io.analytips.replica;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * This replica's settings ({@code analytips.replica.*}; defaults in application.yml).
 *
 * @param id {@code REPLICA_ID}: the replica's name in {@code replicas}, health, metrics ({@code replica} tag)
 *        and {@code /status}; blank takes {@code HOSTNAME} (set by Docker and Kubernetes to the container or
 *        pod), else this host's name and a random suffix, new at every start
 * @param heartbeat how often the replica writes its heartbeat row; it counts as live while its row is
 *        younger than {@value Replicas#LIVE_HEARTBEATS} heartbeats
 */
@Validated
@ConfigurationProperties("analytips.replica")
public record ReplicaProperties(@NotNull @Pattern(regexp = ID, message = "must be 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit") String id,
		@NotNull Duration heartbeat) {

	/** What an id may be: fits a metric label, a log field and a host name. */
	static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

	public ReplicaProperties {
		if (id == null || id.isBlank()) {
			id = defaultId(System::getenv, ReplicaProperties::hostName, ThreadLocalRandom.current().nextInt());
		}
		if (heartbeat != null && (heartbeat.compareTo(Duration.ofMillis(100)) < 0 || heartbeat.compareTo(Duration.ofMinutes(1)) > 0)) {
			throw new IllegalArgumentException("analytips.replica.heartbeat must be between 100ms and 1m");
		}
	}

	/**
	 * The id when {@code REPLICA_ID} is not given: {@code HOSTNAME} when set (made to fit {@link #ID}), else
	 * the host's name (or {@code analytips}) and six hex digits of {@code random}, so that two processes on
	 * one host differ.
	 */
	static String defaultId(UnaryOperator<String> environment, Supplier<String> hostName, int random) {
		String hostname = fit(environment.apply("HOSTNAME"));
		if (!hostname.isEmpty()) {
			return hostname;
		}
		String host = fit(hostName.get());
		String suffix = HexFormat.of().toHexDigits(random).substring(2);
		return (host.isEmpty() ? "analytips" : host.length() > 100 ? host.substring(0, 100) : host) + "-" + suffix;
	}

	/** The name with what {@link #ID} refuses replaced by '-', and trimmed to 128; empty for none. */
	private static String fit(String name) {
		if (name == null) {
			return "";
		}
		String fitted = name.strip().replaceAll("[^A-Za-z0-9._:-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
		return fitted.length() > 128 ? fitted.substring(0, 128) : fitted;
	}

	/**
	 * The kernel's host name, read from a file rather than {@code InetAddress.getLocalHost()}, which may
	 * wait for a DNS lookup; null when there is none to read (not Linux).
	 */
	private static String hostName() {
		for (String file : new String[] { "/proc/sys/kernel/hostname", "/etc/hostname" }) {
			try {
				Path path = Path.of(file);
				if (Files.isReadable(path)) {
					return Files.readString(path).strip();
				}
			}
			catch (IOException | RuntimeException unreadable) {
				// Try the next one; the id then falls back to "analytips" and its random suffix.
			}
		}
		return null;
	}
}
