package io.analytips.bot;

import io.analytips.common.MutableClock;
import io.analytips.pipeline.TestContexts;
import io.analytips.pipeline.UpdateContext;
import io.analytips.pipeline.UserTracker;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.model.User;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The bot's membership of a private chat: blocking it stops the user's alerts, coming back resumes them. */
class MembershipHandlerTest {

	private final UserTracker users = mock(UserTracker.class);

	private final MemoryFollowing following = new MemoryFollowing(new MutableClock());

	private final MembershipHandler handler = new MembershipHandler(users, following);

	MembershipHandlerTest() {
		when(users.markBlocked(anyLong(), anyLong())).thenReturn(Mono.empty());
		when(users.seen(anyLong(), any())).thenReturn(Mono.empty());
	}

	private static UpdateContext change(long chat, String type, String status) {
		ObjectNode update = JsonMapper.builder().build().createObjectNode();
		update.put("update_id", 1);
		ObjectNode change = update.putObject("my_chat_member");
		change.putObject("chat").put("id", chat).put("type", type);
		change.putObject("from").put("id", chat).put("first_name", "Ana").put("language_code", "pt-br");
		change.put("date", 1);
		change.putObject("old_chat_member").put("status", "member");
		change.putObject("new_chat_member").put("status", status);
		return TestContexts.of(ReceivedUpdate.parse(1, update.toString()));
	}

	@Test
	void aUserWhoBlocksTheBotIsMarkedAndTheirAlertsStop() {
		StepVerifier.create(handler.handle(change(508, "private", "kicked"))).verifyComplete();

		verify(users).markBlocked(anyLong(), org.mockito.ArgumentMatchers.eq(508L));
		assertThat(following.reachability).containsExactly("508:false");
	}

	@Test
	void aUserWhoComesBackIsSeenAndTheirAlertsResume() {
		StepVerifier.create(handler.handle(change(509, "private", "member"))).verifyComplete();

		verify(users).seen(anyLong(), org.mockito.ArgumentMatchers.argThat((User user) -> user.id() == 509));
		assertThat(following.reachability).containsExactly("509:true");
	}

	@Test
	void aGroupThatRemovesTheBotStopsItsAlertsAndNobodyIsMarkedBlocked() {
		StepVerifier.create(handler.handle(change(-100, "group", "kicked"))).verifyComplete();
		StepVerifier.create(handler.handle(change(-1001, "supergroup", "left"))).verifyComplete();

		verify(users, never()).markBlocked(anyLong(), anyLong());
		assertThat(following.reachability).containsExactly("-100:false", "-1001:false");
	}

	@Test
	void aGroupThatAddsTheBotBackGetsItsAlertsAgainWhateverItsRights() {
		StepVerifier.create(handler.handle(change(-100, "group", "member"))).verifyComplete();
		StepVerifier.create(handler.handle(change(-1001, "supergroup", "administrator"))).verifyComplete();
		StepVerifier.create(handler.handle(change(-1002, "channel", "left"))).verifyComplete(); // a channel: none

		verify(users, never()).seen(anyLong(), org.mockito.ArgumentMatchers.any());
		assertThat(following.reachability).containsExactly("-100:true", "-1001:true");
	}

	@Test
	void aStoreThatCannotRecordItFailsTheUpdateForThePipelineToLog() {
		following.failing = true;

		StepVerifier.create(handler.handle(change(510, "private", "kicked"))).verifyError(IllegalStateException.class);
	}
}
