package io.analytips.host;

import java.time.Duration;
import java.util.List;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.support.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What the tests of several bots in one host share: three tokens on one fake Bot API, a handler that echoes, and a
 * host started over a {@link HostFixture} and stopped after each test.
 */
abstract class RunningHost {

	static final String ALPHA = "700001:alpha-token-for-the-fake-bot-api-000000";

	static final String BETA = "700002:beta-token-for-the-fake-bot-api-0000000";

	static final String GAMMA = "700003:gamma-token-for-the-fake-bot-api-000000";

	static final Duration WAIT = Duration.ofSeconds(20);

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

	HostFixture fixture;

	BotHost host;

	FakeBotApi fake() {
		FakeBotApi fake = FakeBotApi.start();
		fake.addBot(ALPHA, "alpha_bot");
		fake.addBot(BETA, "beta_bot");
		fake.addBot(GAMMA, "gamma_bot");
		return fake;
	}

	BotHost start(HostFixture with, List<String> tokens, Handler handler, BotVault vault) {
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
}
