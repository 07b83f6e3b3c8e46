package io.analytips.ops.startup;

import io.analytips.store.DatabaseUrl;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/** PostgreSQL {@code SELECT 1}: the database named by {@code DATABASE_URL} accepts us. */
final class DatabaseStartupCheck implements StartupCheck {

	private final DatabaseClient db;

	private final DatabaseUrl url;

	DatabaseStartupCheck(DatabaseClient db, DatabaseUrl url) {
		this.db = db;
		this.url = url;
	}

	@Override
	public String name() {
		return "PostgreSQL";
	}

	@Override
	public String setting() {
		return "DATABASE_URL";
	}

	@Override
	public Mono<Void> run() {
		return db.sql("select 1").fetch().rowsUpdated().then().onErrorMap(this::failure);
	}

	private StartupCheckFailure failure(Throwable error) {
		R2dbcException r2dbc = find(error);
		String state = r2dbc == null ? null : r2dbc.getSqlState();
		String why = (r2dbc != null ? r2dbc.getMessage() : rootMessage(error)) + " (" + url.redacted() + ")";
		// 28xxx: authentication; 3D000: no such database. Retrying cannot fix either.
		if (r2dbc instanceof R2dbcPermissionDeniedException
				|| (state != null && (state.startsWith("28") || state.equals("3D000")))) {
			return StartupCheckFailure.invalid("DATABASE_URL", why);
		}
		return StartupCheckFailure.unreachable("DATABASE_URL", why, error);
	}

	private static R2dbcException find(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof R2dbcException r2dbc) {
				return r2dbc;
			}
		}
		return null;
	}

	private static String rootMessage(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
	}
}
