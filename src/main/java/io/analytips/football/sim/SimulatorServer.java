package io.analytips.football.sim;

import java.util.Map;
import java.util.TreeMap;

import io.analytips.football.api.ApiRequest;
import io.analytips.football.api.RawResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The simulator over HTTP (Reactor Netty): in-process for tests, the demo and benchmarks, or on
 * its own port ({@code java -jar analytips.jar --simulator --port=8081}). Accepts GETs on any
 * API-Football path, with the key in {@code x-apisports-key}; faults are injected and calls counted
 * through {@link SimulatorControl}'s {@code /_simulator/} paths.
 */
public final class SimulatorServer implements AutoCloseable {

	private final ApiFootballSimulator simulator;

	private final DisposableServer server;

	private SimulatorServer(ApiFootballSimulator simulator, DisposableServer server) {
		this.simulator = simulator;
		this.server = server;
	}

	/** Binds on {@code host:port} (port 0: any free port). Blocks until bound; call it at start-up. */
	public static SimulatorServer start(ApiFootballSimulator simulator, String host, int port) {
		DisposableServer server = HttpServer.create()
			.host(host)
			.port(port)
			.handle((request, response) -> serve(simulator, request, response))
			.bindNow();
		return new SimulatorServer(simulator, server);
	}

	private static Mono<Void> serve(ApiFootballSimulator simulator, HttpServerRequest request,
			HttpServerResponse response) {
		QueryStringDecoder decoded = new QueryStringDecoder(request.uri());
		Map<String, String> parameters = new TreeMap<>();
		decoded.parameters().forEach((name, values) -> parameters.put(name, values.get(0)));
		String path = decoded.path().replaceFirst("^/v3", "");
		ApiRequest apiRequest = new ApiRequest(path.isEmpty() ? "/" : path, new TreeMap<>(parameters));
		Mono<RawResponse> answered = SimulatorControl.handles(path)
				? Mono.fromSupplier(() -> SimulatorControl.handle(simulator, request.method().name(), path, parameters))
				: simulator.handle(apiRequest, request.requestHeaders().get("x-apisports-key"));
		return answered
			.flatMap(answer -> {
				answer.headers().forEach(response::header);
				return response.status(HttpResponseStatus.valueOf(answer.status()))
					.sendByteArray(Mono.just(answer.body()))
					.then();
			});
	}

	/** The base URL, for {@code API_FOOTBALL_URL}. */
	public String url() {
		return "http://" + server.host() + ":" + server.port();
	}

	public int port() {
		return server.port();
	}

	public ApiFootballSimulator simulator() {
		return simulator;
	}

	/** Blocks until the server is disposed (the standalone mode's main thread). */
	public void awaitShutdown() {
		server.onDispose().block();
	}

	@Override
	public void close() {
		server.disposeNow();
	}
}
