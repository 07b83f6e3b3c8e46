package io.analytips.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import io.analytips.common.BotProfile;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.model.AnswerCallbackQuery;
import io.analytips.telegram.model.AnswerInlineQuery;
import io.analytips.telegram.model.InlineQueryResultsButton;
import io.analytips.telegram.model.Chat;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import io.analytips.telegram.model.Message;
import io.analytips.telegram.model.ReplyParameters;
import io.analytips.telegram.model.SendMessage;
import io.analytips.telegram.model.SendPhoto;
import io.analytips.telegram.model.Update;
import io.analytips.telegram.model.User;
import reactor.core.publisher.Mono;

/**
 * Everything a {@link Handler} needs about one update: the update, who sent it, in which chat
 * and language, and replies that go through the {@link OutboundScheduler}. One instance per
 * update; handlers of one chat never run concurrently.
 */
public final class UpdateContext {

	/** The default language (Portuguese, Brazil). */
	public static final Locale DEFAULT_LOCALE = Locale.forLanguageTag("pt-BR");

	private final ReceivedUpdate received;

	private final OutboundScheduler outbound;

	private final BotProfile bot;

	private final Locale locale;

	private final AtomicBoolean callbackAnswered = new AtomicBoolean();

	private final AtomicBoolean inlineAnswered = new AtomicBoolean();

	/** {@link System#nanoTime()} when intake admitted the update: the start of its reply latency. */
	private final long admittedAt = System.nanoTime();

	/** An update's context as intake makes it, for a bot without a name (tests, and the pipeline's own tools). */
	public UpdateContext(ReceivedUpdate received, OutboundScheduler outbound) {
		this(received, outbound, BotProfile.UNNAMED);
	}

	/** An update's context as intake makes it: its replies go through {@code outbound}, in {@code bot}'s name. */
	public UpdateContext(ReceivedUpdate received, OutboundScheduler outbound, BotProfile bot) {
		this.received = received;
		this.outbound = outbound;
		this.bot = bot;
		User user = received.update().user();
		this.locale = localeOf(user == null ? null : user.languageCode(), bot.language());
	}

	/** English for {@code en*} clients, Portuguese (Brazil) for everyone else. */
	static Locale localeOf(String languageCode) {
		return localeOf(languageCode, null);
	}

	/**
	 * English for {@code en*} clients, Portuguese for {@code pt*}; anyone else (or a client that sends no language)
	 * gets the bot's language, else Portuguese (Brazil).
	 */
	public static Locale localeOf(String languageCode, Locale botLanguage) {
		String code = languageCode == null ? "" : languageCode.toLowerCase(Locale.ROOT);
		if (code.startsWith("en")) {
			return Locale.ENGLISH;
		}
		if (code.startsWith("pt") || botLanguage == null) {
			return DEFAULT_LOCALE;
		}
		return botLanguage.getLanguage().equals("en") ? Locale.ENGLISH : DEFAULT_LOCALE;
	}

	/** The bot this update came to: whose state it reads and writes, and what its operator chose for it. */
	public BotProfile bot() {
		return bot;
	}

	/** {@link System#nanoTime()} when intake admitted the update: the start of the reply latency the access log shows. */
	public long admittedAt() {
		return admittedAt;
	}

	public long updateId() {
		return received.updateId();
	}

	public Update update() {
		return received.update();
	}

	ReceivedUpdate received() {
		return received;
	}

	/** {@code message}, {@code callback_query}, {@code my_chat_member}, ... */
	public String kind() {
		return update().kind();
	}

	/**
	 * The language of the sender's Telegram client: English for {@code en*}, Portuguese (Brazil) otherwise. What
	 * the user chose for themselves is the bot's to know ({@link Notices#localeOf}).
	 */
	public Locale locale() {
		return locale;
	}

	/** The sender, or null (channel posts, anonymous admins). */
	public User user() {
		return update().user();
	}

	/** The chat, or null (a callback from an inline-mode message, an inline query). */
	public Chat chat() {
		return update().chat();
	}

	/** The chat id, else the sender's id (where a private reply would go). */
	public Long chatId() {
		Chat chat = chat();
		if (chat != null) {
			return chat.id();
		}
		User user = user();
		return user == null ? null : user.id();
	}

	/** Whose rate limit the update counts against: the sender, else the chat. */
	public Long rateKey() {
		User user = user();
		return user != null ? Long.valueOf(user.id()) : chatId();
	}

	/** A message's text, or null. */
	public String text() {
		return update().message() == null ? null : update().message().text();
	}

	/** The command in a message's text, or null (also when it is addressed to another bot: {@link #isOverheard}). */
	public Command command() {
		Command command = Command.parse(text());
		return command == null || !command.isFor(bot.username()) ? null : command;
	}

