package io.analytips.host;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.support.FakeBot;
import io.analytips.support.FakeBotApi;
import io.analytips.support.Updates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several bots in one host, each on a token of its own on one fake Bot API: each answers its own users through its
 * own token, and none can take another down (a refused token, a flood, a 429).
 */
class BotHostTests {

	static final String ALPHA = "700001:alpha-token-for-the-fake-bot-api-000000";

	static final String BETA = "700002:beta-token-for-the-fake-bot-api-0000000";

	static final String GAMMA = "700003:gamma-token-for-the-fake-bot-api-000000";

	private static final Duration WAIT = Duration.ofSeconds(20);

	/** Answers every message with the bot's name and the text, after {@code delay} (a slow handler makes a flood). */
	static Handler echo(Duration delay) {
		return new Handler() {
			@Override
			public boolean supports(UpdateContext context) {
				return context.text() != null;
			}

			@Override
			public Mono<Void> handle(UpdateContext context) {
				return Mono.delay(delay, Schedulers.parallel())
					.then(context.reply("@" + context.bot().username() + ": " + context.text()))
					.then();
			}
		};
	}

	/** Bots kept as the database would keep them. */
	static final class MemoryVault implements BotVault {

		final Map<String, MemoryVault.Row> rows = new ConcurrentHashMap<>();

		record Row(long id, String token) {
		}

		@Override
		public Flux<BotVault.Kept> hosted() {
			return Flux.fromIterable(rows.entrySet()).map(row -> new BotVault.Kept(row.getValue().id(), row.getKey(),
					row.getValue().token()));
		}

		@Override
		public Mono<Void> keep(long id, String username, String token, String by) {
			return Mono.fromRunnable(() -> rows.put(username, new Row(id, token)));
		}

		@Override
		public Mono<Boolean> forget(String username) {
			return Mono.fromCallable(() -> rows.remove(username) != null);
		}

		@Override
		public boolean enabled() {
			return true;
		}
	}

	private HostFixture fixture;

	private BotHost host;

	private FakeBotApi fake() {
		FakeBotApi fake = FakeBotApi.start();
		fake.addBot(ALPHA, "alpha_bot");
		fake.addBot(BETA, "beta_bot");
		fake.addBot(GAMMA, "gamma_bot");
		return fake;
	}

	private BotHost start(HostFixture with, List<String> tokens, Handler handler, BotVault vault) {
		fixture = with;
		host = with.host(tokens, List.of(handler), vault);
		StepVerifier.create(host.check()).expectNextCount(1).verifyComplete();
		host.start();
		return host;
	}

	@AfterEach
	void stop() {
		if (host != null) {
			reactor.core.publisher.Sinks.Empty<Void> stopped = reactor.core.publisher.Sinks.empty();
			host.stop(stopped::tryEmitEmpty);
			stopped.asMono().block(WAIT);
		}
		if (fixture != null) {
			fixture.close();
		}
	}

	@Test
	void eachBotAnswersItsOwnUsersThroughItsOwnToken() {
		FakeBotApi telegram = fake();
		start(new HostFixture(telegram, 100, 8), List.of(ALPHA, BETA), echo(Duration.ZERO), BotVault.NONE);
		FakeBot alpha = telegram.bot(ALPHA);
		FakeBot beta = telegram.bot(BETA);

		// the same update id and user id at both bots: each bot's state is its own
		alpha.enqueue(Updates.message(501, "hello").put("update_id", 1));
		beta.enqueue(Updates.message(501, "hello").put("update_id", 1));

		await().atMost(WAIT).until(() -> alpha.messagesTo(501).size() == 1 && beta.messagesTo(501).size() == 1);
		assertThat(alpha.messagesTo(501).get(0).text()).isEqualTo("@alpha_bot: hello");
		assertThat(beta.messagesTo(501).get(0).text()).isEqualTo("@beta_bot: hello");
		assertThat(host.bots()).extracting(HostedBot::username).containsExactly("alpha_bot", "beta_bot");
	}

	@Test
	void startsTheValidTokensAndNamesTheRefusedOne() {
		FakeBotApi telegram = fake();
		telegram.bot(GAMMA).revoke();
		fixture = new HostFixture(telegram, 100, 8);
		host = fixture.host(List.of(ALPHA, GAMMA, "not-a-token"), List.of(echo(Duration.ZERO)), BotVault.NONE);

		StepVerifier.create(host.check())
			.assertNext(checks -> {
				assertThat(checks).extracting(TokenCheck::valid).containsExactly(true, false, false);
				assertThat(checks.get(1).describe()).startsWith("token 2 (700003:<secret>) is invalid: ")
					.contains("401").doesNotContain("gamma-token");
				assertThat(checks.get(2).describe()).startsWith("token 3 is invalid: not a bot token");
			})
			.verifyComplete();
		host.start();

		assertThat(host.bots()).extracting(HostedBot::username).containsExactly("alpha_bot");
	}

