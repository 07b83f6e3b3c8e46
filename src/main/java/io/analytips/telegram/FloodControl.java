package io.analytips.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;
import io.analytips.common.ClockTimeMeter;
import io.analytips.common.Caches;
import io.analytips.common.SerialLanes;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Telegram's flood limits as reservations: a global token bucket, one bucket per chat (1/s after
 * a small burst; plus 20/min for groups, never more than 20 in any minute: {@link GroupWindow}), and the pauses a 429 imposes: on its chat, or on
 * everything when several chats are limited within a second. Per-chat state expires after ten
 * idle minutes. Time comes from the injected clock and waits are {@code Mono.delay}s, so all of
 * it runs in virtual time in tests.
 */
final class FloodControl {

	private static final Logger log = LoggerFactory.getLogger(FloodControl.class);

	/** Distinct chats limited within a second that make a 429 look global. */
	private static final int GLOBAL_429_CHATS = 3;

	/** The shortest wait before a broadcast looks for a free global token again: the clock's precision. */
	private static final Duration BROADCAST_POLL_MIN = Duration.ofMillis(1);

	/** The one lane of {@link #broadcastTurns}. */
	private static final String BROADCASTS = "broadcasts";

	private final TelegramProperties properties;

	private final Clock clock;

	private final TimeMeter time;

	private final Bucket global;

	/** The paid broadcasts' own bucket ({@code allow_paid_broadcast}), or null when they take free global tokens. */
	private final Bucket paid;

	/** Broadcasts waiting for a free global token, first come first served: only the first one looks. */
	private final SerialLanes<String> broadcastTurns = new SerialLanes<>();

	private final Cache<Long, ChatPace> chats;

	private final Cache<Long, Boolean> recentlyThrottled;

	private volatile long globalPausedUntil;

	FloodControl(TelegramProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.time = new ClockTimeMeter(clock);
		this.global = Bucket.builder()
			.addLimit(limit -> limit.capacity(properties.globalRate()).refillGreedy(properties.globalRate(),
					Duration.ofSeconds(1)))
			.withCustomTimePrecision(time)
			.build();
		this.paid = !properties.allowPaidBroadcast() ? null : Bucket.builder()
			.addLimit(limit -> limit.capacity(properties.paidBroadcastRate())
				.refillGreedy(properties.paidBroadcastRate(), Duration.ofSeconds(1)))
			.withCustomTimePrecision(time)
			.build();
		// A chat is remembered while its pace still matters: until its bucket would be full again, or its pause
		// ends. Then a new bucket (full) is the same as the old one; ten minutes after the last access, as before,
		// held a bucket for every chat of the last ten minutes (800 MB with a million users at full speed).
		this.chats = Caches.on(clock).expireAfter(Expiry.accessing((Long chat, ChatPace pace) -> pace.stillMatters()))
			.build();
		this.recentlyThrottled = Caches.on(clock)
			.expireAfterWrite(Duration.ofSeconds(1))
			.build();
	}

	/**
	 * Completes when a call may go: after any pause on its chat or on everything, and, for a
	 * message, after a token from its chat's bucket and then from the global one.
	 * @param chatId the chat, or null for calls that belong to none (callback answers)
	 */
	Mono<Void> awaitTurn(Long chatId, boolean isMessage) {
		return Mono.defer(() -> {
			ChatPace pace = chatId == null ? null : pace(chatId);
			long now = clock.millis();
			long until = Math.max(globalPausedUntil, pace == null ? 0 : pace.pausedUntil);
			if (until > now) {
				return Mono.delay(Duration.ofMillis(until - now)).then(awaitTurn(chatId, isMessage));
			}
			if (!isMessage) {
				return Mono.empty();
			}
			long reservedAt = time.currentTimeNanos();
			long chatWait = pace == null ? 0 : pace.reserve(reservedAt);
			AtomicBoolean globalReserved = new AtomicBoolean();
			return delayNanos(chatWait)
				.then(Mono.defer(() -> {
					globalReserved.set(true);
					return delayNanos(global.consumeIgnoringRateLimits(1));
				}))
				// a message cancelled before its turn (its update timed out, the bot stops) gives its places back
				.doOnCancel(() -> {
					if (pace != null) {
						pace.giveBack(reservedAt + chatWait);
					}
					if (globalReserved.get()) {
						global.addTokens(1);
					}
				});
		});
	}

	/**
	 * Completes when a broadcast may go: after any pause on its chat or on everything, a token from its chat's bucket,
	 * and then a global token that is free at that moment, never one reserved ahead as messages take them: a message
	 * that comes while thousands of broadcasts wait goes before all of them, after at most the refill of one token.
	 * Broadcasts wait for that token in the order they came, and only the first looks (so 10 000 waiting cost one
	 * timer, not 10 000). With {@code allow_paid_broadcast} they take their own bucket's tokens instead, by reservation
	 * (nothing else uses it). Cancelled before its turn, a broadcast gives back what it took.
	 */
	Mono<Void> awaitBroadcastTurn(long chatId) {
		return Mono.defer(() -> {
			ChatPace pace = pace(chatId);
			long now = clock.millis();
			long until = Math.max(globalPausedUntil, pace.pausedUntil);
			if (until > now) {
				return Mono.delay(Duration.ofMillis(until - now)).then(awaitBroadcastTurn(chatId));
			}
			long reservedAt = time.currentTimeNanos();
			long chatWait = pace.reserve(reservedAt);
			return delayNanos(chatWait)
				.then(paid != null ? paidToken() : broadcastTurns.serialize(BROADCASTS, freeGlobalToken()))
				.doOnCancel(() -> pace.giveBack(reservedAt + chatWait));
		});
	}

