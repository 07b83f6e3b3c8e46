package io.analytips.pipeline.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import io.analytips.common.BotProfile;
import io.analytips.common.OncePerPeriod;
import io.analytips.pipeline.Background;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.Notices;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.PipelineMetrics;
import io.analytips.pipeline.UpdateContext;
import io.analytips.pipeline.UserTracker;
import io.analytips.pipeline.dispatch.Handlers;
import io.analytips.pipeline.log.AccessLog;
import io.analytips.pipeline.recovery.InFlight;
import io.analytips.telegram.Html;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.ReceivedUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Admission: turns stored updates into contexts for the dispatcher. Unreadable updates (already
 * stored as {@code invalid}) and kinds no handler takes are finished at once; each sender of a message or a
 * callback query is recorded in {@code users}; messages, callback queries and inline queries go through the
 * per-user rate limit: the work limit, or for button presses that only move between menus and inline queries the
 * larger navigation allowance ({@link Handler#isNavigation}). A limited message is told when to try again unless its
 * sender is still inside a wait already announced for that limit ({@link UserRateLimiter}); a limited
 * callback query always gets an alert, a limited inline query an empty answer with a "try again" button; nothing
 * about the conversation changes. Also
 * answers the updates the bounded buffer rejects ({@link #reject}) and those of a chat that holds
 * all the dispatcher lets it ({@link #rejectBusyChat}). Each update finished here gets
 * its access line ({@link AccessLog}).
 */
public final class Intake implements Function<Flux<ReceivedUpdate>, Flux<UpdateContext>> {

	private static final Logger log = LoggerFactory.getLogger(Intake.class);

	/** Update kinds the pipeline admits; the bot asks Telegram only for these. */
	private static final Set<String> HANDLED = Set.of("message", "callback_query", "my_chat_member",
			"inline_query");

	/**
	 * Update kinds a user sends: counted by the per-user rate limit, and (all but inline queries) recorded as the user
	 * being seen.
	 */
	private static final Set<String> LIMITED = Set.of("message", "callback_query", "inline_query");

	private final InFlight inFlight;

	private final UserRateLimiter limiter;

	private final UserRateLimiter navigationLimiter;

	private final Handlers handlers;

	private final OncePerPeriod<Long> overloadNotices;

	private final OutboundScheduler outbound;

	private final Notices notices;

	private final UserTracker users;

	private final Background background;

	private final PipelineMetrics metrics;

	private final AccessLog access;

	private final BotProfile bot;

	public Intake(InFlight inFlight, UserRateLimiter limiter, UserRateLimiter navigationLimiter, Handlers handlers,
			OncePerPeriod<Long> overloadNotices, OutboundScheduler outbound, Notices notices, UserTracker users,
			Background background, PipelineMetrics metrics, AccessLog access) {
		this(inFlight, limiter, navigationLimiter, handlers, overloadNotices, outbound, notices, users, background,
				metrics, access, BotProfile.UNNAMED);
	}

	public Intake(InFlight inFlight, UserRateLimiter limiter, UserRateLimiter navigationLimiter, Handlers handlers,
			OncePerPeriod<Long> overloadNotices, OutboundScheduler outbound, Notices notices, UserTracker users,
			Background background, PipelineMetrics metrics, AccessLog access, BotProfile bot) {
		this.bot = bot;
		this.inFlight = inFlight;
		this.limiter = limiter;
		this.navigationLimiter = navigationLimiter;
		this.handlers = handlers;
		this.overloadNotices = overloadNotices;
		this.outbound = outbound;
		this.notices = notices;
		this.users = users;
		this.background = background;
		this.metrics = metrics;
		this.access = access;
	}

	@Override
	public Flux<UpdateContext> apply(Flux<ReceivedUpdate> updates) {
		return updates.handle((received, sink) -> {
			UpdateContext context = guarded(received, this::admitted);
			if (context != null) {
				sink.next(context);
			}
		});
	}

	/** The context to dispatch, or null when the update ended here (invalid, rate limited). */
	private UpdateContext admitted(ReceivedUpdate received) {
		UpdateContext context = admissible(received);
		if (context == null) {
			return null;
		}
		metrics.received();
		if (LIMITED.contains(context.kind()) && !context.isOverheard()) {
			// What the bot only overhears (a group's talk, another bot's command) is not asked of it: not limited.
			// Only what a user sends the bot counts as being seen (and as having unblocked the bot): not an inline query,
			// which anyone may type in any chat without ever having started the bot.
			if (!context.isInlineQuery()) {
				background.run("record user", users.seen(context.bot().id(), context.user()));
			}
			UserRateLimiter.Decision decision = (handlers.isNavigation(context) ? navigationLimiter : limiter)
				.acquire(context.rateKey());
			if (!decision.allowed()) {
				limited(context, decision);
				return null;
			}
		}
		return context;
	}

	/** A replayed update skips the rate limit: it was admitted before the restart. */
	public UpdateContext replayed(ReceivedUpdate received) {
		UpdateContext context = resumed(received);
		if (context != null) {
			metrics.replayed();
		}
		return context;
	}

	/**
	 * An update stored before but never finished (replayed at start, or found parked while running):
	 * admitted without the rate limit, which it met, or would have, when it first arrived.
	 */
	public UpdateContext resumed(ReceivedUpdate received) {
		return guarded(received, update -> {
			if (!update.isValid()) {
				// Unreadable now though it was stored readable: finish it, or it would come back forever.
				finish(update, Outcome.INVALID, update.problem(), "unreadable");
				return null;
			}
			return admissible(update);
		});
	}

	/**
	 * Intake's part of the error boundary: whatever throws while admitting an update ends that
	 * update {@code failed} (no context to apologise through) and never the stream.
	 */
	private UpdateContext guarded(ReceivedUpdate received, Function<ReceivedUpdate, UpdateContext> admit) {
		try {
			return admit.apply(received);
		}
		catch (RuntimeException ex) {
			log.error("Update {} could not be admitted; it ends failed", received.updateId(), ex);
			background.run("admission failure outcome",
					Mono.defer(() -> inFlight.finish(received.updateId(), Outcome.FAILED, "admission failed: " + ex))
						.doFinally(signal -> inFlight.ended(received.updateId())));
			metrics.finished(Outcome.FAILED, "unadmitted");
			return null;
		}
	}

	/** The context of a usable update; null (and the update finished) otherwise. */
	private UpdateContext admissible(ReceivedUpdate received) {
		if (!received.isValid()) {
			// Stored with its outcome already (see PostgresInbox.row): nothing to write.
			metrics.finished(Outcome.INVALID, "unreadable");
			access.invalid(received);
			inFlight.ended(received.updateId());
			return null;
		}
		String kind = received.update().kind();
		UpdateContext context = HANDLED.contains(kind) ? new UpdateContext(received, outbound, bot) : null;
		if (context == null || context.rateKey() == null) {
			String detail = context == null ? "unsupported update kind: " + kind : "no sender and no chat";
			finish(received, Outcome.INVALID, detail, kind);
			return null;
		}
		String beyondLimits = beyondTelegramLimits(context);
		if (beyondLimits != null) {
			finish(received, Outcome.INVALID, beyondLimits, kind);
			return null;
		}
		return context;
	}

	/**
	 * Fields Telegram itself never sends larger (callback data ≤ 64 bytes, text ≤ 4096 characters):
	 * anything beyond was not made by Telegram, so no handler sees it.
	 */
	static String beyondTelegramLimits(UpdateContext context) {
		String data = context.callbackData();
		if (data != null && data.getBytes(StandardCharsets.UTF_8).length > 64) {
			return "callback_data over 64 bytes";
		}
		String text = context.text();
		if (text != null && text.length() > 4096) {
			return "text over 4096 characters";
		}
		return null;
	}

	private void limited(UpdateContext context, UserRateLimiter.Decision decision) {
		boolean notify = decision.verdict() == UserRateLimiter.Verdict.LIMITED_NOTIFY;
		refuse(context, Outcome.RATE_LIMITED, notify ? "notified" : "silent", notify,
				notices.rateLimited(notices.localeOf(context), decision.retryIn()), "rate-limit notice");
	}

	/**
	 * Finishes an update here with {@code outcome} and tells its sender {@code text}: a callback query always (as
	 * an alert, or its button spins), a message when {@code notify}; an inline query gets an empty answer with a
	 * "try again" button (it has no chat to tell anything in).
	 */
	private void refuse(UpdateContext context, Outcome outcome, String detail, boolean notify, String text,
			String task) {
		Mono<?> notice = context.isCallback() ? context.answerCallback(text, true)
				: context.isInlineQuery() ? context.answerInlineEmpty(notices.tryAgain(notices.localeOf(context)))
				: notify ? context.reply(Html.escape(text)) : Mono.empty();
		// Recorded at once, not after the notice: a notice still waiting when the process stops must
		// not make the update come back as unfinished.
		background.run(task, Mono.when(inFlight.finish(context.updateId(), outcome, detail),
				notice.onErrorResume(error -> Mono.empty())).doFinally(signal -> inFlight.ended(context.updateId())));
		metrics.finished(outcome, context.kind());
		access.finished(context, outcome);
	}

	/**
	 * Answers an update the bounded buffer has no room for and finishes it {@code rejected}. Never
	 * throws: it runs inside the buffer's overflow callback.
	 */
	public void reject(UpdateContext context) {
		reject(context, "");
	}

	/**
	 * Answers an update whose chat already holds all the dispatcher lets one chat hold, like one the
	 * buffer has no room for; its inbox detail says {@code busy chat}.
	 */
	public void rejectBusyChat(UpdateContext context) {
		reject(context, "busy chat, ");
	}

	/**
	 * Answers an update that waited in the buffer longer than it may ({@code BOT_MAX_WAIT}), like one the buffer has
	 * no room for; its inbox detail says how long it waited.
	 */
	public void rejectAged(UpdateContext context, Duration waited) {
		reject(context, "waited " + waited.toSeconds() + " s, ");
	}

	private void reject(UpdateContext context, String cause) {
		try {
			boolean notify = context.isCallback() || overloadNotices.tryAcquire(context.rateKey());
			refuse(context, Outcome.REJECTED, cause + (notify ? "notified" : "silent"), notify,
					notices.overloaded(notices.localeOf(context)), "overload notice");
		}
		catch (RuntimeException ex) {
			log.error("Update {} could not be rejected; it stays unfinished until found parked", context.updateId(), ex);
			inFlight.release(context.updateId());
		}
	}

	private void finish(ReceivedUpdate received, Outcome outcome, String detail, String type) {
		background.run("invalid outcome",
				inFlight.finish(received.updateId(), outcome, detail).doFinally(signal -> inFlight.ended(received.updateId())));
		metrics.finished(outcome, type);
		access.invalid(received);
	}
}
