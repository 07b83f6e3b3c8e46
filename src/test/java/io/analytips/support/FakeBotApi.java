package io.analytips.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.analytips.telegram.TelegramJson;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-process fake of the Telegram Bot API over real HTTP (Reactor Netty, non-blocking): a
 * {@code getUpdates} long poll over a queue of updates with Telegram's offset semantics, the
 * sending methods (recorded with their arrival time), and scripted faults: any status with
 * {@code retry_after}, for a method and optionally one chat, a number of times; hangs; delays.
 */
public final class FakeBotApi implements AutoCloseable {

	/** Shaped as @BotFather's tokens are (the bot refuses others at start-up): an id, a colon, 35 characters. */
	public static final String TOKEN = "123456:TEST-token-for-the-fake-bot-api-000";

	private static final Pattern MULTIPART_CHAT = Pattern.compile("name=\"chat_id\"\\r\\n(?:[^\\r\\n]+\\r\\n)*?\\r\\n(-?\\d+)\\r\\n");

	/**
	 * One request the fake received: {@code via} names the client that sent it ({@link #url(String)}), empty for
	 * {@link #url()}.
	 */
	public record Call(String method, JsonNode body, long atNanos, String via) {

		public Long chatId() {
			JsonNode chat = body.get("chat_id");
			return chat == null ? null : chat.asLong();
		}

		public String text() {
			return body.path("text").asString(null);
		}
	}

	private final DisposableServer server;

	private final ConcurrentSkipListMap<Long, String> pending = new ConcurrentSkipListMap<>();

	private final Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();

	private final AtomicLong nextUpdateId = new AtomicLong(1);

	private final AtomicLong confirmedBelow = new AtomicLong();

	private final Sinks.Many<Long> arrivals = Sinks.many().multicast().directBestEffort();

	private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

	private final List<Rule> rules = new CopyOnWriteArrayList<>();

	private final AtomicInteger messageIds = new AtomicInteger(100);

	private volatile String acceptedToken = TOKEN;

	private volatile boolean recording = true;

	private volatile java.util.function.Consumer<Call> onMessage = call -> {
	};

