package io.analytips.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;

/**
 * Users who talk to the bot while it does something else: {@code users} chats take turns, {@code perSecond} updates a
 * second in all, each sending {@code /start} and {@code /ajuda} alternately, one at a time (a user whose last update
 * has no reply yet lets its turn go). A reply is matched to its user's update by its words (the welcome or the
 * commands), so a reply sent twice by a leader that died is not taken for the next one's. Each {@link Reply} has when
 * its update was queued at the fake and when the reply reached it (both {@link System#nanoTime}).
 */
public final class ChattingUsers implements AutoCloseable {

	/** A reply: its update queued at the fake, the reply received by it. */
	public record Reply(long queuedNanos, long repliedNanos) {

		public long latencyMillis() {
			return (repliedNanos - queuedNanos) / 1_000_000;
		}
	}

	private record Waiting(boolean help, long queuedNanos) {
	}

	private final FakeBotApi telegram;

	private final long firstUser;

	private final int users;

	private final Map<Long, Waiting> waiting = new ConcurrentHashMap<>();

	private final Map<Long, AtomicInteger> sentByUser = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();

	private final AtomicInteger turnsLetGo = new AtomicInteger();

	private final AtomicInteger unmatched = new AtomicInteger();

	private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "chatting-users");
		thread.setDaemon(true);
		return thread;
	});

	private int next;

	private ChattingUsers(FakeBotApi telegram, long firstUser, int users) {
		this.telegram = telegram;
		this.firstUser = firstUser;
		this.users = users;
	}

	/**
	 * {@code users} chats from {@code firstUser}, silent until {@link #start}: their replies must be {@link #seen} from
	 * the first one.
	 */
	public static ChattingUsers of(FakeBotApi telegram, long firstUser, int users) {
		return new ChattingUsers(telegram, firstUser, users);
	}

	/** Starts the users talking, {@code perSecond} updates a second in all. */
	public ChattingUsers start(int perSecond) {
		clock.scheduleAtFixedRate(this::turn, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
		return this;
	}

	private void turn() {
		long user = firstUser + next;
		next = (next + 1) % users;
		if (waiting.containsKey(user)) {
			turnsLetGo.incrementAndGet();
			return;
		}
		boolean help = sentByUser.computeIfAbsent(user, u -> new AtomicInteger()).getAndIncrement() % 2 == 1;
		waiting.put(user, new Waiting(help, System.nanoTime()));
		telegram.enqueue(Updates.command(user, help ? "/ajuda" : "/start"));
	}

	/**
	 * Whether a message went to one of these users; records the reply if it answers the update waiting. For
	 * {@link FakeBotApi#onMessage} (never blocks).
	 */
	public boolean seen(FakeBotApi.Call call) {
		Long chat = call.chatId();
		if (chat == null || chat < firstUser || chat >= firstUser + users) {
			return false;
		}
		Waiting update = waiting.get(chat);
		String text = call.text() == null ? "" : call.text();
		boolean help = text.startsWith("<b>Comandos</b>");
		if (update != null && update.help() == help && waiting.remove(chat, update)) {
			replies.add(new Reply(update.queuedNanos(), call.atNanos()));
		}
		else {
			unmatched.incrementAndGet();
		}
		return true;
	}

	/** Stops sending (replies still come and are recorded). */
	@Override
	public void close() {
		clock.shutdownNow();
	}

	/** The replies so far. */
	public List<Reply> replies() {
		return List.copyOf(replies);
	}

	/** The replies whose update was queued at an instant {@code when} accepts. */
	public List<Reply> replies(LongPredicate when) {
		return replies.stream().filter(reply -> when.test(reply.queuedNanos())).toList();
	}

	/** Turns a user let go because its last update had no reply yet. */
	public int turnsLetGo() {
		return turnsLetGo.get();
	}

	/** Messages to these users that answered no update waiting (a reply sent twice, or one that came too late). */
	public int unmatched() {
		return unmatched.get();
	}

	/** Updates sent and still without a reply. */
	public int waiting() {
		return waiting.size();
	}

	/** The {@code percent}-th percentile (nearest rank) of these replies' latencies in ms; -1 for none. */
	public static long percentile(List<Reply> replies, double percent) {
		if (replies.isEmpty()) {
			return -1;
		}
		long[] sorted = replies.stream().mapToLong(Reply::latencyMillis).sorted().toArray();
		int rank = (int) Math.ceil(percent / 100 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
	}
}
