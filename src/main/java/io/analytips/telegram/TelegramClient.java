package io.analytips.telegram;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.analytips.common.HttpClients;
import io.analytips.common.Timeouts;
import io.analytips.replica.LeaseLapsedException;
import io.analytips.telegram.model.AnswerCallbackQuery;
import io.analytips.telegram.model.AnswerInlineQuery;
import io.analytips.telegram.model.EditMessageText;
import io.analytips.telegram.model.GetUpdates;
import io.analytips.telegram.model.Message;
import io.analytips.telegram.model.SendDocument;
import io.analytips.telegram.model.SendMessage;
import io.analytips.telegram.model.SendPhoto;
import io.analytips.telegram.model.SetMyCommands;
import io.analytips.telegram.model.SetWebhook;
import io.analytips.telegram.model.User;
import io.analytips.telegram.model.WebhookInfo;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The only class that talks HTTP to the Bot API. Each method is one API call: it emits the
 * {@code result}, or errors with a {@link TelegramException} that says whether the failure is
 * fatal, retryable, or may have been executed. Calls are cold, never retried here (the callers
 * decide, see {@link OutboundScheduler} and {@link LongPollingSource}), and bounded by a timeout.
 * The token never appears in an error message.
 */
public class TelegramClient implements BotApi, DisposableBean {

	/** Updates larger than this are refused by the decoder; real updates are a few kilobytes. */
	private static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

	/** Connections to the Bot API at once: the outbound scheduler sends at most 30 a second, each within 15 s. */
	static final int MAX_CONNECTIONS = 200;

	/**
	 * Calls waiting for a connection when all are busy, at most; beyond them a call fails at once as a
	 * {@link TelegramException.Kind#NETWORK} failure (never sent), which the outbound scheduler retries.
	 */
	static final int MAX_PENDING = 500;

	private final TelegramProperties properties;

	private final ConnectionProvider connections;

	private final WebClient web;

	/** {@link #web}'s pool, straight: for the JSON calls. */
	private final HttpClient jsonHttp;

	private static final byte[] NO_BYTES = new byte[0];

	/** A sent message's answer, read without a tree. */
	private static final BotApiAnswers.Decoder<Message> SENT = BotApiAnswers.sent();

	private final String methodBase;

	/** Multipart bodies (see {@link SeededMultipartWriter}). */
	private final Uploads uploads = new Uploads();

	private final TelegramCalls calls;

	private final LeaseAtTheWire wire;

	/** Parsed once per method (a dozen): parsing the URI for every call showed in the profile. */
	private final Map<String, URI> uris = new java.util.concurrent.ConcurrentHashMap<>();

	/** A POST to each method, built once: Reactor Netty's builder copies the whole configuration at each step. */
	private final Map<String, HttpClient.RequestSender> posts = new java.util.concurrent.ConcurrentHashMap<>();

	public TelegramClient(TelegramProperties properties) {
		this(properties, TelegramCalls.NONE);
	}

	public TelegramClient(TelegramProperties properties, TelegramCalls calls) {
		this(properties, calls, MAX_CONNECTIONS, MAX_PENDING);
	}

	TelegramClient(TelegramProperties properties, TelegramCalls calls, int maxConnections, int maxPending) {
		this.properties = properties;
		this.calls = calls;
		this.wire = new LeaseAtTheWire(calls);
		HttpClients.Pooled client = HttpClients.pooled("telegram", maxConnections, maxPending, properties.connectTimeout(),
				MAX_RESPONSE_BYTES);
		this.connections = client.connections();
		this.web = client.web();
		this.jsonHttp = client.http()
			.headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json"))
			.doAfterRequest((request, connection) -> wire.written(request));
		String base = properties.apiUrl().toString().replaceAll("/+$", "");
		this.methodBase = base + "/bot" + (properties.botToken() == null ? "" : properties.botToken()) + "/";
	}

	/** {@code getMe}: the bot itself; a 401 here means {@code TELEGRAM_BOT_TOKEN} is wrong. */
	@Override
	public Mono<User> getMe() {
		return call("getMe", Map.of(), properties.requestTimeout()).map(node -> BotApiAnswers.convert(node, User.class));
	}