	@Test
	void aTokenRefusedWhileRunningStopsThatBotAloneAndTheOthersAnswerOn() {
		FakeBotApi telegram = fake();
		start(new HostFixture(telegram, 100, 8), List.of(ALPHA, BETA), echo(Duration.ZERO), BotVault.NONE);
		FakeBot alpha = telegram.bot(ALPHA);
		FakeBot beta = telegram.bot(BETA);

		alpha.revoke();
		await().atMost(WAIT).until(() -> host.find("alpha_bot").orElseThrow().state() == BotState.UNAUTHORIZED);
		beta.enqueue(Updates.message(601, "still there?"));

		await().atMost(WAIT).until(() -> beta.messagesTo(601).size() == 1);
		assertThat(host.find("alpha_bot").orElseThrow().problem()).contains("401");
		assertThat(host.find("beta_bot").orElseThrow().state()).isEqualTo(BotState.RUNNING);
	}

	@Test
	void aFloodedBotsBurstWaitsAtTelegramWhileTheOthersFlow() {
		FakeBotApi telegram = fake();
		// each bot: 10 places in its buffer, 2 handled at once, 300 ms a message
		start(new HostFixture(telegram, 10, 2), List.of(ALPHA, BETA), echo(Duration.ofMillis(300)), BotVault.NONE);
		FakeBot alpha = telegram.bot(ALPHA);
		FakeBot beta = telegram.bot(BETA);

		for (int user = 1; user <= 100; user++) {
			alpha.enqueue(Updates.message(10_000 + user, "flood"));
		}
		for (int user = 1; user <= 4; user++) {
			beta.enqueue(Updates.message(20_000 + user, "calm"));
		}

		await().atMost(WAIT).until(() -> beta.messages().size() == 4);
		assertThat(beta.messages()).extracting(FakeBotApi.Call::text).containsOnly("@beta_bot: calm");
		assertThat(host.find("beta_bot").orElseThrow().pipeline().stats().rejected()).isZero();
		// alpha fetches only what its share of the buffer holds: the rest of its burst waits at Telegram, refused never
		assertThat(alpha.unconfirmed()).as("still at Telegram or in alpha's hands").isPositive();
		await().atMost(Duration.ofSeconds(60)).until(() -> alpha.messages().size() == 100);
		assertThat(alpha.messages()).extracting(FakeBotApi.Call::text).containsOnly("@alpha_bot: flood");
		assertThat(host.find("alpha_bot").orElseThrow().pipeline().stats().rejected()).isZero();
	}

	@Test
	void aBotPausedByTelegramDelaysOnlyItsOwnMessages() {
		FakeBotApi telegram = fake();
		start(new HostFixture(telegram, 100, 8), List.of(ALPHA, BETA), echo(Duration.ZERO), BotVault.NONE);
		FakeBot alpha = telegram.bot(ALPHA);
		FakeBot beta = telegram.bot(BETA);
		alpha.when("sendMessage").retryAfter(5).times(1);

		alpha.enqueue(Updates.message(701, "first"));
		await().atMost(WAIT).until(() -> alpha.messagesTo(701).size() == 1); // the refused attempt
		long paused = System.nanoTime();
		beta.enqueue(Updates.message(702, "meanwhile"));

		await().atMost(WAIT).until(() -> beta.messagesTo(702).size() == 1);
		assertThat(Duration.ofNanos(System.nanoTime() - paused)).isLessThan(Duration.ofSeconds(4));
		assertThat(alpha.messagesTo(701)).hasSize(1); // still paused
		await().atMost(WAIT).until(() -> alpha.messagesTo(701).size() == 2); // sent after its 5 s
	}

	@Test
	void theBotsShareTheDeploymentsBufferEvenly() {
		FakeBotApi telegram = fake();
		start(new HostFixture(telegram, 1000, 8), List.of(ALPHA, BETA), echo(Duration.ZERO), BotVault.NONE);

		assertThat(host.bots()).allSatisfy(bot -> assertThat(bot.pipeline().stats().capacity()).isEqualTo(500));
	}

