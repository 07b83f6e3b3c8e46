package io.analytips.bot;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.pipeline.UserTracker;
import io.analytips.telegram.model.ChatMemberUpdated;
import reactor.core.publisher.Mono;

/**
 * The bot's own membership changed: in a private chat, {@code kicked} means the user blocked the
 * bot (recorded, so nothing is sent to them); becoming a member again is recorded by the user
 * tracker when they next write.
 */
final class MembershipHandler implements Handler {

	private final UserTracker users;

	MembershipHandler(UserTracker users) {
		this.users = users;
	}

	@Override
	public boolean supports(UpdateContext context) {
		return context.update().myChatMember() != null;
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		ChatMemberUpdated change = context.update().myChatMember();
		boolean privateChat = "private".equals(change.chat().type());
		if (privateChat && "kicked".equals(change.newChatMember().status())) {
			return users.markBlocked(context.bot().id(), change.chat().id());
		}
		return Mono.empty();
	}
}
