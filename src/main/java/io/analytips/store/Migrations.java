package io.analytips.store;

import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the Flyway migrations in {@code db/migration}, then any {@link MigrationCallbacks} scripts
 * (Flyway SQL callbacks such as {@code afterMigrate__*.sql}). Flyway speaks JDBC only, so this is the
 * one blocking database call of the application: it runs once at start-up, on the main thread,
 * after the start-up checks passed and before intake opens.
 */
public final class Migrations {

	private static final Logger log = LoggerFactory.getLogger(Migrations.class);

	private static final String MIGRATIONS = "classpath:db/migration";

	private final DatabaseUrl url;

	private final List<MigrationCallbacks> callbacks;

	public Migrations(DatabaseUrl url) {
		this(url, List.of());
	}

	/** @param callbacks where more callback scripts are (the demo's reset); run after those of {@code db/migration} */
	public Migrations(DatabaseUrl url, List<MigrationCallbacks> callbacks) {
		this.url = url;
		this.callbacks = List.copyOf(callbacks);
	}

	/** Migrates the schema to the latest version, running the callbacks' scripts; throws if either fails. */
	public void migrate() {
		List<String> callbackLocations = new ArrayList<>(List.of(MIGRATIONS));
		callbacks.forEach(callback -> callbackLocations.add(callback.location()));
		MigrateResult result = Flyway.configure()
			.dataSource(url.jdbcUrl(), url.username(), url.password())
			.locations(MIGRATIONS)
			.callbackLocations(callbackLocations.toArray(String[]::new))
			.load()
			.migrate();
		log.info("Database schema at version {} ({} migrations applied)", result.targetSchemaVersion,
				result.migrationsExecuted);
	}
}
