package io.analytips.store;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;

/**
 * The driver's connection factory under a short name. r2dbc-pool names every acquisition after its factory and
 * bounds it with {@code Mono.timeout}, which copies that name into a new description at each subscription: with the
 * driver's own {@code toString} (its whole configuration) that was 3.7% of all the bytes the bot allocated under a
 * burst (JFR, 2026-12-07; docs/performance.md).
 */
final class ShortlyNamedFactory implements ConnectionFactory, Wrapped<ConnectionFactory> {

	private final ConnectionFactory driver;

	private final String name;

	ShortlyNamedFactory(ConnectionFactory driver, String name) {
		this.driver = driver;
		this.name = name;
	}

	@Override
	public Publisher<? extends Connection> create() {
		return driver.create();
	}

	@Override
	public ConnectionFactoryMetadata getMetadata() {
		return driver.getMetadata();
	}

	@Override
	public ConnectionFactory unwrap() {
		return driver;
	}

	@Override
	public String toString() {
		return name;
	}
}