	/**
	 * Whether this message was not meant for the bot: a command addressed to another bot ({@code /tabela@OtherBot},
	 * anywhere), or, in a group, anything but a command (with privacy mode off the bot sees all the talk, with it on
	 * replies to its messages). Such a message is not answered and does not count against the sender's rate limit.
	 */
	public boolean isOverheard() {
		Message message = update().message();
		if (message == null) {
			return false;
		}
		Command command = Command.parse(message.text());
		if (command != null) {
			return !command.isFor(bot.username());
		}
		return isGroupChat();
	}

	/** Whether the update comes from a group or supergroup (not a private chat, not a channel). */
	public boolean isGroupChat() {
		Chat chat = chat();
		return chat != null && ("group".equals(chat.type()) || "supergroup".equals(chat.type()));
	}

	/** Whether this is an inline query: it has no chat, and is answered only by {@link #answerInline}. */
	public boolean isInlineQuery() {
		return update().inlineQuery() != null;
	}

	public boolean isCallback() {
		return update().callbackQuery() != null;
	}

	/** A callback query's data, or null. */
	public String callbackData() {
		return isCallback() ? update().callbackQuery().data() : null;
	}

	/** Sends an HTML message (the caller escapes what it did not write) to this chat. */
	public Mono<Message> reply(String html) {
		return reply(html, null);
	}

	/**
	 * Sends an HTML message with an inline keyboard to this chat; empty when there is no chat to answer. In a group
	 * it answers the asking message ({@code reply_parameters}, so the asker sees which answer is theirs) and stays in
	 * its forum topic; after a button press, in the topic of the pressed message. In private chats it is a plain
	 * message.
	 */
	public Mono<Message> reply(String html, InlineKeyboardMarkup keyboard) {
		Long chatId = chatId();
		return chatId == null ? Mono.empty() : outbound.sendMessage(threaded(SendMessage.html(chatId, html, keyboard)));
	}

	/** {@code message} as an answer to this update where it is in a group: {@link #reply}. */
	SendMessage threaded(SendMessage message) {
		return threaded(message, SendMessage::inThread);
	}

	/**
	 * Sends a photo to this chat, threaded as {@link #reply} threads a message (in a group: an answer to the asking
	 * message, in its forum topic). Emits the sent message; empty when there is no chat to answer.
	 */
	public Mono<Message> replyPhoto(SendPhoto photo) {
		return chatId() == null ? Mono.empty() : outbound.sendPhoto(threaded(photo, SendPhoto::inThread));
	}

	private <T> T threaded(T message, Threading<T> inThread) {
		if (!isGroupChat()) {
			return message;
		}
		Message asked = update().message();
		if (asked != null) {
			return inThread.apply(message, asked.topic(), ReplyParameters.to(asked.messageId()));
		}
		Message pressed = isCallback() ? update().callbackQuery().message() : null;
		return pressed == null ? message : inThread.apply(message, pressed.topic(), null);
	}

	/** How a message of type {@code T} is put in a topic as an answer. */
	private interface Threading<T> {

		T apply(T message, Integer thread, ReplyParameters reply);
	}

	/**
	 * Answers the callback query (once; later calls do nothing). Plain text, at most 200 characters;
	 * {@code alert} shows a modal instead of a toast. Counts as the answer only once subscribed: a
	 * handler that assembles {@code step.then(screen.show(context))} and whose step fails has not
	 * answered, so the error boundary's apology still goes out.
	 */
	public Mono<Void> answerCallback(String text, boolean alert) {
		return Mono.defer(() -> {
			if (!isCallback() || !callbackAnswered.compareAndSet(false, true)) {
				return Mono.empty();
			}
			return outbound.answerCallbackQuery(
					new AnswerCallbackQuery(update().callbackQuery().id(), text, alert ? Boolean.TRUE : null));
		});
	}

	/** Answers the inline query (once; later calls, and calls for another kind of update, do nothing). */
	public Mono<Void> answerInline(AnswerInlineQuery answer) {
		return Mono.defer(() -> isInlineQuery() && inlineAnswered.compareAndSet(false, true)
				? outbound.answerInlineQuery(answer) : Mono.empty());
	}

	/**
	 * Answers the inline query with no results and a button, {@code text}, that opens the private chat with
	 * {@code /start} {@link #TRY_AGAIN}: what an inline query gets instead of an error or a notice, since nothing may
	 * be sent to a chat for it. Not kept by Telegram ({@code cache_time} 0), so the next keystroke asks again.
	 */
	public Mono<Void> answerInlineEmpty(String text) {
		return answerInline(new AnswerInlineQuery(isInlineQuery() ? update().inlineQuery().id() : "-", List.of(), 0,
				Boolean.TRUE, null, new InlineQueryResultsButton(text, TRY_AGAIN)));
	}

	/** The {@code /start} parameter of the button of an empty inline answer. */
	public static final String TRY_AGAIN = "inline";

	/** The outbound scheduler, for handlers that edit messages or send documents. */
	public OutboundScheduler outbound() {
		return outbound;
	}

	/** Answers the callback query with nothing if no handler did, so the client's spinner stops. */
	public Mono<Void> ensureCallbackAnswered() {
		return answerCallback(null, false).onErrorResume(error -> Mono.empty());
	}
}