	/**
	 * {@code getUpdates}, long-polling for up to {@code request.timeout()} seconds. Each element is
	 * read on its own, so a malformed update arrives as an invalid {@link ReceivedUpdate} instead of
	 * failing the batch; elements without an {@code update_id} are dropped.
	 */
	@Override
	public Mono<List<ReceivedUpdate>> getUpdates(GetUpdates request) {
		Duration timeout = Duration.ofSeconds(request.timeout()).plus(properties.requestTimeout());
		return call("getUpdates", request, timeout).map(BotApiAnswers::readUpdates);
	}

	/** {@code sendMessage}: emits the sent message. Not idempotent. */
	@Override
	public Mono<Message> sendMessage(SendMessage request) {
		return call("sendMessage", request, properties.requestTimeout(), SENT);
	}

	/** {@code editMessageText}: emits the edited message (Telegram's {@code true} for inline messages becomes empty). */
	@Override
	public Mono<Message> editMessageText(EditMessageText request) {
		return call("editMessageText", request, properties.requestTimeout())
			.filter(JsonNode::isObject)
			.map(node -> BotApiAnswers.convert(node, Message.class));
	}

	/** {@code answerCallbackQuery}. */
	@Override
	public Mono<Boolean> answerCallbackQuery(AnswerCallbackQuery request) {
		return call("answerCallbackQuery", request, properties.requestTimeout()).map(JsonNode::asBoolean);
	}

	@Override
	public Mono<Boolean> answerInlineQuery(AnswerInlineQuery request) {
		return call("answerInlineQuery", request, properties.requestTimeout()).map(JsonNode::asBoolean);
	}

	/** {@code sendDocument}, uploading the content as multipart form data. Not idempotent. */
	@Override
	public Mono<Message> sendDocument(SendDocument request) {
		return upload("sendDocument", Uploads.document(request));
	}

	/** {@code sendPhoto}: the PNG as multipart form data, or the file_id as JSON; caption in HTML. Not idempotent. */
	@Override
	public Mono<Message> sendPhoto(SendPhoto request) {
		return request.fileId() == null ? upload("sendPhoto", Uploads.photo(request))
				: call("sendPhoto", Uploads.photoById(request), properties.requestTimeout(), SENT);
	}

	private Mono<Message> upload(String method, MultipartBodyBuilder parts) {
		return exchange(method, web.post().uri(uri(method)).body(uploads.body(parts)), properties.requestTimeout())
			.map(node -> BotApiAnswers.convert(node, Message.class));
	}

	/** {@code setMyCommands}. */
	@Override
	public Mono<Boolean> setMyCommands(SetMyCommands request) {
		return call("setMyCommands", request, properties.requestTimeout()).map(JsonNode::asBoolean);
	}

	/** {@code setWebhook}. */
	@Override
	public Mono<Boolean> setWebhook(SetWebhook request) {
		return call("setWebhook", request, properties.requestTimeout()).map(JsonNode::asBoolean);
	}

	/** {@code deleteWebhook}, keeping pending updates unless asked otherwise. */
	@Override
	public Mono<Boolean> deleteWebhook(boolean dropPendingUpdates) {
		return call("deleteWebhook", Map.of("drop_pending_updates", dropPendingUpdates), properties.requestTimeout())
			.map(JsonNode::asBoolean);
	}

	/** {@code getWebhookInfo}. */
	@Override
	public Mono<WebhookInfo> getWebhookInfo() {
		return call("getWebhookInfo", Map.of(), properties.requestTimeout())
			.map(node -> BotApiAnswers.convert(node, WebhookInfo.class));
	}

	@Override
	public void destroy() {
		connections.dispose();
	}

	/**
	 * A JSON call straight on Reactor Netty: the body serialised once into the request, the answer read
	 * as bytes into a tree (WebClient's codecs and exchange layers cost more than the call's own I/O).
	 */
	private Mono<JsonNode> call(String method, Object body, Duration timeout) {
		return call(method, body, timeout, BotApiAnswers::result);
	}

