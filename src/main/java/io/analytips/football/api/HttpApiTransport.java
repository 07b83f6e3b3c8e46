package io.analytips.football.api;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.analytips.common.HttpClients;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The real transport: a GET with the {@code x-apisports-key} header, over its own connection pool of
 * {@link #MAX_CONNECTIONS} connections and at most {@link #MAX_PENDING} requests waiting for one; a request
 * beyond them fails at once as a {@link ApiFootballException.Kind#NETWORK} failure (never sent, retried). The
 * bulkhead in front ({@code analytips.football.max-concurrent-calls}, 5) keeps both far from full.
 */
public final class HttpApiTransport implements ApiTransport, DisposableBean {

	private static final int MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

	static final int MAX_CONNECTIONS = 50;

	static final int MAX_PENDING = 50;

	private final ConnectionProvider connections;

	private final WebClient web;

	private final String base;

	private final String key;

	public HttpApiTransport(URI url, String key) {
		this(url, key, MAX_CONNECTIONS, MAX_PENDING);
	}

	HttpApiTransport(URI url, String key, int maxConnections, int maxPending) {
		HttpClients.Pooled client = HttpClients.pooled("api-football", maxConnections, maxPending,
				Duration.ofSeconds(5), MAX_RESPONSE_BYTES);
		this.connections = client.connections();
		this.web = client.web();
		this.base = url.toString().replaceAll("/+$", "");
		this.key = key == null ? "" : key;
	}

	@Override
	public Mono<RawResponse> exchange(ApiRequest request) {
		return web.get()
			.uri(URI.create(base + request.pathAndQuery()))
			.header("x-apisports-key", key)
			.exchangeToMono(response -> response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).map(body -> {
				Map<String, String> headers = new HashMap<>();
				response.headers().asHttpHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
				return new RawResponse(response.statusCode().value(), headers, body);
			}))
			.onErrorMap(error -> !(error instanceof ApiFootballException), error -> failure(request, error));
	}

	private static ApiFootballException failure(ApiRequest request, Throwable error) {
		Throwable cause = HttpClients.transportCause(error);
		return new ApiFootballException(ApiFootballException.Kind.NETWORK,
				request.path() + ": " + HttpClients.describe(cause), cause);
	}

	@Override
	public void destroy() {
		connections.dispose();
	}
}
