package io.analytips.bot;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import io.analytips.common.Caches;
import io.analytips.store.ConversationRepository;
import io.analytips.store.ConversationState;
import reactor.core.publisher.Mono;

/**
 * Who is in the middle of a team search ("type the team's name"). Kept in
 * {@code conversation_state}, so a restart does not forget it, and remembered in memory too, so
 * that ending searches on every other button or command costs a database write only for the users
 * who are searching. A search ends when a team is found, on {@code /cancel} or any other button or
 * command, or {@link #EXPIRES_AFTER} after it began or after the last name tried. A search is a user's with one bot
 * (Telegram's id of the bot, each method's first argument).
 */
final class SearchState {

	static final String AWAITING_TEAM = "awaiting-team";

	static final Duration EXPIRES_AFTER = Duration.ofMinutes(10);

	private final ConversationRepository conversations;

	private final Clock clock;

	/** A user of a bot. */
	private record Searcher(long bot, long user) {
	}

	private final Cache<Searcher, Boolean> searching;

	SearchState(ConversationRepository conversations, Clock clock) {
		this.conversations = conversations;
		this.clock = clock;
		this.searching = Caches.on(clock)
			.expireAfterWrite(EXPIRES_AFTER)
			.maximumSize(100_000)
			.build();
	}

	/** Begins a search, or keeps one going for another {@link #EXPIRES_AFTER} (a name that found nothing). */
	Mono<Void> await(long bot, long user) {
		return conversations.save(bot, new ConversationState(user, AWAITING_TEAM, null, clock.instant().plus(EXPIRES_AFTER)))
			.doOnSuccess(saved -> searching.put(new Searcher(bot, user), Boolean.TRUE));
	}

	/** Emits true when the user is searching (the state has not expired), false otherwise. */
	Mono<Boolean> isAwaiting(long bot, long user) {
		return conversations.find(bot, user, clock.instant())
			.map(state -> AWAITING_TEAM.equals(state.state()))
			.defaultIfEmpty(false);
	}

	/** Ends the user's search. */
	Mono<Void> end(long bot, long user) {
		return conversations.clear(bot, user).doOnSuccess(cleared -> searching.invalidate(new Searcher(bot, user)));
	}

	/**
	 * Ends the user's search if this process saw it begin; otherwise nothing (no database call).
	 * A search begun before a restart is only ended by its expiry, a team found or {@code /cancel}.
	 */
	Mono<Void> endIfSearching(long bot, long user) {
		return searching.getIfPresent(new Searcher(bot, user)) == null ? Mono.empty() : end(bot, user);
	}
}
