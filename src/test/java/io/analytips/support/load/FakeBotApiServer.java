package io.analytips.support.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

import io.analytips.support.FakeBotApi;
import io.analytips.support.Updates;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * {@link FakeBotApi}s in a JVM of their own, so that a benchmarked bot competes with a fake that
 * costs the same whichever bot it serves, and not with the benchmark's own JVM. Started by
 * {@link FakeBotApiProcess} with the number of fakes as argument; prints
 * {@code READY <control port> <fake url>...} and serves until its standard input closes.
 * <p>
 * The control port drives load on fake {@code n} (0-based) and reports it, timing everything on
 * this JVM's clock:
 * <ul>
 * <li>{@code POST /n/burst?first=&users=&count=&texts=}: queues {@code count} updates at once, from
 * users {@code first}, {@code first + 1}…, round robin over {@code users}, each user's k-th update
 * with the k-th of the comma-separated {@code texts};</li>
 * <li>{@code POST /n/open?…&rate=}: the same, one update every {@code 1/rate} s (open loop: latency
 * counts from when an update was due, so a late bot cannot slow the load down);</li>
 * <li>{@code POST /n/window?…&window=}: the same, as fast as replies come back, never more than
 * {@code window} unanswered;</li>
 * <li>{@code GET /n/run}: the current run's counts, replies per second and latency percentiles.</li>
 * </ul>
 */
public final class FakeBotApiServer {

	private final List<FakeBotApi> fakes = new ArrayList<>();

	private final AtomicReferenceArray<LoadRun> runs;

	private FakeBotApiServer(int count) {
		this.runs = new AtomicReferenceArray<>(count);
		for (int i = 0; i < count; i++) {
			int index = i;
			FakeBotApi fake = FakeBotApi.start().lean();
			fake.onMessage(call -> {
				LoadRun run = runs.get(index);
				Long chat = call.chatId();
				if (run != null && chat != null) {
					run.replied(chat, System.nanoTime());
				}
			});
			fakes.add(fake);
		}
	}

	public static void main(String[] args) throws IOException {
		FakeBotApiServer server = new FakeBotApiServer(Integer.parseInt(args[0]));
		DisposableServer control = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route(routes -> routes.post("/{fake}/{kind}", server::start).get("/{fake}/run", server::report))
			.bindNow();
		StringBuilder ready = new StringBuilder("READY ").append(control.port());
		server.fakes.forEach(fake -> ready.append(' ').append(fake.url()));
		System.out.println(ready);
		System.out.flush();
		while (System.in.read() >= 0) {
			// serves until the benchmark closes our standard input (or dies)
		}
		control.disposeNow();
		server.fakes.forEach(FakeBotApi::close);
	}

	private Mono<Void> start(HttpServerRequest request, HttpServerResponse response) {
		int index = Integer.parseInt(request.param("fake"));
		Parameters parameters = Parameters.of(request.uri());
		long first = parameters.number("first");
		int users = (int) parameters.number("users");
		int count = (int) parameters.number("count");
		String[] texts = parameters.text("texts").split(",");
		LoadRun run = new LoadRun(count);
		runs.set(index, run);
		FakeBotApi fake = fakes.get(index);
		Pacing pacing = switch (request.param("kind")) {
			case "burst" -> Pacing.none();
			case "open" -> Pacing.rate(parameters.number("rate"));
			case "window" -> Pacing.window(run, (int) parameters.number("window"));
			default -> throw new IllegalArgumentException(request.uri());
		};
		Thread load = new Thread(() -> {
			long started = System.nanoTime();
			for (int i = 0; i < count; i++) {
				long due = pacing.await(started, i);
				long user = first + i % users;
				run.sent(user, due);
				fake.enqueue(Updates.command(user, texts[(i / users) % texts.length]));
			}
		}, "load-" + index);
		load.setDaemon(true);
		load.start();
		return response.status(202).send();
	}

	private Mono<Void> report(HttpServerRequest request, HttpServerResponse response) {
		LoadRun run = runs.get(Integer.parseInt(request.param("fake")));
		return response.header("Content-Type", "application/json")
			.sendString(Mono.just(run == null ? "{}" : run.json()))
			.then();
	}

	/** When the i-th update of a run goes out; returns the instant it counts from. */
	private interface Pacing {

		long await(long started, int i);

		static Pacing none() {
			return (started, i) -> System.nanoTime();
		}

		static Pacing rate(long perSecond) {
			return (started, i) -> {
				long due = started + i * 1_000_000_000L / perSecond;
				for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
					LockSupport.parkNanos(wait);
				}
				return due;
			};
		}

		static Pacing window(LoadRun run, int window) {
			return (started, i) -> {
				while (run.outstanding() >= window) {
					LockSupport.parkNanos(200_000);
				}
				return System.nanoTime();
			};
		}
	}

	/** The query parameters of a control request. */
	private record Parameters(java.util.Map<String, String> values) {

		static Parameters of(String uri) {
			java.util.Map<String, String> values = new java.util.HashMap<>();
			int query = uri.indexOf('?');
			if (query >= 0) {
				for (String pair : uri.substring(query + 1).split("&")) {
					int equals = pair.indexOf('=');
					values.put(pair.substring(0, equals),
							java.net.URLDecoder.decode(pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8));
				}
			}
			return new Parameters(values);
		}

		long number(String name) {
			return Long.parseLong(text(name));
		}

		String text(String name) {
			String value = values.get(name);
			if (value == null) {
				throw new IllegalArgumentException("missing " + name);
			}
			return value;
		}
	}
}
