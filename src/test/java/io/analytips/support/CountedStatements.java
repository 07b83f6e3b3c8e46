package io.analytips.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** A connection factory that counts the statements made on its connections: what a batched call saves is visible. */
public final class CountedStatements implements ConnectionFactory {

	private final ConnectionFactory connections;

	private final AtomicInteger statements = new AtomicInteger();

	public CountedStatements(ConnectionFactory connections) {
		this.connections = connections;
	}

	/** Statements created so far. */
	public int count() {
		return statements.get();
	}

	@Override
	public Publisher<? extends Connection> create() {
		return Mono.from(connections.create()).map(this::counting);
	}

	@Override
	public ConnectionFactoryMetadata getMetadata() {
		return connections.getMetadata();
	}

	private Connection counting(Connection connection) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, arguments) -> {
					if (method.getName().equals("createStatement")) {
						statements.incrementAndGet();
					}
					try {
						return method.invoke(connection, arguments);
					}
					catch (InvocationTargetException thrown) {
						throw thrown.getCause();
					}
				});
	}
}
