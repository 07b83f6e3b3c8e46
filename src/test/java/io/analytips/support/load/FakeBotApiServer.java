package io.analytips.support.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import io.analytips.support.FakeBot;
import io.analytips.support.FakeBotApi;
import io.analytips.support.Updates;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link FakeBotApi}s in a JVM of their own, so that a benchmarked bot competes with a fake that
 * costs the same whichever bot it serves, and not with the benchmark's own JVM. Started by
 * {@link FakeBotApiProcess}, serving until its standard input closes, in one of two shapes:
 * <ul>
 * <li>{@code <n>}: {@code n} fakes, each one bot ({@link FakeBotApi#TOKEN}); prints
 * {@code READY <control port> <fake url>...};</li>
 * <li>{@code --bots <n>}: one fake serving {@code n} bots ({@link FakeBotApi#addBot}), with distinct tokens shaped
 * as @BotFather's ({@link #token}) and usernames {@code multibench<i>_bot}; prints
 * {@code READY <control port> <fake url> <token>...}.</li>
 * </ul>
 * The control port drives load on target {@code n} (0-based: a fake, or a bot of the one fake) and reports it,
 * timing everything on this JVM's clock:
 * <ul>
 * <li>{@code POST /n/burst?first=&users=&count=&texts=} (or {@code /b/n/burst}): queues {@code count} updates at once,
 * from users {@code first}, {@code first + 1}…, round robin over {@code users}, each user's k-th update with the
 * k-th of the comma-separated {@code texts};</li>
 * <li>{@code POST /n/open?…&rate=}: the same, one update every {@code 1/rate} s (open loop: latency counts from
 * when an update was due, so a late bot cannot slow the load down); {@code seconds=} may stand for {@code count}
 * ({@code rate × seconds});</li>
 * <li>{@code POST /n/window?…&window=}: the same, as fast as replies come back, never more than
 * {@code window} unanswered;</li>
 * <li>{@code GET /n/run}: the current run's counts, replies per second and latency percentiles;</li>
 * <li>{@code POST /all/<kind>?…}: the same load on every target at once, target {@code i} from its own users
 * ({@code first + i × users} on); open loops start staggered by {@code 1/(rate × targets)} s, so that the
 * targets' updates together arrive evenly;</li>
 * <li>{@code GET /all/run}: every target's run together ({@link LoadRuns}); {@code ?brief=true} gives the counts
 * alone, cheap enough to poll.</li>
 * </ul>
 */
public final class FakeBotApiServer {

	private final List<FakeBotApi> fakes = new ArrayList<>();

	/** Where target {@code i}'s updates go. */
	private final List<Consumer<ObjectNode>> targets = new ArrayList<>();

	private final List<String> tokens = new ArrayList<>();

	private final AtomicReferenceArray<LoadRun> runs;

	private FakeBotApiServer(int count, boolean bots) {
		this.runs = new AtomicReferenceArray<>(count);
		if (bots) {
			FakeBotApi fake = FakeBotApi.start().lean();
			Map<String, Integer> indexOf = new HashMap<>();
			for (int i = 0; i < count; i++) {
				FakeBot bot = fake.addBot(token(i), "multibench" + i + "_bot");
				indexOf.put(bot.token(), i);
				tokens.add(bot.token());
				targets.add(bot::enqueue);
			}
			fake.onMessage(call -> replied(indexOf.getOrDefault(call.token(), -1), call));
			fakes.add(fake);
			return;
		}
		for (int i = 0; i < count; i++) {
			int index = i;
			FakeBotApi fake = FakeBotApi.start().lean();
			fake.onMessage(call -> replied(index, call));
			fakes.add(fake);
			targets.add(fake::enqueue);
		}
	}

	/**
	 * The token of bot {@code i} in {@code --bots} mode: as @BotFather's, an id of its own (9 digits), a colon and 35
	 * characters.
	 */
	static String token(int i) {
		String secret = "AAmultiBotBench" + "0".repeat(35);
		String index = String.valueOf(i);
		return (600_000_000L + i) + ":" + secret.substring(0, 35 - index.length()) + index;
	}

	private void replied(int index, FakeBotApi.Call call) {
		LoadRun run = index < 0 ? null : runs.get(index);
		Long chat = call.chatId();
		if (run != null && chat != null) {
			run.replied(chat, System.nanoTime(), isOverloadNotice(call.text()));
		}
	}

	/**
	 * Whether a reply is the bot saying it is overloaded (either language's {@code notice.overloaded}): the update it
	 * answers was refused, not handled, and a run counts it apart ({@code refused}).
	 */
	static boolean isOverloadNotice(String text) {
		return text != null && (text.contains("temporariamente sobrecarregado") || text.contains("temporarily overloaded"));
	}

	public static void main(String[] args) throws IOException {
		boolean bots = args[0].equals("--bots");
		FakeBotApiServer server = new FakeBotApiServer(Integer.parseInt(args[bots ? 1 : 0]), bots);
		// first match wins: the /all and /b routes before the ones whose first segment is any index
		DisposableServer control = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route(routes -> routes.post("/all/{kind}", server::startAll)
				.get("/all/run", server::reportAll)
				.post("/b/{fake}/{kind}", server::start)
				.get("/b/{fake}/run", server::report)
				.post("/{fake}/{kind}", server::start)
				.get("/{fake}/run", server::report))
			.bindNow();
		StringBuilder ready = new StringBuilder("READY ").append(control.port());
		server.fakes.forEach(fake -> ready.append(' ').append(fake.url()));
		server.tokens.forEach(token -> ready.append(' ').append(token));
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
		load(index, request.param("kind"), parameters, parameters.number("first"), 0, System.nanoTime());
		return response.status(202).send();
	}

	private Mono<Void> startAll(HttpServerRequest request, HttpServerResponse response) {
		Parameters parameters = Parameters.of(request.uri());
		String kind = request.param("kind");
		long first = parameters.number("first");
		long users = parameters.number("users");
		long stagger = kind.equals("open") ? 1_000_000_000L / (parameters.number("rate") * targets.size()) : 0;
		long started = System.nanoTime();
		for (int i = 0; i < targets.size(); i++) {
			load(i, kind, parameters, first + i * users, i * stagger, started);
		}
		return response.status(202).send();
	}

	/** Starts a run on target {@code index}: its updates from users {@code first} on, due from {@code started + offset}. */
	private void load(int index, String kind, Parameters parameters, long first, long offset, long started) {
		int users = (int) parameters.number("users");
		int count = parameters.has("count") ? (int) parameters.number("count")
				: (int) (parameters.number("rate") * parameters.number("seconds"));
		String[] texts = parameters.text("texts").split(",");
		LoadRun run = new LoadRun(count);
		runs.set(index, run);
		Consumer<ObjectNode> target = targets.get(index);
		Pacing pacing = switch (kind) {
			case "burst" -> Pacing.none();
			case "open" -> Pacing.rate(parameters.number("rate"));
			case "window" -> Pacing.window(run, (int) parameters.number("window"));
			default -> throw new IllegalArgumentException(kind);
		};
		Thread load = new Thread(() -> {
			for (int i = 0; i < count; i++) {
				long due = pacing.await(started + offset, i);
				long user = first + i % users;
				run.sent(user, due);
				target.accept(Updates.command(user, texts[(i / users) % texts.length]));
			}
		}, "load-" + index);
		load.setDaemon(true);
		load.start();
	}

	private Mono<Void> report(HttpServerRequest request, HttpServerResponse response) {
		LoadRun run = runs.get(Integer.parseInt(request.param("fake")));
		return json(response, run == null ? "{}" : run.json());
	}

	private Mono<Void> reportAll(HttpServerRequest request, HttpServerResponse response) {
		List<LoadRun> all = new ArrayList<>();
		for (int i = 0; i < runs.length(); i++) {
			all.add(runs.get(i));
		}
		boolean brief = Parameters.of(request.uri()).values().containsKey("brief");
		return json(response, brief ? LoadRuns.counts(all) : LoadRuns.json(all));
	}

	private static Mono<Void> json(HttpServerResponse response, String json) {
		return response.header("Content-Type", "application/json").sendString(Mono.just(json)).then();
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
	private record Parameters(Map<String, String> values) {

		static Parameters of(String uri) {
			Map<String, String> values = new HashMap<>();
			int query = uri.indexOf('?');
			if (query >= 0) {
				for (String pair : uri.substring(query + 1).split("&")) {
					int equals = pair.indexOf('=');
					values.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? ""
							: java.net.URLDecoder.decode(pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8));
				}
			}
			return new Parameters(values);
		}

		boolean has(String name) {
			return values.containsKey(name);
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
