package io.analytips.ops.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.analytips.common.Periodic;
import io.analytips.football.api.ApiTestSupport;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.sim.ApiFootballSimulator;
import io.analytips.football.sim.SimulatorTransport;
import io.analytips.football.sim.data.HistoricalData;
import io.analytips.support.TestClock;
import io.analytips.support.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.scheduler.clock.SchedulerClock;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

class AlertsTest {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final Clock clock = SchedulerClock.of(time);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final List<String> delivered = new CopyOnWriteArrayList<>();

	private final ResilientApiFootball api = new ResilientApiFootball(
			new SimulatorTransport(new ApiFootballSimulator(HistoricalData.of(List.of()), TestClock.running(), "key"), "key"),
			ApiTestSupport.properties("http://unused", "key", 1, 5), TestClock.running());

	private Periodic checks;

	@AfterEach
	void stop() {
		if (checks != null) {
			checks.stop();
		}
	}

	/** Every 15 s, as in the application. */
	private void start(Alerts alerts) {
		checks = new Periodic(Duration.ofSeconds(15), Duration.ofSeconds(15), time, alerts::checkAll);
		checks.start();
	}

	private void start(List<Alert> rules) {
		start(new Alerts(rules, text -> Mono.fromRunnable(() -> delivered.add(text)), time, clock, registry));
	}

	@Test
	void announcesTheBreakerOpeningOnceAndItsClosingOnce() {
		start(List.of(AlertRules.breaker(api)));
		time.advanceTimeBy(Duration.ofSeconds(15));
		assertThat(delivered).isEmpty();

		api.breaker().transitionToOpenState();
		time.advanceTimeBy(Duration.ofSeconds(15));
		assertThat(delivered).singleElement().asString().startsWith("🚨 API-Football circuit breaker open");

		time.advanceTimeBy(Duration.ofMinutes(10)); // still open, or half-open and open again: the same episode
		api.breaker().transitionToHalfOpenState();
		time.advanceTimeBy(Duration.ofMinutes(1));
		assertThat(delivered).hasSize(1);

		api.breaker().transitionToClosedState();
		time.advanceTimeBy(Duration.ofSeconds(15));
		assertThat(delivered).hasSize(2);
		assertThat(delivered.get(1)).isEqualTo("✅ API-Football circuit breaker closed again (after 11 min 15 s)");
		assertThat(registry.get("analytips.alerts").tag("kind", "breaker_open").tag("state", "raised").counter().count())
			.isEqualTo(1);
	}

	@Test
	void keepsCheckingWhenADeliveryOrACheckFails() {
		AtomicBoolean holds = new AtomicBoolean();
		Alert flaky = new Alert("flaky", () -> holds.get() ? Mono.just(true) : Mono.error(new IllegalStateException("unknown")),
				() -> "raised", () -> "cleared");
		start(new Alerts(List.of(flaky), text -> Mono.error(new IllegalStateException("Telegram down")), time, clock,
				registry));
		time.advanceTimeBy(Duration.ofSeconds(30)); // check errors: no state, no alert
		assertThat(registry.find("analytips.alerts").counter()).isNull();
		holds.set(true);
		time.advanceTimeBy(Duration.ofSeconds(15));
		assertThat(registry.get("analytips.alerts").tag("kind", "flaky").counter().count()).isEqualTo(1);
		assertThat(checks.isRunning()).isTrue();
	}

	@Test
	void raisesTheDatabaseAlertWhenPostgresqlCannotBeReached() {
		ConnectionPool pool = TestDatabase.pool(TestDatabase.fresh());
		Alert database = AlertRules.database(TestDatabase.client(pool));
		Alerts alerts = new Alerts(List.of(database), text -> Mono.fromRunnable(() -> delivered.add(text)), time, clock,
				registry);
		StepVerifier.create(alerts.checkAll()).verifyComplete();
		pool.dispose();
		StepVerifier.create(alerts.checkAll())
			.assertNext(message -> assertThat(message).startsWith("🚨 PostgreSQL unreachable"))
			.verifyComplete();
		StepVerifier.create(alerts.checkAll()).verifyComplete();
		assertThat(delivered).hasSize(1);
	}
}
