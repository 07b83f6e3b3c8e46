package io.analytips.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.telegram.TelegramJson;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One bot of a {@link FakeBotApi}, as Telegram keeps it per token: its queue of updates with Telegram's offset
 * semantics, its {@code getMe} answer, the calls made with its token, its scripted faults, and whether its token
 * was {@link #revoke() revoked}. A {@link FakeBotApi} has a default bot (its single-token methods) and those
 * {@link FakeBotApi#addBot added}.
 */
public final class FakeBot {

	private final String token;

	private final long id;

	private final String username;

	private final UpdateQueue updates;

	private final RecordedCalls calls = new RecordedCalls();

	private final List<FakeBotRule> rules = new CopyOnWriteArrayList<>();

	private final AtomicInteger messageIds = new AtomicInteger(100);

	private final Sinks.Empty<Void> revocation = Sinks.empty();

	private volatile boolean revoked;

	FakeBot(String token, long id, String username, FakeBotApi api) {
		this.token = token;
		this.id = id;
		this.username = username;
		this.updates = new UpdateQueue(api::recording);
	}

	/** The token whose calls this bot answers. */
	public String token() {
		return token;
	}

	/** Its id, as {@code getMe} answers it. */
	public long id() {
		return id;
	}

	/** Its username (without the @), as {@code getMe} answers it. */
	public String username() {
		return username;
	}

	// ---- updates --------------------------------------------------------------------------

	/**
	 * Numbers this bot's next updates from {@code updateId} on (Telegram numbers each bot's updates on its own, from
	 * unrelated starting points); 1 by default.
	 */
	public FakeBot firstUpdateId(long updateId) {
		updates.firstUpdateId(updateId);
		return this;
	}

	/**
	 * Queues an update for this bot, assigning its next {@code update_id} unless it has one; returns the id. Assigning
	 * and queueing are one step, as at Telegram: otherwise a later id enqueued by another thread could be delivered
	 * and confirmed first, and the earlier one would then fall below the offset and be lost (seen: 7 of 20 000 in the
	 * pipeline benchmark's closed loop).
	 */
	public long enqueue(ObjectNode update) {
		return updates.enqueue(update);
	}

	/** Queues raw JSON as one element of the result array (may be malformed on purpose). */
	public void enqueueRaw(long sortKey, String json) {
		updates.enqueueRaw(sortKey, json);
	}

	/** How many times an update was returned by {@code getUpdates}. */
	public int deliveriesOf(long updateId) {
		return updates.deliveriesOf(updateId);
	}

	/** Updates not yet confirmed by an offset. */
	public int unconfirmed() {
		return updates.unconfirmed();
	}

	/** The highest offset a {@code getUpdates} call confirmed with. */
	public long confirmedOffset() {
		return updates.confirmedOffset();
	}

	/** How many waiting {@code getUpdates} calls another one with this token ended with 409. */
	public int conflicts() {
		return updates.conflicts();
	}

	// ---- calls ------------------------------------------------------------------------------

	/** The calls made with this bot's token, revoked or not (none when the fake is {@link FakeBotApi#lean lean}). */
	public List<FakeBotApi.Call> calls() {
		return calls.all();
	}

	public List<FakeBotApi.Call> calls(String method) {
		return calls.of(method);
	}

	/** Messages sent ({@code sendMessage}) with this bot's token, answered or refused. */
	public List<FakeBotApi.Call> messages() {
		return calls.messages();
	}

	public List<FakeBotApi.Call> messagesTo(long chatId) {
		return calls.messagesTo(chatId);
	}

	public void clearCalls() {
		calls.clear();
	}

	// ---- faults -----------------------------------------------------------------------------

	/** Scripts calls of {@code method} with this bot's token (any chat, every time unless limited) to fail. */
	public FakeBotRule when(String method) {
		FakeBotRule rule = new FakeBotRule(method);
		rules.add(rule);
		return rule;
	}

	public void clearRules() {
		rules.clear();
	}

	/**
	 * Revokes the token, as @BotFather's /revoke does: every later call with it, and the {@code getUpdates} waiting
	 * now, is answered 401 Unauthorized.
	 */
	public void revoke() {
		revoked = true;
		revocation.tryEmitEmpty();
	}

	public boolean revoked() {
		return revoked;
	}

	// ---- serving ------------------------------------------------------------------------------

	void record(FakeBotApi.Call call) {
		calls.add(call);
	}

	/** This bot's answer to {@code method}: a status and a JSON body. */
	Mono<FakeBotApi.Answer> answer(String method, JsonNode body) {
		if (revoked) {
			return Mono.just(FakeBotApi.Answer.unauthorized());
		}
		for (FakeBotRule rule : rules) {
			if (rule.take(method, body)) {
				return rule.apply(() -> normally(method, body));
			}
		}
		return normally(method, body);
	}

	private Mono<FakeBotApi.Answer> normally(String method, JsonNode body) {
		return switch (method) {
			case "getUpdates" -> updates.getUpdates(body, revocation.asMono()).map(result -> result == UpdateQueue.CONFLICT
					? new FakeBotApi.Answer(409, "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by"
							+ " other getUpdates request; make sure that only one bot instance is running\"}")
					: result == UpdateQueue.REFUSED ? FakeBotApi.Answer.unauthorized() : FakeBotApi.Answer.ok(result));
			case "getMe" -> Mono.just(FakeBotApi.Answer.ok(me()));
			case "sendMessage", "editMessageText", "sendDocument", "sendPhoto" -> Mono.just(FakeBotApi.Answer.ok(sentMessage(body)));
			case "getWebhookInfo" -> Mono.just(FakeBotApi.Answer.ok("{\"url\":\"\",\"pending_update_count\":" + unconfirmed() + "}"));
			default -> Mono.just(FakeBotApi.Answer.ok("true"));
		};
	}

	private String me() {
		ObjectNode me = TelegramJson.mapper().createObjectNode();
		me.put("id", id);
		me.put("is_bot", true);
		me.put("first_name", "Analytips");
		me.put("username", username);
		return me.toString();
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
		if (body.has("photo") || body.has("photo_file")) { // as Telegram: a small size and the size sent, its file_id
			String fileId = body.has("photo") ? body.get("photo").asString() : "photo-" + messageIds.incrementAndGet();
			message.set("caption", body.get("caption"));
			message.putArray("photo").add(photoSize(fileId + "-small", 320)).add(photoSize(fileId, 720));
		}
		return message.toString();
	}

	private static ObjectNode photoSize(String fileId, int width) {
		ObjectNode size = TelegramJson.mapper().createObjectNode();
		size.put("file_id", fileId).put("file_unique_id", "u" + fileId).put("width", width).put("height", width * 3 / 2);
		return size;
	}

	@Override
	public String toString() {
		return "FakeBot[@" + username + ", id " + id + (revoked ? ", revoked" : "") + "]";
	}
}
