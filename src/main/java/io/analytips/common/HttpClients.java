package io.analytips.common;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/** The one way our clients of other services (Telegram, API-Football) are built, and read their failures. */
public final class HttpClients {

	private HttpClients() {
	}

	/**
	 * Whether {@code url} can be the base URL of a service we call: absolute, {@code http} or {@code https}, with a
	 * host. ({@code URI} also takes "api.telegram.org" or "https//x", which only fail at the first call.)
	 */
	public static boolean isHttpUrl(URI url) {
		return url != null && url.isAbsolute() && url.getHost() != null
				&& ("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()));
	}

	/**
	 * A {@link WebClient} on a connection pool of its own, so one service's stalls never take another's
	 * connections: at most {@code maxConnections}, at most {@code maxPending} requests waiting for one (beyond
	 * them a request fails at once, never sent), idle connections closed after 30 s and evicted in the background.
	 * Dispose {@link Pooled#connections()} when done.
	 */
	public static Pooled pooled(String name, int maxConnections, int maxPending, Duration connectTimeout,
			int maxResponseBytes) {
		ConnectionProvider connections = ConnectionProvider.builder(name)
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(maxPending)
			.maxIdleTime(Duration.ofSeconds(30))
			.evictInBackground(Duration.ofSeconds(60))
			.build();
		HttpClient http = HttpClient.create(connections)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis());
		WebClient web = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(maxResponseBytes))
			.build();
		return new Pooled(connections, http, web);
	}

	/**
	 * A client and the pool it owns: Reactor Netty's {@code http} for the hot paths, where WebClient's
	 * layers cost a tenth of the bot's CPU under load, and a {@code web} client on the same pool for the
	 * rest (multipart uploads, Spring's codecs).
	 */
	public record Pooled(ConnectionProvider connections, HttpClient http, WebClient web) {
	}

	/**
	 * The cause that explains a transport failure: the first in the chain saying the request never reached the
	 * server (no connection, unknown host), else the deepest.
	 */
	public static Throwable transportCause(Throwable error) {
		Throwable cause = error;
		while (cause.getCause() != null && cause.getCause() != cause
				&& !(cause instanceof ConnectException || cause instanceof UnknownHostException)) {
			cause = cause.getCause();
		}
		return cause;
	}

	/** "ClassName: message", or the class name alone when there is no message. */
	public static String describe(Throwable cause) {
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
	}
}
