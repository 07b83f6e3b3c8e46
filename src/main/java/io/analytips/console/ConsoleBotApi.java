package io.analytips.console;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.analytips.pipeline.UpdateListener;
import io.analytips.telegram.BotApi;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.model.AnswerCallbackQuery;
import io.analytips.telegram.model.AnswerInlineQuery;
import io.analytips.telegram.model.Chat;
import io.analytips.telegram.model.EditMessageText;
import io.analytips.telegram.model.GetUpdates;
import io.analytips.telegram.model.InlineKeyboardButton;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import io.analytips.telegram.model.Message;
import io.analytips.telegram.model.SendDocument;
import io.analytips.telegram.model.SendMessage;
import io.analytips.telegram.model.SendPhoto;
import io.analytips.telegram.model.SetMyCommands;
import io.analytips.telegram.model.SetWebhook;
import io.analytips.telegram.model.User;
import io.analytips.telegram.model.WebhookInfo;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.ObjectNode;

/**
 * The offline demo's Bot API: a terminal. Each line typed is a message from the local user; a
 * number presses that button of the last screen. Updates are served by {@code getUpdates} exactly
 * as Telegram would (so long polling, the inbox, the dispatcher and the outbound scheduler all run
 * unchanged), and what the bot sends is printed with numbered buttons. Reading the terminal and
 * writing to it block, so they run on two threads of their own, never on a Reactor thread. A line is
 * sent only once the bot has answered the one before ({@link ConsoleReader}): the pipeline tells this
 * {@link UpdateListener} when each update is over. {@code /quit} or {@code /sair} (or the end of input,
 * Ctrl-D) ends the demo; closing (also on Ctrl-C) says goodbye.
 */
public final class ConsoleBotApi implements BotApi, UpdateListener, AutoCloseable {

	static final long USER_ID = 1;

	private final PrintStream out;

	private final ExecutorService printer = Executors.newSingleThreadExecutor(ConsoleReader.daemon("console-output"));

	private final Scheduler printing = Schedulers.fromExecutorService(printer);

	private final ConsoleInbox inbox = new ConsoleInbox();

	private final AtomicLong nextUpdateId = new AtomicLong(1);

	private final AtomicInteger nextMessageId = new AtomicInteger(1);

	/** The answers the reader waits for, by update id: completed when the pipeline says the update is over. */
	private final Map<Long, CompletableFuture<Void>> answers = new ConcurrentHashMap<>();

	private final ConsoleChatMenu menu;

	private final ConsoleFiles files;

	private final Clock clock;

	private final ConsoleUpdates updates;

	private final AtomicBoolean goodbye = new AtomicBoolean();

	/** Whether the banner was printed: a demo whose start failed never greeted, so it says no goodbye either. */
	private volatile boolean greeted;

	private volatile List<InlineKeyboardButton> lastButtons = List.of();

	private volatile long lastMessageId;

	private final Thread reader;

	private final boolean script; // the input is not a terminal: the transcript shows a prompt before each line read

	/**
	 * @param clock the demo's clock (message dates)
	 * @param answerWait how long a typed line's answer is waited for before the next line is read anyway
	 * @param script whether the input is not a terminal (piped): the lines read are then printed after a prompt
	 * @param onEndOfInput run once the input ends or the user quits (the demo then shuts down)
	 * @param pictures where the photos the bot sends are written (their paths printed)
	 */
	public ConsoleBotApi(InputStream in, PrintStream out, String userName, String language, Clock clock,
			Duration answerWait, boolean script, Runnable onEndOfInput, Path pictures) {
		this.files = new ConsoleFiles(pictures);
		this.out = out;
		this.script = script;
		this.menu = new ConsoleChatMenu(pictures, language);
		this.clock = clock;
		this.updates = new ConsoleUpdates(USER_ID, userName, language, clock);
		ConsoleReader lines = new ConsoleReader(in, this::typed, answerWait, script, this::write, () -> {
			print(isEnglish() ? "Leaving the demo…" : "Encerrando o demo…");
			onEndOfInput.run();
		});
		this.reader = new Thread(lines, "console-input");
		this.reader.setDaemon(true);
	}

	/**
	 * Prints the banner and starts reading the terminal.
	 *
	 * @param firstUpdateId the id of the first typed update: past every id an earlier run stored,
	 *        so none of them is taken for a redelivery and ignored
	 * @param replayed which real day each league's games come from (nothing when unknown)
	 */
	public void start(long firstUpdateId, Map<String, LocalDate> replayed) {
		nextUpdateId.set(firstUpdateId);
		greeted = true;
		ConsoleScreen.banner(isEnglish(), replayed).forEach(this::print);
		reader.start();
	}

	private boolean isEnglish() {
		return menu.english();
	}

