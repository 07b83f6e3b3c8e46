package io.analytips.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The calls a {@link FakeBotApi} (or one of its {@link FakeBot bots}) received, in order of arrival, and the views
 * of them the tests ask for: all, those of one method, the messages sent, those to one chat.
 */
final class RecordedCalls {

	private final ConcurrentLinkedQueue<FakeBotApi.Call> calls = new ConcurrentLinkedQueue<>();

	void add(FakeBotApi.Call call) {
		calls.add(call);
	}

	List<FakeBotApi.Call> all() {
		return new ArrayList<>(calls);
	}

	List<FakeBotApi.Call> of(String method) {
		return calls.stream().filter(call -> call.method().equals(method)).toList();
	}

	/** Messages sent ({@code sendMessage}), answered or refused. */
	List<FakeBotApi.Call> messages() {
		return of("sendMessage");
	}

	List<FakeBotApi.Call> messagesTo(long chatId) {
		return messages().stream().filter(call -> Long.valueOf(chatId).equals(call.chatId())).toList();
	}

	void clear() {
		calls.clear();
	}
}
