package io.analytips.football.sim;

import java.time.Clock;

import io.analytips.football.api.HttpApiTransport;

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

	@Bean(destroyMethod = "close")
	SimulatorServer simulatorServer(Clock clock) {
		return SimulatorServer.start(ApiFootballSimulator.bundled(clock), "127.0.0.1", 0);
	}

	@Bean
	HttpApiTransport apiTransport(SimulatorServer simulator) {
		return new HttpApiTransport(java.net.URI.create(simulator.url()), ApiFootballSimulator.KEY);
	}
}
