package io.analytips.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the Flyway migrations in {@code db/migration}. Flyway speaks JDBC only, so this is the
 * one blocking database call of the application: it runs once at start-up, on the main thread,
 * after the start-up checks passed and before intake opens.
 */
public final class Migrations {

	private static final Logger log = LoggerFactory.getLogger(Migrations.class);

	private final DatabaseUrl url;

	public Migrations(DatabaseUrl url) {
		this.url = url;
	}

	/** Migrates the schema to the latest version; throws if a migration fails. */
	public void migrate() {
		MigrateResult result = Flyway.configure()
			.dataSource(url.jdbcUrl(), url.username(), url.password())
			.locations("classpath:db/migration")
			.load()
			.migrate();
		log.info("Database schema at version {} ({} migrations applied)", result.targetSchemaVersion,
				result.migrationsExecuted);
	}
}
