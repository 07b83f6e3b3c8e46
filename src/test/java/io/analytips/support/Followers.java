package io.analytips.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.analytips.store.DatabaseUrl;
import org.assertj.core.api.SoftAssertions;

/**
 * What the process tests of alerts to followers share: {@code followers} chats of the fake's default bot following
 * one team, written straight into the database with a watched fixture of that team kicking off in three hours, its
 * forecast (so no analysis is needed) and a pre-kick-off alert per chat, pending and due now; and the alerts the fake
 * received, chat by chat. The team and the fixture are not the simulator's: the planner, which reads the simulator's
 * fixtures, neither plans nor moves these alerts, and the result watch does not read a fixture before kick-off.
 */
public final class Followers {

	/** The fake's default bot's id ({@code getMe}): the alerts' {@code bot_id}. */
	public static final long BOT = 123456;

	/** The team followed, and its fixture: ids far from the simulator's. */
	public static final long TEAM = 9_900_001;

	public static final long FIXTURE = 9_900_001;

	/** The first follower's chat id; the others follow on. */
	public static final long FIRST_CHAT = 5_000_000;

	private final int count;

	/** Alerts received by chat. */
	private final Map<Long, AtomicInteger> received = new ConcurrentHashMap<>();

	private final AtomicInteger sends = new AtomicInteger();

	private final AtomicLong firstNanos = new AtomicLong(Long.MAX_VALUE);

	private final AtomicLong lastNanos = new AtomicLong(Long.MIN_VALUE);

	/** The first alert each client ({@link FakeBotApi.Call#via}) sent. */
	private final Map<String, Long> firstByVia = new ConcurrentHashMap<>();

	/** Every alert received: its sender, chat and moment. */
	private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();

	/** One alert the fake received: through which client ({@link FakeBotApi.Call#via}), to which chat, when. */
	public record Sent(String via, long chat, long atNanos) {
	}

	public Followers(int count) {
		this.count = count;
	}

