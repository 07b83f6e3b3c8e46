package io.analytips.follow;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.analytips.store.AlertRepository;
import io.analytips.store.FollowRepository;
import io.analytips.store.Followed;
import io.analytips.store.Subscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the chats of each bot follow, and how they want to be told: the bot's handlers change it, the leader's alert
 * rounds read it. Every method errors with the store's error when it cannot be read or written.
 */
public class Following {

	private final FollowRepository follows;

	private final AlertRepository alerts;

	private final Duration defaultLead;

	private final Clock clock;

	/** Counts the changes that may need alerts planned (a follow, new settings, a chat back): the planner looks. */
	private final AtomicLong changes = new AtomicLong();

	public Following(FollowRepository follows, AlertRepository alerts, Duration defaultLead, Clock clock) {
		this.follows = follows;
		this.alerts = alerts;
		this.defaultLead = defaultLead;
		this.clock = clock;
	}

	/**
	 * Follows {@code target} in the reader's chat (writing, or refreshing, how the chat reads). Emits true if it is
	 * new, false if it was followed already. The next alert round plans its games.
	 */
	public Mono<Boolean> follow(long bot, Subscriber reader, Followed target) {
		return Mono.defer(() -> follows.subscribe(bot, reader, clock.instant())
			.then(follows.follow(bot, reader.chatId(), target, clock.instant())))
			.doOnNext(followed -> changes.incrementAndGet());
	}

	/** Stops following; the chat's alerts about games it no longer follows are cancelled. Emits whether it was followed. */
	public Mono<Boolean> unfollow(long bot, long chat, Followed.Kind kind, long id) {
		return Mono.defer(() -> follows.unfollow(bot, chat, kind, id, clock.instant()));
	}

	/** What the chat follows, leagues first then teams, by name; empty if nothing. */
	public Flux<Followed> following(long bot, long chat) {
		return follows.following(bot, chat);
	}

	/** Whether the chat follows exactly this. */
	public Mono<Boolean> follows(long bot, long chat, Followed.Kind kind, long id) {
		return following(bot, chat).any(followed -> followed.kind() == kind && followed.id() == id);
	}

	/** The chat's alert settings; empty if it follows nothing yet. */
	public Mono<Subscriber> settings(long bot, long chat) {
		return follows.subscriber(bot, chat);
	}

	/**
	 * Sets how long before kick-off the chat's alerts go ({@code null}: {@link #defaultLead()}) and the local hour of
	 * its digest ({@code null}: none); its pending alerts move to the new time. The chat is subscribed with
	 * {@code reader} first if it was not. Emits the settings as now stored; errors with an
	 * {@link IllegalArgumentException} for a lead outside 0–1440 minutes or an hour outside 0–23 (nothing written).
	 */
	public Mono<Subscriber> configure(long bot, Subscriber reader, Integer alertMinutes, Integer digestHour) {
		long chat = reader.chatId();
		return Mono.defer(() -> {
			// the record's own check: a clear error before anything is written
			new Subscriber(chat, reader.language(), reader.timeZone(), alertMinutes, digestHour, true);
			return follows.subscriber(bot, chat)
				.switchIfEmpty(follows.subscribe(bot, reader, clock.instant()).then(Mono.fromSupplier(() -> reader)))
				.then(Mono.defer(() -> follows.configure(bot, chat, alertMinutes, digestHour, clock.instant())))
				.then(Mono.defer(() -> alerts.reschedule(List.of(), bot, chat, defaultLead, clock.instant())))
				.then(follows.subscriber(bot, chat))
				.doOnNext(stored -> changes.incrementAndGet());
		});
	}

	/**
	 * The reader changed their language or time zone: their alerts are written in the new ones. Nothing happens for a
	 * chat that follows nothing. Completes once written.
	 */
	public Mono<Void> readerChanged(long bot, Subscriber reader) {
		return Mono.defer(() -> follows.updateReader(bot, reader, clock.instant())).then();
	}

	/**
	 * Whether alerts may reach the chat: false once the user blocked the bot (a 403, a "kicked" membership), true when
	 * they come back. Completes once written (nothing for a chat that follows nothing).
	 */
	public Mono<Void> reachable(long bot, long chat, boolean reachable) {
		return Mono.defer(() -> follows.setActive(bot, chat, reachable, clock.instant()))
			.doOnNext(changed -> changes.incrementAndGet())
			.then();
	}

	/** Emits where following stands (chats, alerts by state); errors with the store's error. */
	public Mono<AlertStatus> status() {
		return Mono.zip(follows.counts(), alerts.countByState())
			.map(both -> new AlertStatus(both.getT1()[0], both.getT1()[1], both.getT2()));
	}

	/**
	 * How many changes that may need alerts planned were made here (follows, settings, chats back): the leader's
	 * planner plans at once when it grows, instead of waiting for its next round.
	 */
	public long changes() {
		return changes.get();
	}

	/** How long before kick-off alerts go unless a chat chose otherwise ({@code ALERT_BEFORE_KICKOFF}). */
	public Duration defaultLead() {
		return defaultLead;
	}
}
