package io.analytips.pipeline.log;

import java.util.function.LongSupplier;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.model.Chat;
import io.analytips.telegram.model.Update;
import io.analytips.telegram.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The access log (docs/operations.md, "Access log"): one INFO line per finished update, whatever its outcome, on the
 * logger {@value #LOGGER}, so operators see the traffic on the live log stream. Each line carries,
 * besides a readable message ({@code update 123 message start by user 45 in chat 45: done in 12 ms,
 * 0 upstream calls}):
 * <ul>
 * <li>in the MDC, like every line about an update: {@code bot} (the bot's username), {@code update_id},
 * {@code chat_id}, {@code user_id} (the last two when the update has them);</li>
 * <li>as SLF4J key-value pairs (fields of their own in JSON, numbers as numbers): {@code type} (the
 * update kind, or {@code unreadable}), {@code action} (what the user did, {@link Handler#action}, or
 * {@code none} when no handler ran), {@code outcome} ({@link Outcome#code()}), {@code latency_ms}
 * (from admission until the outcome was known, before it is written to the inbox) and
 * {@code upstream_calls} (API-Football requests sent on the update's behalf).</li>
 * </ul>
 * Turned off by {@code LOG_UPDATES=false} (or by setting the logger above INFO). Never throws: a
 * line that cannot be written is lost, the update is not.
 */
public final class AccessLog {

	/** The logger the lines go to (its lines have an encoder of their own: ops.logs.AccessLineEncoder). */
	public static final String LOGGER = "io.analytips.access";

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	private static final Logger self = LoggerFactory.getLogger(AccessLog.class);

	private static final String NONE = "none";

	private final boolean enabled;

	/** The bot's username, in the MDC as {@code bot}; null when it has none (unit tests). */
	private final String bot;

	/** {@link System#nanoTime()} but for tests: the other end of {@link UpdateContext#admittedAt()}. */
	private final LongSupplier nanoTime;

	public AccessLog(boolean enabled) {
		this(enabled, System::nanoTime);
	}

	public AccessLog(boolean enabled, LongSupplier nanoTime) {
		this(enabled, nanoTime, "");
	}

	/** @param bot the username of the bot whose updates these are ("" when it has none): the lines' {@code bot} */
	public AccessLog(boolean enabled, LongSupplier nanoTime, String bot) {
		this.enabled = enabled;
		this.nanoTime = nanoTime;
		this.bot = bot == null || bot.isEmpty() ? null : bot;
	}

	/** An update that ended without reaching a handler (rate limited, rejected by the full buffer). */
	public void finished(UpdateContext context, Outcome outcome) {
		finished(context, null, outcome, 0);
	}

	/** An update the dispatcher finished; {@code handler} is null when none took it. */
	public void finished(UpdateContext context, Handler handler, Outcome outcome, int upstreamCalls) {
		if (!enabled || !log.isInfoEnabled()) {
			return;
		}
		try {
			User user = context.user();
			long millis = Math.max(0, (nanoTime.getAsLong() - context.admittedAt()) / 1_000_000);
			write(context.updateId(), context.kind(), context.chatId(), user == null ? null : user.id(),
					handler == null ? "none" : handler.getClass().getSimpleName(), action(handler, context), outcome,
					millis, upstreamCalls);
		}
		catch (RuntimeException ex) {
			self.debug("No access line for update {}: {}", context.updateId(), ex.toString());
		}
	}

	/**
	 * An update intake refused at once as {@code invalid} (unreadable, of a kind the bot does not
	 * take, without sender or chat, beyond Telegram's limits): it was admitted and finished in the
	 * same instant, so its latency is 0.
	 */
	public void invalid(ReceivedUpdate received) {
		if (!enabled || !log.isInfoEnabled()) {
			return;
		}
		try {
			Update update = received.update();
			User user = update == null ? null : update.user();
			Chat chat = update == null ? null : update.chat();
			Long userId = user == null ? null : user.id();
			write(received.updateId(), update == null ? "unreadable" : update.kind(),
					chat != null ? Long.valueOf(chat.id()) : userId, userId, null, NONE, Outcome.INVALID, 0, 0);
		}
		catch (RuntimeException ex) {
			self.debug("No access line for update {}: {}", received.updateId(), ex.toString());
		}
	}

	private static String action(Handler handler, UpdateContext context) {
		if (handler == null) {
			return NONE;
		}
		try {
			return handler.action(context);
		}
		catch (RuntimeException ex) {
			return "unknown"; // the handler cannot name what it failed at: the line still goes out
		}
	}

	/**
	 * Puts the ids (and the handler, when one took the update) in the MDC for this line only, restoring
	 * what was there: the thread may be running anything (the MDC is not propagated between threads).
	 */
	private void write(long updateId, String type, Long chatId, Long userId, String handler, String action,
			Outcome outcome, long millis, int upstreamCalls) {
		String previousUpdate = MDC.get("update_id");
		String previousChat = MDC.get("chat_id");
		String previousUser = MDC.get("user_id");
		String previousHandler = MDC.get("handler");
		String previousBot = MDC.get("bot");
		set("update_id", String.valueOf(updateId));
		if (bot != null) {
			set("bot", bot);
		}
		set("chat_id", chatId == null ? null : String.valueOf(chatId));
		set("user_id", userId == null ? null : String.valueOf(userId));
		if (handler != null) {
			set("handler", handler);
		}
		try {
			log.atInfo()
				.addKeyValue("type", type)
				.addKeyValue("action", action)
				.addKeyValue("outcome", outcome.code())
				.addKeyValue("latency_ms", millis)
				.addKeyValue("upstream_calls", upstreamCalls)
				.log(message(updateId, type, chatId, userId, action, outcome, millis, upstreamCalls));
		}
		finally {
			set("update_id", previousUpdate);
			set("chat_id", previousChat);
			set("user_id", previousUser);
			set("handler", previousHandler);
			if (bot != null) {
				set("bot", previousBot);
			}
		}
	}

	/** {@code update 123 message start by user 45 in chat 45: done in 12 ms, 0 upstream calls}. */
	static String message(long updateId, String type, Long chatId, Long userId, String action, Outcome outcome,
			long millis, int upstreamCalls) {
		StringBuilder line = new StringBuilder(96).append("update ").append(updateId).append(' ').append(type);
		if (!NONE.equals(action)) {
			line.append(' ').append(action);
		}
		if (userId != null) {
			line.append(" by user ").append(userId);
		}
		if (chatId != null) {
			line.append(" in chat ").append(chatId);
		}
		return line.append(": ").append(outcome.code()).append(" in ").append(millis).append(" ms, ")
			.append(upstreamCalls).append(upstreamCalls == 1 ? " upstream call" : " upstream calls")
			.toString();
	}

	private static void set(String key, String value) {
		if (value == null) {
			MDC.remove(key);
		}
		else {
			MDC.put(key, value);
		}
	}
}
