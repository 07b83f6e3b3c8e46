package io.analytips.football.sim;

import java.time.Clock;

import io.analytips.common.DemoToday;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.football.api.HttpApiTransport;
import io.analytips.store.MigrationCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The offline demo ({@code --demo}): the simulator runs in-process on a free loopback port and the
 * API-Football client talks to it over real HTTP, exactly as to the real API.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DemoConfiguration.class);

	/** Today in the bot's time zone, so both agree on which games are today's. */
	@Bean(destroyMethod = "close")
	SimulatorServer simulatorServer(Clock clock, ApiFootballProperties football) {
		SimulatorServer server = SimulatorServer.start(ApiFootballSimulator.bundled(clock, football.timezone()),
				"127.0.0.1", 0);
		log.info("Demo: API-Football simulator on {}; today replays {}", server.url(),
				server.simulator().replayedDays());
		return server;
	}

	/**
	 * Each run starts from a fresh copy of the football data for its day: what an earlier run derived from its own
	 * replayed world (cached answers, remembered prices, a pending search) is deleted with the migrations, before
	 * anything is received ({@code db/demo}). The user's analyses stay.
	 */
	@Bean
	MigrationCallbacks forgetThePreviousRunsWorld() {
		return new MigrationCallbacks("classpath:db/demo");
	}

	@Bean
	DemoToday demoToday(SimulatorServer simulator) {
		return simulator.simulator();
	}

	@Bean
	HttpApiTransport apiTransport(SimulatorServer simulator) {
		return new HttpApiTransport(java.net.URI.create(simulator.url()), ApiFootballSimulator.KEY);
	}
}
