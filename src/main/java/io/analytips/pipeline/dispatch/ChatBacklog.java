package io.analytips.pipeline.dispatch;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What each chat holds in the dispatcher: its update running and those waiting behind it in its
 * lane. Each of them holds a dispatcher slot, so a chat whose updates arrive faster than they can
 * be answered (a busy group paced at 20 messages a minute) would otherwise take every slot; at
 * most {@code limit} are held per chat. Entries leave with a chat's last update, so memory is
 * bounded by the chats in the dispatcher.
 */
final class ChatBacklog {

	private final int limit;

	private final ConcurrentHashMap<Long, Integer> held = new ConcurrentHashMap<>();

	ChatBacklog(int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be positive: " + limit);
		}
		this.limit = limit;
	}

	/** Takes a place for one more update of {@code chat}; false when the chat already holds {@code limit}. */
	boolean tryHold(Long chat) {
		boolean[] taken = { false };
		held.compute(chat, (key, count) -> {
			int now = count == null ? 0 : count;
			if (now >= limit) {
				return count;
			}
			taken[0] = true;
			return now + 1;
		});
		return taken[0];
	}

	/** Gives back the place of an update of {@code chat} that ended (or was cancelled). */
	void release(Long chat) {
		held.computeIfPresent(chat, (key, count) -> count <= 1 ? null : count - 1);
	}

	/** Updates {@code chat} holds now. */
	int held(Long chat) {
		return held.getOrDefault(chat, 0);
	}

	/** Chats holding anything. */
	int chats() {
		return held.size();
	}
}