	/** As {@link #call(String, Object, Duration)}, the answer read by {@code decoder}. */
	private <T> Mono<T> call(String method, Object body, Duration timeout, BotApiAnswers.Decoder<T> decoder) {
		Mono<T> answer = Mono.deferContextual(context -> {
			byte[] json = TelegramJson.mapper().writeValueAsBytes(body);
			LeaseAtTheWire.Check check = LeaseAtTheWire.checkFor(context);
			return posts.computeIfAbsent(method, name -> jsonHttp.post().uri(uri(name)))
				// asked for once a connection is ready, right before anything is written (see LeaseAtTheWire)
				.send(LeaseAtTheWire.body(context, check, json))
				.responseSingle((response, content) -> {
					long length = response.responseHeaders().getInt(HttpHeaderNames.CONTENT_LENGTH, 0);
					if (length > MAX_RESPONSE_BYTES) {
						return Mono.error(new TelegramException(response.status().code(),
								"answer of " + length + " bytes is over " + MAX_RESPONSE_BYTES, null, null));
					}
					return content.asByteArray()
						.defaultIfEmpty(NO_BYTES)
						.<T>handle((bytes, sink) -> {
							try {
								sink.next(decoder.decode(response.status().code(), bytes));
							}
							catch (TelegramException ex) {
								sink.error(ex);
							}
						});
				})
				.contextWrite(outer -> LeaseAtTheWire.with(outer, check));
		});
		return ended(method, answer, timeout);
	}

	private Mono<JsonNode> exchange(String method, WebClient.RequestHeadersSpec<?> request, Duration timeout) {
		// WebClient writes as soon as it is subscribed: the lease is looked at here, a connection earlier than call()
		Mono<Void> leaseValid = Mono.deferContextual(LeaseAtTheWire::valid);
		return ended(method, leaseValid.then(request.exchangeToMono(response -> response.bodyToMono(byte[].class)
			.defaultIfEmpty(NO_BYTES)
			.<JsonNode>handle((bytes, sink) -> {
				try {
					sink.next(BotApiAnswers.result(response.statusCode().value(), bytes));
				}
				catch (TelegramException ex) {
					sink.error(ex);
				}
			}))), timeout);
	}

	/** The deadline, the classification of transport failures and the call metric, for every call. */
	private <T> Mono<T> ended(String method, Mono<T> answer, Duration timeout) {
		return answer.transform(Timeouts.within(timeout, method))
			.onErrorMap(ex -> !(ex instanceof TelegramException) && !(ex instanceof LeaseLapsedException),
					ex -> redacted(transportFailure(method, ex)))
			.doOnSuccess(result -> calls.ended(method, "200", null))
			.doOnError(TelegramException.class, ex -> calls.ended(method, status(ex), ex.retryAfter()));
	}

	private static String status(TelegramException ex) {
		return switch (ex.kind()) {
			case NETWORK -> "network";
			case TIMEOUT -> "timeout";
			default -> String.valueOf(ex.errorCode());
		};
	}

	/** I/O messages can carry the request URI, which carries the token: cut it out. */
	private TelegramException redacted(TelegramException ex) {
		String token = properties.botToken();
		if (token == null || token.isBlank() || ex.getMessage() == null || !ex.getMessage().contains(token)) {
			return ex;
		}
		return TelegramException.io(ex.kind(), ex.getMessage().replace(token, "<token>"), null);
	}

	private URI uri(String method) {
		return uris.computeIfAbsent(method, name -> URI.create(methodBase + name));
	}

	/** Maps a failure below the Bot API to NETWORK (never sent) or TIMEOUT (may have been executed). */
	static TelegramException transportFailure(String method, Throwable ex) {
		Throwable cause = HttpClients.transportCause(ex);
		// No connection, or none free in the pool in time: the request never left.
		boolean neverSent = cause instanceof ConnectException || cause instanceof UnknownHostException
				|| cause instanceof SSLException || cause instanceof PoolAcquirePendingLimitException
				|| cause instanceof PoolAcquireTimeoutException;
		TelegramException.Kind kind = neverSent ? TelegramException.Kind.NETWORK : TelegramException.Kind.TIMEOUT;
		boolean timedOut = ex instanceof TimeoutException && !neverSent;
		String what = timedOut ? "no answer in time" : HttpClients.describe(cause);
		return TelegramException.io(kind, method + ": " + what, timedOut ? null : cause);
	}
}
