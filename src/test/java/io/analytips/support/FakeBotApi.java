package io.analytips.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.analytips.telegram.TelegramJson;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
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
 * <p>
 * Its single-token methods ({@link #enqueue}, {@link #when}, ...) are those of its default bot, which answers
 * {@link #TOKEN} (or the token of {@link #acceptToken}). Several bots on one fake: {@link #addBot} gives each token
 * its own {@link FakeBot} (queue, offset, {@code getMe}, calls, faults, {@link FakeBot#revoke revocation}). Any
 * other token is answered 401 Unauthorized.
 */
public final class FakeBotApi implements AutoCloseable {

	/** Shaped as @BotFather's tokens are (the bot refuses others at start-up): an id, a colon, 35 characters. */
	public static final String TOKEN = "123456:TEST-token-for-the-fake-bot-api-000";

	/** What the default bot's {@code getMe} answers. */
	public static final String DEFAULT_USERNAME = "analytips_test_bot";

	/**
	 * One request the fake received: {@code via} names the client that sent it ({@link #url(String)}), empty for
	 * {@link #url()}; {@code token} is the token in its URL.
	 */
	public record Call(String method, JsonNode body, long atNanos, String via, String token) {

		public Long chatId() {
			JsonNode chat = body.get("chat_id");
			return chat == null ? null : chat.asLong();
		}

		public String text() {
			return body.path("text").asString(null);
		}
	}

	private final DisposableServer server;

	private final FakeBot defaultBot = new FakeBot(TOKEN, 123456, DEFAULT_USERNAME, this);

	private final Map<String, FakeBot> added = new ConcurrentHashMap<>();

	private final RecordedCalls calls = new RecordedCalls();

	private volatile String acceptedToken = TOKEN;

	private volatile boolean recording = true;

	private volatile Consumer<Call> onMessage = call -> {
	};

	private FakeBotApi() {
		// Jackson builds its deserializers on first use under a lock, which BlockHound refuses on a server thread
		// when two first requests meet (a 500 that made a bot's getMe look refused): built here instead.
		TelegramJson.mapper().readTree("{\"warm\":[1]}");
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

	boolean recording() {
		return recording;
	}

	/** The default bot answers only this token (not {@link #TOKEN}); added bots answer theirs; any other gets 401. */
	public FakeBotApi acceptToken(String token) {
		this.acceptedToken = token;
		return this;
	}

	// ---- bots ---------------------------------------------------------------------------------

	/**
	 * A bot of its own for {@code token}: its {@code getMe} answers the id before the token's colon and
	 * {@code username}. Errors if the token is not shaped {@code <id>:<secret>} or has a bot already.
	 */
	public FakeBot addBot(String token, String username) {
		int colon = token.indexOf(':');
		if (colon <= 0 || !token.substring(0, colon).matches("\\d+")) {
			throw new IllegalArgumentException("a token is <bot id>:<secret>, not " + token);
		}
		if (token.equals(acceptedToken)) {
			throw new IllegalArgumentException("the default bot answers " + token);
		}
		FakeBot bot = new FakeBot(token, Long.parseLong(token.substring(0, colon)), username, this);
		if (added.putIfAbsent(token, bot) != null) {
			throw new IllegalArgumentException("a bot answers " + token + " already");
		}
		return bot;
	}

	/** The bot that answers {@code token}: one {@link #addBot added}, or the default bot; errors for any other. */
	public FakeBot bot(String token) {
		FakeBot bot = botOf(token);
		if (bot == null) {
			throw new IllegalArgumentException("no bot answers " + token);
		}
		return bot;
	}

	/** The bot of the single-token methods. */
	public FakeBot defaultBot() {
		return defaultBot;
	}

	private FakeBot botOf(String token) {
		FakeBot bot = added.get(token);
		return bot != null ? bot : acceptedToken.equals(token) ? defaultBot : null;
	}

	// ---- the default bot's updates ----------------------------------------------------------

	/** Queues an update for the default bot: {@link FakeBot#enqueue}. */
	public long enqueue(ObjectNode update) {
		return defaultBot.enqueue(update);
	}

	/** Queues raw JSON for the default bot (may be malformed on purpose). */
	public void enqueueRaw(long sortKey, String json) {
		defaultBot.enqueueRaw(sortKey, json);
	}

	/** How many times the default bot's update was returned by {@code getUpdates}. */
	public int deliveriesOf(long updateId) {
		return defaultBot.deliveriesOf(updateId);
	}

	/** The default bot's updates not yet confirmed by an offset. */
	public int unconfirmed() {
		return defaultBot.unconfirmed();
	}

	/** The highest offset a {@code getUpdates} call of the default bot confirmed with. */
	public long confirmedOffset() {
		return defaultBot.confirmedOffset();
	}

	/** How many waiting {@code getUpdates} calls of the default bot another one ended with 409. */
	public int conflicts() {
		return defaultBot.conflicts();
	}

	// ---- calls (every token's) ------------------------------------------------------------------

	/** Every call received, whatever its token. */
	public List<Call> calls() {
		return calls.all();
	}

	public List<Call> calls(String method) {
		return calls.of(method);
	}

	/** Messages sent ({@code sendMessage}), whatever their token. */
	public List<Call> messages() {
		return calls.messages();
	}

	/** Messages sent through {@link #url(String) url(via)}. */
	public List<Call> messagesVia(String via) {
		return messages().stream().filter(call -> call.via().equals(via)).toList();
	}

	public List<Call> messagesTo(long chatId) {
		return calls.messagesTo(chatId);
	}

	/** Forgets the calls received (each bot's too). */
	public void clearCalls() {
		calls.clear();
		defaultBot.clearCalls();
		added.values().forEach(FakeBot::clearCalls);
	}

	/** Called (on a server thread; must not block) for every {@code sendMessage} received, whatever its token. */
	public void onMessage(Consumer<Call> listener) {
		this.onMessage = listener;
	}

	// ---- the default bot's faults -------------------------------------------------------------

	/** Scripts calls of {@code method} to the default bot (any chat, every time unless limited) to fail. */
	public FakeBotRule when(String method) {
		return defaultBot.when(method);
	}

	public void clearRules() {
		defaultBot.clearRules();
	}

	/** A status and its JSON body. */
	record Answer(int status, String json) {

		static Answer ok(String result) {
			return new Answer(200, "{\"ok\":true,\"result\":" + result + "}");
		}

		static Answer unauthorized() {
			return new Answer(401, FakeBotRule.error(401, "Unauthorized", null));
		}
	}

	// ---- serving ------------------------------------------------------------------------------

	private Mono<Void> serve(HttpServerRequest request, HttpServerResponse response) {
		String method = request.param("method");
		String token = request.param("token");
		return request.receive().aggregate().asString().defaultIfEmpty("").flatMap(raw -> {
			JsonNode body = CallBody.parse(request.requestHeaders().get("Content-Type", ""), raw);
			String via = request.param("via");
			Call call = new Call(method, body, System.nanoTime(), via == null ? "" : via, token);
			FakeBot bot = botOf(token);
			if (recording) {
				calls.add(call);
				if (bot != null) {
					bot.record(call);
				}
			}
			if (method.equals("sendMessage")) {
				onMessage.accept(call);
			}
			Mono<Answer> answer = bot == null ? Mono.just(Answer.unauthorized()) : bot.answer(method, body);
			return answer.flatMap(it -> send(response, it));
		});
	}

	private static Mono<Void> send(HttpServerResponse response, Answer answer) {
		return response.status(HttpResponseStatus.valueOf(answer.status()))
			.header("Content-Type", "application/json")
			.sendString(Mono.just(answer.json()))
			.then();
	}

	@Override
	public void close() {
		server.disposeNow();
	}
}