	private FakeBotApi() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route(routes -> routes.post("/bot{token}/{method}", this::serve)
				.post("/via/{via}/bot{token}/{method}", this::serve))
			.bindNow();
	}

	public static FakeBotApi start() {
		return new FakeBotApi();
	}

	/** The base URL, for {@code TELEGRAM_API_URL}. */
	public String url() {
		return "http://127.0.0.1:" + server.port();
	}

	/**
	 * A base URL for one client of several (a replica): the same fake, with its calls recorded {@link Call#via} this
	 * name, so a test can tell who sent what.
	 */
	public String url(String via) {
		return url() + "/via/" + via;
	}

	/**
	 * Keeps no record of calls or deliveries (so {@link #calls()} stays empty): for load runs of millions of
	 * updates, where the record would outgrow the heap. {@link #onMessage} still sees every message.
	 */
	public FakeBotApi lean() {
		this.recording = false;
		return this;
	}

	/** Only this token is accepted; any other gets 401 Unauthorized. */
	public FakeBotApi acceptToken(String token) {
		this.acceptedToken = token;
		return this;
	}

	// ---- updates --------------------------------------------------------------------------

	/**
	 * Queues an update, assigning the next {@code update_id} unless it has one; returns the id.
	 * Assigning and queueing are one step, as at Telegram: otherwise a later id enqueued by another
	 * thread could be delivered and confirmed first, and the earlier one would then fall below the
	 * offset and be lost (seen: 7 of 20 000 in the pipeline benchmark's closed loop).
	 */
	public synchronized long enqueue(ObjectNode update) {
		long id;
		if (update.has("update_id")) {
			id = update.get("update_id").asLong();
			nextUpdateId.accumulateAndGet(id + 1, Math::max);
		}
		else {
			id = nextUpdateId.getAndIncrement();
			update.put("update_id", id);
		}
		pending.put(id, update.toString());
		signalArrival(id);
		return id;
	}

	/** Queues raw JSON as one element of the result array (may be malformed on purpose). */
	public synchronized void enqueueRaw(long sortKey, String json) {
		nextUpdateId.accumulateAndGet(sortKey + 1, Math::max);
		pending.put(sortKey, json);
		signalArrival(sortKey);
	}

	/** How many times an update was returned by {@code getUpdates}. */
	public int deliveriesOf(long updateId) {
		AtomicInteger count = deliveries.get(updateId);
		return count == null ? 0 : count.get();
	}

	/** Updates not yet confirmed by an offset. */
	public int unconfirmed() {
		return pending.tailMap(confirmedBelow.get()).size();
	}

	/** The highest offset a {@code getUpdates} call confirmed with. */
	public long confirmedOffset() {
		return confirmedBelow.get();
	}

	// ---- calls ------------------------------------------------------------------------------

	public List<Call> calls() {
		return new ArrayList<>(calls);
	}

	public List<Call> calls(String method) {
		return calls.stream().filter(call -> call.method().equals(method)).toList();
	}

	/** Messages sent ({@code sendMessage}). */
	public List<Call> messages() {
		return calls("sendMessage");
	}

	/** Messages sent through {@link #url(String) url(via)}. */
	public List<Call> messagesVia(String via) {
		return messages().stream().filter(call -> call.via().equals(via)).toList();
	}

	public List<Call> messagesTo(long chatId) {
		return messages().stream().filter(call -> Long.valueOf(chatId).equals(call.chatId())).toList();
	}

	public void clearCalls() {
		calls.clear();
	}

	/** Called (on a server thread; must not block) for every {@code sendMessage} received. */
	public void onMessage(java.util.function.Consumer<Call> listener) {
		this.onMessage = listener;
	}

	// ---- faults -----------------------------------------------------------------------------

	/** Scripts the next {@code times} calls of {@code method} (any chat) to fail. */
	public Rule when(String method) {
		Rule rule = new Rule(method);
		rules.add(rule);
		return rule;
	}

	public void clearRules() {
		rules.clear();
	}

	/** A scripted behaviour for matching calls. */
	public static final class Rule {

		private final String method;

		private volatile Predicate<JsonNode> matches = body -> true;

		private final AtomicInteger remaining = new AtomicInteger(Integer.MAX_VALUE);

		private volatile int status;

		private volatile String description;

		private volatile Integer retryAfter;

		private volatile boolean hang;

		private volatile Duration delay = Duration.ZERO;

		Rule(String method) {
			this.method = method;
		}

		public Rule forChat(long chatId) {
			this.matches = body -> body.path("chat_id").asLong(Long.MIN_VALUE) == chatId;
			return this;
		}

		public Rule times(int n) {
			remaining.set(n);
			return this;
		}

		public Rule respond(int status, String description) {
			this.status = status;
			this.description = description;
			return this;
		}

		public Rule retryAfter(int seconds) {
			this.status = 429;
			this.description = "Too Many Requests: retry after " + seconds;
			this.retryAfter = seconds;
			return this;
		}

		public Rule hang() {
			this.hang = true;
			return this;
		}

		public Rule delay(Duration delay) {
			this.delay = delay;
			return this;
		}

		boolean take(String calledMethod, JsonNode body) {
			if (!method.equals(calledMethod) || !matches.test(body)) {
				return false;
			}
			return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
		}
	}

	// ---- serving ------------------------------------------------------------------------------

	private Mono<Void> serve(HttpServerRequest request, HttpServerResponse response) {
		String method = request.param("method");
		String token = request.param("token");
		return request.receive().aggregate().asString().defaultIfEmpty("").flatMap(raw -> {
			JsonNode body = parse(request, raw);
			String via = request.param("via");
			Call call = new Call(method, body, System.nanoTime(), via == null ? "" : via);
			if (recording) {
				calls.add(call);
			}
			if (method.equals("sendMessage")) {
				onMessage.accept(call);
			}
			if (!acceptedToken.equals(token)) {
				return send(response, 401, error(401, "Unauthorized", null));
			}
			for (Rule rule : rules) {
				if (rule.take(method, body)) {
					if (rule.hang) {
						return Mono.never();
					}
					Mono<Void> delay = rule.delay.isZero() ? Mono.empty() : Mono.delay(rule.delay).then();
					if (rule.status == 0) {
						return delay.then(answer(method, body, response));
					}
					return delay.then(send(response, rule.status, error(rule.status, rule.description, rule.retryAfter)));
				}
			}
			return answer(method, body, response);
		});
	}

	private JsonNode parse(HttpServerRequest request, String raw) {
		String contentType = request.requestHeaders().get("Content-Type", "");
		if (contentType.startsWith("multipart/")) {
			ObjectNode node = TelegramJson.mapper().createObjectNode();
			Matcher chat = MULTIPART_CHAT.matcher(raw);
			if (chat.find()) {
				node.put("chat_id", Long.parseLong(chat.group(1)));
			}
			node.put("multipart", raw);
			return node;
		}
		return raw.isBlank() ? TelegramJson.mapper().createObjectNode() : TelegramJson.mapper().readTree(raw);
	}

	private Mono<Void> answer(String method, JsonNode body, HttpServerResponse response) {
		return switch (method) {
			case "getUpdates" -> getUpdates(body).flatMap(result -> result == CONFLICT
					? send(response, 409, "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by other"
							+ " getUpdates request; make sure that only one bot instance is running\"}")
					: send(response, 200, ok(result)));
			case "getMe" -> send(response, 200, ok("{\"id\":123456,\"is_bot\":true,\"first_name\":\"Analytips\",\"username\":\"analytips_test_bot\"}"));
			case "sendMessage", "editMessageText", "sendDocument" -> send(response, 200, ok(sentMessage(body)));
			case "getWebhookInfo" -> send(response, 200, ok("{\"url\":\"\",\"pending_update_count\":" + unconfirmed() + "}"));
			default -> send(response, 200, ok("true"));
		};
	}

	/**
	 * As at Telegram, a {@code getUpdates} ends the one still waiting with 409 Conflict (two pollers of one bot), which
	 * {@link #conflicts()} counts.
	 */
	private Mono<String> getUpdates(JsonNode body) {
		Sinks.Empty<Void> mine = Sinks.empty();
		Sinks.Empty<Void> before = waitingPoll.getAndSet(mine);
		if (before != null && before.tryEmitEmpty().isSuccess()) {
			conflicts.incrementAndGet();
		}
		return waitForUpdates(body)
			.takeUntilOther(mine.asMono())
			.switchIfEmpty(Mono.just(CONFLICT))
			.doFinally(signal -> waitingPoll.compareAndSet(mine, null));
	}

	/** How many waiting {@code getUpdates} calls another one ended with 409. */
	public int conflicts() {
		return conflicts.get();
	}

	private Mono<String> waitForUpdates(JsonNode body) {
		long offset = body.path("offset").asLong(0);
		int limit = body.path("limit").asInt(100);
		int timeout = body.path("timeout").asInt(0);
		if (offset > 0) {
			confirmedBelow.accumulateAndGet(offset, Math::max);
			pending.headMap(offset).clear();
		}
		// Subscribe to arrivals before looking, so an update queued in between is not missed.
		return Flux.merge(arrivals.asFlux(), Mono.just(0L))
			.map(any -> batch(offset, limit))
			.filter(batch -> !batch.equals("[]"))
			.next()
			.timeout(Duration.ofSeconds(timeout), Mono.fromSupplier(() -> batch(offset, limit)));
	}

	/** Marks a poll ended by another: answered 409. */
	private static final String CONFLICT = new String("conflict");

	private final java.util.concurrent.atomic.AtomicReference<Sinks.Empty<Void>> waitingPoll =
			new java.util.concurrent.atomic.AtomicReference<>();

	private final AtomicInteger conflicts = new AtomicInteger();

	private String batch(long offset, int limit) {
		StringBuilder json = new StringBuilder("[");
		int n = 0;
		for (Map.Entry<Long, String> entry : pending.tailMap(offset).entrySet()) {
			if (n == limit) {
				break;
			}
			if (n++ > 0) {
				json.append(',');
			}
			json.append(entry.getValue());
			if (recording) {
				deliveries.computeIfAbsent(entry.getKey(), id -> new AtomicInteger()).incrementAndGet();
			}
		}
		return json.append(']').toString();
	}

	private String sentMessage(JsonNode body) {
		long chatId = body.path("chat_id").asLong();
		ObjectNode message = TelegramJson.mapper().createObjectNode();
		message.put("message_id", body.has("message_id") ? body.get("message_id").asInt() : messageIds.incrementAndGet());
		message.put("date", 1_700_000_000L);
		ObjectNode chat = message.putObject("chat");
		chat.put("id", chatId);
		chat.put("type", chatId < 0 ? "supergroup" : "private");
		if (body.has("text")) {
			message.set("text", body.get("text"));
		}
		return message.toString();
	}

	private void signalArrival(long id) {
		synchronized (arrivals) { // a few nanoseconds; serialises emissions from concurrent requests
			arrivals.tryEmitNext(id);
		}
	}

	private static String ok(String result) {
		return "{\"ok\":true,\"result\":" + result + "}";
	}

	private static String error(int code, String description, Integer retryAfter) {
		ObjectNode error = TelegramJson.mapper().createObjectNode();
		error.put("ok", false);
		error.put("error_code", code);
		error.put("description", description);
		if (retryAfter != null) {
			error.putObject("parameters").put("retry_after", retryAfter);
		}
		return error.toString();
	}

	private static Mono<Void> send(HttpServerResponse response, int status, String json) {
		return response.status(HttpResponseStatus.valueOf(status))
			.header("Content-Type", "application/json")
			.sendString(Mono.just(json))
			.then();
	}

	@Override
	public void close() {
		server.disposeNow();
	}
}
