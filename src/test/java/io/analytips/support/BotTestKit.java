package io.analytips.support;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.analytips.common.MutableClock;
import io.analytips.common.BotProfile;
import io.analytips.football.FootballData;
import io.analytips.football.TeamNames;
import io.analytips.football.TeamSearch;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.cache.CachePolicy;
import io.analytips.football.cache.FootballCache;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.pipeline.TestContexts;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.OutboundListener;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.TelegramClient;
import io.analytips.telegram.TelegramProperties;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a handler of the bot needs, for StepVerifier tests of one update at a time:
 * <ul>
 * <li>API-Football is the simulator, in-process: its latency and hangs ({@code football.faults()})
 * are Reactor timers, as are the client's timeouts and retries, so under
 * {@code StepVerifier.withVirtualTime} a test skips them instead of waiting;</li>
 * <li>replies go through the real outbound scheduler to the in-process fake Bot API
 * ({@link #telegram}), where the test reads them ({@link #repliesTo});</li>
 * <li>the clock is fixed at {@link TestClock#START} (a Monday of the Premier League and the
 * Brasileirão), so "today" is the same on any day the test runs;</li>
 * <li>the cache's second tier is a map ({@link MemoryApiCache}): nothing answers from another
 * thread later, so virtual time is safe, and no database has to start.</li>
 * </ul>
 * Handlers are package-private in {@code io.analytips.bot}: tests there build them from
 * {@link #data} and hand them the contexts made here ({@link #command}, {@link #press}).
 */
public final class BotTestKit implements AutoCloseable {

	public final MutableClock clock = new MutableClock();

	public final FakeBotApi telegram = FakeBotApi.start();

	public final ApiFootballSimulator football = ApiFootballSimulator.bundled(clock);

	public final FootballData data;

	/** Team search over the simulator's two leagues (Premier League, Brasileirão), with the bundled team names. */
	public final TeamSearch teamSearch;

	public final OutboundScheduler outbound;

	private long nextUpdateId = 1;

	public BotTestKit() {
		ApiFootballProperties properties = ApiTestSupport.properties("http://in-process", ApiFootballSimulator.KEY);
		this.data = new FootballData(
				new FootballCache(new MemoryApiCache(),
						new CachePolicy(clock, properties.timezone()), clock, 64L << 20, java.time.Duration.ofSeconds(60)),
				new ResilientApiFootball(new SimulatorTransport(football, ApiFootballSimulator.KEY), properties, clock),
				properties, clock);
		this.teamSearch = new TeamSearch(data, TeamNames.bundled(), properties.leagues());
		// A fixed clock never refills a rate bucket: bursts large enough for any one test.
		TelegramProperties telegramProperties = new TelegramProperties(FakeBotApi.TOKEN, URI.create(telegram.url()),
				TelegramProperties.Mode.POLLING, null, null, Duration.ofSeconds(1), 100, Duration.ofSeconds(5),
				Duration.ofSeconds(2), 1000, 100, 100, 1000, false, 1000);
		this.outbound = new OutboundScheduler(new TelegramClient(telegramProperties), telegramProperties, clock,
				OutboundListener.NONE);
	}

	/** A private message from {@code user}, in that user's language ({@code "pt-br"}, {@code "en"}). */
	public UpdateContext command(long user, String text, String language) {
		return context(Updates.message(user, user, "private", text, language));
	}

	/** A message from {@code user} in the group {@code chat} (a negative id), in that user's language. */
	public UpdateContext groupCommand(long user, long chat, String text, String language) {
		return context(Updates.message(user, chat, "supergroup", text, language));
	}

	/** A press of a button with {@code data} by {@code user}. */
	public UpdateContext press(long user, String data, String language) {
		ObjectNode update = Updates.callback(user, data);
		((ObjectNode) update.get("callback_query").get("from")).put("language_code", language);
		return context(update);
	}

	/** An inline query, {@code @bot query}, typed by {@code user} to {@code bot}. */
	public UpdateContext inline(long user, String query, String language, BotProfile bot) {
		return context(Updates.inlineQuery(user, query, language), bot);
	}

	private UpdateContext context(ObjectNode update) {
		return context(update, BotProfile.UNNAMED);
	}

	private synchronized UpdateContext context(ObjectNode update, BotProfile bot) {
		long id = nextUpdateId++;
		update.put("update_id", id);
		return TestContexts.of(ReceivedUpdate.parse(id, update.toString()), outbound, bot);
	}

	/** The texts the bot sent to (or edited in) the user's chat, in order. */
	public List<String> repliesTo(long user) {
		return telegram.calls().stream()
			.filter(call -> call.method().equals("sendMessage") || call.method().equals("editMessageText"))
			.filter(call -> call.body().path("chat_id").asLong() == user)
			.map(call -> call.body().path("text").asString())
			.toList();
	}

	/** The labels of the buttons under the last message sent to the user. */
	public List<String> lastButtonsTo(long user) {
		return buttons(telegram.messagesTo(user), "text");
	}

	/** The labels of the buttons of the last screen the user saw: a message sent or edited. */
	public List<String> lastScreenButtons(long user) {
		return buttons(screens(user), "text");
	}

	/** The data of the buttons of the last screen the user saw: a message sent or edited. */
	public List<String> lastScreenData(long user) {
		return buttons(screens(user), "callback_data");
	}

	private List<FakeBotApi.Call> screens(long user) {
		return telegram.calls().stream()
			.filter(call -> call.method().equals("sendMessage") || call.method().equals("editMessageText"))
			.filter(call -> call.body().path("chat_id").asLong() == user)
			.toList();
	}

	private static List<String> buttons(List<FakeBotApi.Call> shown, String field) {
		if (shown.isEmpty()) {
			return List.of();
		}
		List<String> values = new java.util.ArrayList<>();
		shown.get(shown.size() - 1).body().path("reply_markup").path("inline_keyboard")
			.forEach(row -> row.forEach(button -> values.add(button.path(field).asString())));
		return values;
	}

	@Override
	public void close() {
		telegram.close();
	}
}
