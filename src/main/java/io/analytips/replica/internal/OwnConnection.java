package io.analytips.replica.internal;

import java.time.Duration;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A connection of its own, outside the pool (a pool exhausted by load must not starve what runs on it), opened at
 * the first statement and again after a statement failed: for work that must go on through a database blip, such
 * as the lead's renewals. Statements run one at a time, each in its own transaction.
 */
final class OwnConnection {

	private final ConnectionFactory connections;

	private final Duration timeout;

	private volatile Connection connection;

	/** @param timeout the most one statement (or opening the connection) may take */
	OwnConnection(ConnectionFactory connections, Duration timeout) {
		this.connections = connections;
		this.timeout = timeout;
	}

	/** The first column of the statement's first row, on this connection (opened again if it failed). */
	Mono<Object> statement(String sql, Object... parameters) {
		return columns(sql, parameters).map(values -> values[0]);
	}

	/** The columns of the statement's first row, empty when it has none; a failed connection is dropped. */
	Mono<Object[]> columns(String sql, Object... parameters) {
		return connection()
			.flatMap(open -> {
				var statement = open.createStatement(sql);
				for (int i = 0; i < parameters.length; i++) {
					statement.bind(i, parameters[i]);
				}
				return Flux.from(statement.execute())
					.concatMap(result -> result.map((row, metadata) -> {
						Object[] values = new Object[metadata.getColumnMetadatas().size()];
						for (int i = 0; i < values.length; i++) {
							values[i] = row.get(i);
						}
						return values;
					}))
					.next();
			})
			.timeout(timeout)
			.doOnError(error -> dropConnection());
	}

	private Mono<Connection> connection() {
		return Mono.defer(() -> {
			Connection open = connection;
			if (open != null) {
				return Mono.just(open);
			}
			return Mono.from(connections.create()).timeout(timeout).doOnNext(created -> connection = created);
		});
	}

	private void dropConnection() {
		Connection failed = connection;
		connection = null;
		if (failed != null) {
			Mono.from(failed.close()).onErrorResume(ignored -> Mono.empty()).subscribe();
		}
	}

	/** Closes the connection, if open; never errors. */
	Mono<Void> close() {
		return Mono.defer(() -> {
			Connection open = connection;
			connection = null;
			return open == null ? Mono.empty() : Mono.from(open.close()).onErrorResume(ignored -> Mono.empty());
		});
	}
}