	/** A token of the paid broadcasts' bucket, reserved; given back if cancelled before it is due. */
	private Mono<Void> paidToken() {
		return Mono.defer(() -> delayNanos(paid.consumeIgnoringRateLimits(1)).doOnCancel(() -> paid.addTokens(1)));
	}

	/** A global token free now, else a look again once one has refilled (after any global pause). */
	private Mono<Void> freeGlobalToken() {
		return Mono.defer(() -> {
			long now = clock.millis();
			if (globalPausedUntil > now) {
				return Mono.delay(Duration.ofMillis(globalPausedUntil - now)).then(freeGlobalToken());
			}
			ConsumptionProbe probe = global.tryConsumeAndReturnRemaining(1);
			if (probe.isConsumed()) {
				return Mono.empty();
			}
			Duration refill = Duration.ofNanos(probe.getNanosToWaitForRefill());
			return Mono.delay(refill.compareTo(BROADCAST_POLL_MIN) < 0 ? BROADCAST_POLL_MIN : refill).then(freeGlobalToken());
		});
	}

	/** A 429: nothing goes to the limited scope until {@code retryAfter} has passed. */
	void pause(Long chatId, Duration retryAfter) {
		long until = clock.millis() + retryAfter.toMillis();
		if (chatId == null) {
			pauseGlobal(until);
			return;
		}
		ChatPace pace = pace(chatId);
		pace.pausedUntil = Math.max(pace.pausedUntil, until);
		chats.asMap().replace(chatId, pace, pace); // keeps it at least until the pause ends
		recentlyThrottled.put(chatId, Boolean.TRUE);
		recentlyThrottled.cleanUp();
		if (recentlyThrottled.estimatedSize() >= GLOBAL_429_CHATS) {
			pauseGlobal(until);
		}
		log.warn("Telegram asked to wait {} s before sending to chat {} again", retryAfter.toSeconds(), chatId);
	}

	/** Chats whose pace is remembered (after evicting those whose bucket is full again and are not paused). */
	long trackedChats() {
		chats.cleanUp();
		return chats.estimatedSize();
	}

	long pausedChats() {
		long now = clock.millis();
		return chats.asMap().values().stream().filter(pace -> pace.pausedUntil > now).count();
	}

	boolean globalPaused() {
		return globalPausedUntil > clock.millis();
	}

	private void pauseGlobal(long until) {
		if (until > globalPausedUntil) {
			globalPausedUntil = until;
			log.warn("Telegram flood limit: pausing every send for {} ms", until - clock.millis());
		}
	}

	private ChatPace pace(long chatId) {
		return chats.get(chatId, id -> new ChatPace(id < 0));
	}

	private static Mono<Void> delayNanos(long nanos) {
		return nanos <= 0 ? Mono.empty() : Mono.delay(Duration.ofNanos(nanos)).then();
	}

	/** One chat's pace: its bucket (plus the group limit for groups) and any 429 pause. */
	private final class ChatPace {

		final Bucket bucket;

		final boolean group;

		/** A group's sends of the last minute (null for a private chat): never more than Telegram's limit. */
		final GroupWindow minute;

		volatile long pausedUntil;

		ChatPace(boolean group) {
			this.group = group;
			this.minute = group ? new GroupWindow(properties.groupPerMinute(), Duration.ofMinutes(1).toNanos()) : null;
			var builder = Bucket.builder()
				.addLimit(limit -> limit.capacity(properties.chatBurst()).refillGreedy(1, Duration.ofSeconds(1)));
			if (group) {
				builder.addLimit(limit -> limit.capacity(properties.chatBurst())
					.refillGreedy(properties.groupPerMinute(), Duration.ofMinutes(1)));
			}
			this.bucket = builder.withCustomTimePrecision(time).build();
		}

		/**
		 * How long this pace must be kept from now: until the bucket is full again, counting one more token for
		 * the call that looked it up (it takes its token just after), plus a second; and at least until its pause
		 * ends.
		 */
		Duration stillMatters() {
			long missing = Math.max(0, properties.chatBurst() - bucket.getAvailableTokens()) + 1;
			long perTokenMillis = group ? Math.max(1000, 60_000 / properties.groupPerMinute()) : 1000;
			long paused = pausedUntil - clock.millis();
			// a group's sends count for a minute: the last reserved, or the one the caller reserves next (at most a
			// minute after the last), must leave the window before a new one (empty) is the same as this one
			long window = minute == null ? 0
					: Math.max(0, minute.clearsAt() - time.currentTimeNanos()) / 1_000_000 + 61_000;
			return Duration.ofMillis(Math.max(Math.max(missing * perTokenMillis + 1000, paused), window));
		}

		/**
		 * The wait before a message to this chat may go: a token of its bucket, and for a group a place in the
		 * minute's window too, both taken now.
		 */
		long reserve(long now) {
			long wait = bucket.consumeIgnoringRateLimits(1);
			return minute == null ? wait : minute.reserve(now, now + wait) - now;
		}

		/** Gives back what {@link #reserve} took, for a message cancelled before its turn (due {@code at}). */
		void giveBack(long at) {
			bucket.addTokens(1);
			if (minute != null) {
				minute.giveBack(at);
			}
		}
	}

}