	/**
	 * Writes the followers, the fixture, its forecast and the alerts, due now (the database's clock), in one
	 * transaction: the leader's next round finds them all at once. Blocks (test code, JDBC).
	 */
	public void seed(DatabaseUrl database) {
		long last = FIRST_CHAT + count - 1;
		String chats = "generate_series(" + FIRST_CHAT + ", " + last + ") as c";
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password()); Statement sql = connection.createStatement()) {
			connection.setAutoCommit(false);
			sql.execute("insert into subscribers (bot_id, chat_id, language, time_zone, active, updated_at)"
					+ " select " + BOT + ", c, 'pt-BR', 'America/Sao_Paulo', true, now() from " + chats);
			sql.execute("insert into follows (bot_id, chat_id, kind, target_id, name, created_at)"
					+ " select " + BOT + ", c, 'team', " + TEAM + ", 'Seguido FC', now() from " + chats);
			sql.execute("insert into watched_fixtures (fixture_id, league_id, season, home_id, away_id, home_name,"
					+ " away_name, kickoff, status, updated_at) values (" + FIXTURE + ", 71, 2026, " + TEAM + ", "
					+ (TEAM + 1) + ", 'Seguido FC', 'Visitante EC', date_trunc('minute', now()) + interval '3 hours',"
					+ " 'NS', now())");
			sql.execute("insert into forecasts (fixture_id, league_id, kickoff, made_at, home, draw, away, over25,"
					+ " market_home, market_draw, market_away, bookmaker) select fixture_id, league_id, kickoff, now(),"
					+ " 0.46, 0.27, 0.27, 0.51, 2.05, 3.40, 3.70, 'Bet365' from watched_fixtures where fixture_id = "
					+ FIXTURE);
			sql.execute("insert into alerts (bot_id, chat_id, fixture_id, kind, due_at, kickoff, state, created_at)"
					+ " select " + BOT + ", c, " + FIXTURE + ", 'before', now(), (select kickoff from watched_fixtures"
					+ " where fixture_id = " + FIXTURE + "), 'pending', now() from " + chats);
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether a message went to a follower; counts it if so. For {@link FakeBotApi#onMessage} (never blocks). */
	public boolean seen(FakeBotApi.Call call) {
		Long chat = call.chatId();
		if (chat == null || chat < FIRST_CHAT || chat >= FIRST_CHAT + count) {
			return false;
		}
		received.computeIfAbsent(chat, c -> new AtomicInteger()).incrementAndGet();
		sends.incrementAndGet();
		firstNanos.accumulateAndGet(call.atNanos(), Math::min);
		lastNanos.accumulateAndGet(call.atNanos(), Math::max);
		firstByVia.merge(call.via(), call.atNanos(), Math::min);
		sent.add(new Sent(call.via(), chat, call.atNanos()));
		return true;
	}

	/** Alerts received, every chat's. */
	public int sends() {
		return sends.get();
	}

	/** Chats that got at least one alert. */
	/**
	 * What every broadcast test asserts ({@code finished}: every row ended sent): each of the {@code followers} chats
	 * got its alert, at most {@code twice} of them twice (one claimed batch), none more than twice.
	 */
	public void toldEveryChat(SoftAssertions soft, boolean finished, int followers, long twice, String figures) {
		soft.assertThat(finished).as("every alert sent in the end; %s", figures).isTrue();
		soft.assertThat(reached()).as("chats that got their alert; %s", figures).isEqualTo(followers);
		soft.assertThat(chatsReceiving(2)).as("chats that got it twice (at most %d); %s", twice, figures)
			.isLessThanOrEqualTo(twice);
		soft.assertThat(chatsReceivingMoreThan(2)).as("chats that got it more than twice; %s", figures).isZero();
	}

	public int reached() {
		return received.size();
	}

	/** Chats that got exactly {@code times} alerts. */
	public long chatsReceiving(int times) {
		return received.values().stream().filter(n -> n.get() == times).count();
	}

	/** Chats that got more than {@code times} alerts. */
	public long chatsReceivingMoreThan(int times) {
		return received.values().stream().filter(n -> n.get() > times).count();
	}

	/** When the first alert came ({@link System#nanoTime}), or {@link Long#MAX_VALUE} before it. */
	public long firstNanos() {
		return firstNanos.get();
	}

	/** When the last alert so far came. */
	public long lastNanos() {
		return lastNanos.get();
	}

	/** When the first alert sent through {@code via} came, or null. */
	public Long firstVia(String via) {
		return firstByVia.get(via);
	}

	/** Alerts received through {@code via} after {@code afterNanos} ({@link System#nanoTime}). */
	public long sendsVia(String via, long afterNanos) {
		return sent.stream().filter(one -> one.via().equals(via) && one.atNanos() > afterNanos).count();
	}

	/** Alerts received through {@code via}. */
	public long sendsVia(String via) {
		return sendsVia(via, Long.MIN_VALUE);
	}

	/** When the first alert after {@code afterNanos} came, or {@link Long#MAX_VALUE} if none did. */
	public long firstAfter(long afterNanos) {
		return sent.stream().mapToLong(Sent::atNanos).filter(at -> at > afterNanos).min().orElse(Long.MAX_VALUE);
	}

	/** The chats that got their alert more than once, in order (for a report: which batch went twice). */
	public List<Long> chatsReceivingMoreThanOnce() {
		return received.entrySet().stream().filter(entry -> entry.getValue().get() > 1).map(Map.Entry::getKey).sorted()
			.toList();
	}

	/** The alerts' rows by state, as text ({@code [sent=10000]}). Blocks. */
	public static String states(DatabaseUrl database) {
		return String.valueOf(BotUnderLoad.rows(database,
				"select state || '=' || count(*) from alerts group by state order by state"));
	}
}
