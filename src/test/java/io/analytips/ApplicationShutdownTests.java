package io.analytips;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorServer;
import io.analytips.host.BotHost;
import io.analytips.pipeline.UpdatePipeline;
import io.analytips.support.FakeBotApi;
import io.analytips.support.Scratch;
import io.analytips.support.TestClock;
import io.analytips.support.TestDatabase;
import io.analytips.support.Updates;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Closing the application leaves no pipeline, connection or thread of its own behind. */
class ApplicationShutdownTests {

	@Test
	void closingTheContextStopsEverythingItStarted() {
		Set<String> threadsBefore = threadNames();
		try (FakeBotApi telegram = FakeBotApi.start();
				SimulatorServer football = SimulatorServer.start(ApiFootballSimulator.bundled(TestClock.running()),
						"127.0.0.1", 0)) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(AnalytipsApplication.class).run(
					"--analytips.telegram.bot-token=" + FakeBotApi.TOKEN, "--analytips.telegram.api-url=" + telegram.url(),
					"--analytips.football.url=" + football.url(), "--analytips.football.key=" + ApiFootballSimulator.KEY,
					"--analytips.telegram.poll-timeout=1s", "--analytips.bot.send-journal=" + Scratch.directory("send-journal"),
					"--analytips.database.url=" + TestDatabase.environmentUrl(TestDatabase.fresh()), "--server.port=0",
					"--LOG_FORMAT=text");
			telegram.enqueue(Updates.message(1, "/help"));
			await().atMost(Duration.ofSeconds(20)).until(() -> telegram.messages().size() == 1);
			UpdatePipeline pipeline = context.getBean(BotHost.class).first().orElseThrow().pipeline();
			ConnectionPool pool = context.getBean(ConnectionPool.class);

			context.close();

			assertThat(pipeline.isRunning()).isFalse();
			assertThat(pool.isDisposed()).isTrue();
			assertThat(telegram.confirmedOffset()).isEqualTo(2);
			// What may remain is daemon and JVM-wide (Reactor's schedulers, the R2DBC event loop the
			// tests' own pools share); nothing that could keep a JVM alive.
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
				.filteredOn(thread -> thread.isAlive() && !threadsBefore.contains(thread.getName())
						&& !thread.getName().startsWith("awaitility"))
				.allMatch(Thread::isDaemon, "daemon")
				.noneMatch(thread -> thread.getName().startsWith("reactor-http")
						|| thread.getName().startsWith("analytips")));
		}
	}

	private static Set<String> threadNames() {
		return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
			.collect(Collectors.toSet());
	}
}
