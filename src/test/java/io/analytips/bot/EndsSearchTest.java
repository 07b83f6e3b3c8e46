package io.analytips.bot;

import java.time.Duration;
import java.time.Instant;

import io.analytips.common.MutableClock;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.TestContexts;
import io.analytips.pipeline.UpdateContext;
import io.analytips.support.Replying;
import io.analytips.store.ConversationRepository;
import io.analytips.store.ConversationState;
import io.analytips.support.Updates;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.ReceivedUpdate;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Another button or /start ends a search, at the cost of a write only for users who are searching. */
class EndsSearchTest {

	private final ConversationRepository conversations = mock(ConversationRepository.class);

	private final MutableClock clock = new MutableClock();

	private final SearchState search = new SearchState(conversations, clock);

	private final Replying.Menu wrapped = new Replying.Menu();

	private final Handler menu = new EndsSearch(wrapped, search);

	EndsSearchTest() {
		when(conversations.save(anyLong(), any())).thenReturn(Mono.empty());
		when(conversations.clear(anyLong(), anyLong())).thenReturn(Mono.empty());
		when(outbound.answerCallbackQuery(any())).thenReturn(Mono.empty());
	}

	private final OutboundScheduler outbound = mock(OutboundScheduler.class);

	private UpdateContext press(long user) {
		var json = Updates.callback(user, "menu");
		json.put("update_id", 1);
		return TestContexts.of(ReceivedUpdate.parse(1, json.toString()), outbound);
	}

	@Test
	void leavesUsersWhoAreNotSearchingAlone() {
		StepVerifier.create(menu.handle(press(7))).verifyComplete();
		assertThat(wrapped.handled).hasValue(1);
		verify(conversations, never()).clear(anyLong(), anyLong());
	}

	@Test
	void endsTheSearchOfAUserWhoPressesAnotherButton() {
		StepVerifier.create(search.await(0, 7)).verifyComplete();
		StepVerifier.create(menu.handle(press(7))).verifyComplete();
		assertThat(wrapped.handled).hasValue(1);
		verify(conversations).clear(0, 7);
		StepVerifier.create(menu.handle(press(7))).verifyComplete();
		verify(conversations).clear(0, 7); // once: the search had already ended
	}

	@Test
	void aSearchWithOneBotIsNotEndedByTheSameUserPressingAnotherBotsButton() {
		StepVerifier.create(search.await(3, 7)).verifyComplete();
		StepVerifier.create(menu.handle(press(7))).verifyComplete(); // bot 0's button
		verify(conversations, never()).clear(anyLong(), anyLong());
		StepVerifier.create(search.endIfSearching(3, 7)).verifyComplete();
		verify(conversations).clear(3, 7);
	}

	@Test
	void keepsTheWrappedHandlersOwnAnswers() {
		assertThat(menu.supports(press(7))).isTrue();
		assertThat(menu.isNavigation(press(7))).isTrue();
	}

	@Test
	void aSearchLastsTenMinutesAfterTheLastNameTried() {
		StepVerifier.create(search.await(0, 8)).verifyComplete();
		verify(conversations).save(0, new ConversationState(8, SearchState.AWAITING_TEAM, null,
				Instant.parse("2026-11-23T12:10:00Z")));
		clock.advance(Duration.ofMinutes(11));
		StepVerifier.create(menu.handle(press(8))).verifyComplete();
		verify(conversations, never()).clear(0, 8);
	}

	@Test
	void findsWhetherAUserIsSearching() {
		when(conversations.find(0, 9, clock.instant())).thenReturn(Mono.just(new ConversationState(9, SearchState.AWAITING_TEAM,
				null, clock.instant().plusSeconds(60))));
		when(conversations.find(0, 10, clock.instant())).thenReturn(Mono.empty());
		when(conversations.find(0, 11, clock.instant())).thenReturn(Mono.error(new IllegalStateException("database down")));
		StepVerifier.create(search.isAwaiting(0, 9)).expectNext(true).verifyComplete();
		StepVerifier.create(search.isAwaiting(0, 10)).expectNext(false).verifyComplete();
		StepVerifier.create(search.isAwaiting(0, 11)).verifyErrorMessage("database down");
	}

}