	/**
	 * One typed line: a button number, {@code @ team} (an inline query), or a message (surrounding blanks dropped; a
	 * blank line is nothing).
	 * Completes once the bot has answered it ({@link #ended}); at once for a blank line.
	 */
	CompletableFuture<Void> typed(String typed) {
		String line = typed.strip();
		if (line.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		List<InlineKeyboardButton> buttons = lastButtons;
		long id = nextUpdateId.getAndIncrement();
		boolean press = line.matches("\\d{1,2}") && Integer.parseInt(line) >= 1 && Integer.parseInt(line) <= buttons.size();
		ObjectNode update = press ? updates.press(id, lastMessageId, buttons.get(Integer.parseInt(line) - 1).callbackData())
				: line.startsWith("@") ? updates.inline(id, line.substring(1).strip())
				: updates.message(id, nextMessageId.getAndIncrement(), line);
		CompletableFuture<Void> answer = new CompletableFuture<>();
		answers.put(id, answer); // before the bot can see the update, so its end is never missed
		answer.whenComplete((done, error) -> answers.remove(id, answer)); // also when the reader gives up on it
		inbox.add(id, update.toString());
		return answer;
	}

	/** The pipeline is done with an update: if it was typed here, its answer is printed and the next line may go. */
	@Override
	public void ended(long updateId) {
		CompletableFuture<Void> answer = answers.get(updateId);
		if (answer != null) {
			answer.complete(null);
		}
	}

	@Override
	public Mono<User> getMe() {
		return Mono.just(new User(0, true, "Analytips", null, "analytips_demo_bot", null));
	}

	@Override
	public Mono<List<ReceivedUpdate>> getUpdates(GetUpdates request) {
		return inbox.getUpdates(request);
	}

	@Override
	public Mono<Message> sendMessage(SendMessage request) {
		return show(request.chatId(), nextMessageId.getAndIncrement(), request.text(), request.replyMarkup());
	}

	@Override
	public Mono<Message> editMessageText(EditMessageText request) {
		return show(request.chatId(), request.messageId(), request.text(), request.replyMarkup());
	}

	private Mono<Message> show(long chatId, long messageId, String html, InlineKeyboardMarkup keyboard) {
		return Mono.fromCallable(() -> {
			List<InlineKeyboardButton> buttons = ConsoleScreen.buttons(keyboard);
			if (!buttons.isEmpty()) {
				lastButtons = buttons;
				lastMessageId = messageId;
			}
			out.println();
			out.println(ConsoleScreen.render(html, keyboard));
			out.print(script && answers.isEmpty() ? ConsoleReader.PROMPT : ""); // an alert: the reader waits at a prompt
			out.flush();
			return new Message(messageId, null, null, new Chat(chatId, "private", null, null, null),
					clock.instant().getEpochSecond(), html, null, null);
		}).subscribeOn(printing);
	}

	@Override
	public Mono<Boolean> answerCallbackQuery(AnswerCallbackQuery request) {
		if (request.text() == null || request.text().isBlank()) {
			return Mono.just(true);
		}
		return Mono.fromCallable(() -> {
			out.println(ConsoleScreen.notice(request.text(), Boolean.TRUE.equals(request.showAlert())));
			out.flush();
			return true;
		}).subscribeOn(printing);
	}

	/** The cards as a list, each with the message it would send and its link (see {@link ConsoleInline}). */
	@Override
	public Mono<Boolean> answerInlineQuery(AnswerInlineQuery request) {
		return Mono.fromCallable(() -> printed(ConsoleInline.render(request, isEnglish(), files::where))).subscribeOn(printing);
	}

	@Override
	public Mono<Message> sendDocument(SendDocument request) {
		return Mono.fromCallable(() -> files.document(request)).subscribeOn(printing).flatMap(file -> show(request.chatId(),
				nextMessageId.getAndIncrement(), (request.caption() == null ? "" : request.caption() + ": ") + file, null));
	}

	@Override
	public Mono<Message> sendPhoto(SendPhoto request) {
		return Mono.fromCallable(() -> files.photo(request)).subscribeOn(printing).flatMap(file -> show(request.chatId(),
				nextMessageId.getAndIncrement(), request.caption() + "\n\uD83D\uDDBC " + file, request.replyMarkup())
			.map(shown -> new Message(shown.messageId(), null, null, shown.chat(), shown.date(), null, request.caption(),
					null, ConsoleFiles.sizes(file))));
	}

	@Override
	public Mono<Boolean> setMyCommands(SetMyCommands request) {
		return Mono.fromCallable(() -> {
			menu.set(request, USER_ID);
			return true;
		}).subscribeOn(printing);
	}

	@Override
	public Mono<Boolean> setWebhook(SetWebhook request) {
		return Mono.just(true);
	}

	@Override
	public Mono<Boolean> deleteWebhook(boolean dropPendingUpdates) {
		return Mono.just(true);
	}

	@Override
	public Mono<WebhookInfo> getWebhookInfo() {
		return Mono.just(new WebhookInfo("", inbox.size(), null, null, null, List.of()));
	}

	private boolean printed(String text) {
		out.println();
		out.println(text);
		out.flush();
		return true;
	}

	private void print(String line) {
		write(line + System.lineSeparator());
	}

	/** Prints text as it is, after everything printed before it (a screen, a line read, the prompt). */
	private void write(String text) {
		printer.execute(() -> {
			out.print(text);
			out.flush();
		});
	}

	/**
	 * Says goodbye (once: end of input, /quit or Ctrl-C all end here; not after a start that failed before the banner,
	 * whose reason is the last line) and stops printing.
	 */
	@Override
	public void close() {
		if (greeted && goodbye.compareAndSet(false, true)) {
			print(isEnglish() ? "Bye! 👋" : "Até logo! 👋");
		}
		printer.shutdown();
		try {
			printer.awaitTermination(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
