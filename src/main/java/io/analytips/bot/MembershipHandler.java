package io.analytips.bot;

import io.analytips.follow.Following;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.pipeline.UserTracker;
import io.analytips.telegram.model.ChatMemberUpdated;
import reactor.core.publisher.Mono;

/**
 * The bot's own membership changed: in a private chat, {@code kicked} means the user blocked the bot (recorded, so
 * nothing is sent to them, and their alerts stop); {@code member} means they came back (unblocked or restarted it):
 * they are seen again and their alerts may go again. In a group (which follows teams as a chat), the bot removed
 * ({@code left}, {@code kicked}) stops the group's alerts and added back ({@code member} or {@code administrator})
 * resumes them; nobody is marked blocked.
 */
final class MembershipHandler implements Handler {

	private final UserTracker users;

	/** Whose alerts stop and resume with the chat; null: none. */
	private final Following following;

	MembershipHandler(UserTracker users) {
		this(users, null);
	}

	MembershipHandler(UserTracker users, Following following) {
		this.users = users;
		this.following = following;
	}

	@Override
	public boolean supports(UpdateContext context) {
		return context.update().myChatMember() != null;
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		ChatMemberUpdated change = context.update().myChatMember();
		if (change.newChatMember() == null) {
			return Mono.empty();
		}
		long bot = context.bot().id();
		long chat = change.chat().id();
		if (context.isGroupChat()) {
			// a group follows as a chat: its alerts stop when the bot is removed and resume when it is added back
			return switch (change.newChatMember().status()) {
				case "left", "kicked" -> reachable(bot, chat, false);
				case "member", "administrator" -> reachable(bot, chat, true);
				default -> Mono.empty();
			};
		}
		if (!"private".equals(change.chat().type())) {
			return Mono.empty();
		}
		return switch (change.newChatMember().status()) {
			case "kicked" -> users.markBlocked(bot, chat).then(reachable(bot, chat, false));
			case "member" -> users.seen(bot, change.from()).then(reachable(bot, chat, true));
			default -> Mono.empty();
		};
	}

	private Mono<Void> reachable(long bot, long chat, boolean reachable) {
		return following == null ? Mono.empty() : following.reachable(bot, chat, reachable);
	}
}