	@Test
	void eachBotHasTelegramsGlobalRateToItself() {
		FakeBotApi telegram = fake();
		// 5 messages a second per bot: 15 to each bot's users take each bot 2 s alone, and 5 s if the rate were shared
		start(new HostFixture(telegram, 100, 32, 5), List.of(ALPHA, BETA), echo(Duration.ZERO), BotVault.NONE);
		FakeBot alpha = telegram.bot(ALPHA);
		FakeBot beta = telegram.bot(BETA);

		long queued = System.nanoTime();
		for (int user = 1; user <= 15; user++) {
			alpha.enqueue(Updates.message(30_000 + user, "a"));
			beta.enqueue(Updates.message(40_000 + user, "b"));
		}

		await().atMost(WAIT).until(() -> alpha.messages().size() == 15 && beta.messages().size() == 15);
		long last = Math.max(alpha.messages().get(14).atNanos(), beta.messages().get(14).atNanos());
		assertThat(Duration.ofNanos(last - queued)).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void aBotAddedWhileRunningAnswersAndOneRemovedStopsAlone() {
		FakeBotApi telegram = fake();
		MemoryVault kept = new MemoryVault();
		start(new HostFixture(telegram, 100, 8), List.of(ALPHA), echo(Duration.ZERO), kept);
		FakeBot alpha = telegram.bot(ALPHA);
		FakeBot beta = telegram.bot(BETA);

		StepVerifier.create(host.add(BETA, "test"))
			.assertNext(bot -> assertThat(bot.username()).isEqualTo("beta_bot"))
			.verifyComplete();
		beta.enqueue(Updates.message(801, "new here"));
		await().atMost(WAIT).until(() -> beta.messagesTo(801).size() == 1);
		assertThat(kept.rows).containsKey("beta_bot");

		StepVerifier.create(host.remove("@BETA_BOT"))
			.assertNext(bot -> assertThat(bot.state()).isEqualTo(BotState.STOPPED))
			.verifyComplete();
		assertThat(kept.rows).isEmpty();
		beta.enqueue(Updates.message(802, "anyone?"));
		alpha.enqueue(Updates.message(803, "alpha still?"));
		await().atMost(WAIT).until(() -> alpha.messagesTo(803).size() == 1);
		assertThat(beta.messagesTo(802)).isEmpty();
		assertThat(host.bots()).extracting(HostedBot::username).containsExactly("alpha_bot");
	}

	@Test
	void refusesToAddATokenTelegramRefusesOrABotHostedAlready() {
		FakeBotApi telegram = fake();
		telegram.bot(GAMMA).revoke();
		start(new HostFixture(telegram, 100, 8), List.of(ALPHA), echo(Duration.ZERO), new MemoryVault());

		StepVerifier.create(host.add(GAMMA, "test"))
			.expectErrorSatisfies(error -> assertThat(BotFactory.refusesToken(error)).isTrue())
			.verify(WAIT);
		StepVerifier.create(host.add(ALPHA, "test")).expectError(IllegalStateException.class).verify(WAIT);
		StepVerifier.create(host.add("nonsense", "test")).expectError(IllegalArgumentException.class).verify(WAIT);
		StepVerifier.create(host.remove("nobody_bot")).verifyComplete();
	}

	@Test
	void withoutAKeyNoBotCanBeAdded() {
		FakeBotApi telegram = fake();
		start(new HostFixture(telegram, 100, 8), List.of(ALPHA), echo(Duration.ZERO), BotVault.NONE);

		assertThat(host.canAdd()).isFalse();
		StepVerifier.create(host.add(BETA, "test"))
			.expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("BOTS_TOKEN_KEY"))
			.verify(WAIT);
	}

	@Test
	void eachBotsMetersCarryItsNameAndLeaveWithIt() {
		FakeBotApi telegram = fake();
		MemoryVault kept = new MemoryVault();
		start(new HostFixture(telegram, 100, 8), List.of(ALPHA), echo(Duration.ZERO), kept);
		StepVerifier.create(host.add(BETA, "test")).expectNextCount(1).verifyComplete();

		assertThat(fixture.meters.find("analytips.queue.capacity").tag("bot", "beta_bot").gauge()).isNotNull();
		assertThat(fixture.meters.find("analytips.queue.capacity").tag("bot", "alpha_bot").gauge()).isNotNull();

		StepVerifier.create(host.remove("beta_bot")).expectNextCount(1).verifyComplete();
		assertThat(fixture.meters.find("analytips.queue.capacity").tag("bot", "beta_bot").gauge()).isNull();
		assertThat(fixture.meters.find("analytips.queue.capacity").tag("bot", "alpha_bot").gauge()).isNotNull();
	}
}
