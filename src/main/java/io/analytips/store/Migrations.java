package io.analytips.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the Flyway migrations in {@code db/migration}, then any {@link MigrationCallbacks} scripts
 * (Flyway SQL callbacks such as {@code afterMigrate__*.sql}). Flyway speaks JDBC only, so this is the
 * one blocking database call of the application: it runs once at start-up, on the main thread,
 * after the start-up checks passed and before intake opens.
 * <p>
 * The placeholder {@value #FIRST_BOT_ID} is the id of the deployment's first bot: {@code V9__bots.sql} gives it the
 * rows of a database that served a single bot. Flyway's checksums are over the scripts as written (placeholders
 * not replaced), so a later change of the first token does not fail the validation of an applied migration.
 */
public final class Migrations {

	private static final Logger log = LoggerFactory.getLogger(Migrations.class);

	private static final String MIGRATIONS = "classpath:db/migration";

	/** The placeholder naming the bot that owns the rows of a database from before several bots. */
	static final String FIRST_BOT_ID = "first_bot_id";

	private final DatabaseUrl url;

	private final List<MigrationCallbacks> callbacks;

	private final long firstBotId;

	/** Migrations for a deployment without a bot token (tests, tools): the rows from before several bots are bot 0's. */
	public Migrations(DatabaseUrl url) {
		this(url, List.of());
	}

	/** @param callbacks where more callback scripts are (the demo's reset); run after those of {@code db/migration} */
	public Migrations(DatabaseUrl url, List<MigrationCallbacks> callbacks) {
		this(url, callbacks, 0);
	}

	/**
	 * @param callbacks where more callback scripts are (the demo's reset); run after those of {@code db/migration}
	 * @param firstBotId the bot that owns the rows of a database that served a single bot (0 without a token)
	 */
	public Migrations(DatabaseUrl url, List<MigrationCallbacks> callbacks, long firstBotId) {
		if (firstBotId < 0) {
			throw new IllegalArgumentException("a bot's id is not negative: " + firstBotId);
		}
		this.url = url;
		this.callbacks = List.copyOf(callbacks);
		this.firstBotId = firstBotId;
	}

	/** Migrates the schema to the latest version, running the callbacks' scripts; throws if either fails. */
	public void migrate() {
		migrate(null);
	}

	/**
	 * Migrates the schema up to {@code version} (null: the latest), running the callbacks' scripts; throws if either
	 * fails. A version other than the latest is for tests of later migrations over an older schema.
	 */
	void migrate(String version) {
		List<String> callbackLocations = new ArrayList<>(List.of(MIGRATIONS));
		callbacks.forEach(callback -> callbackLocations.add(callback.location()));
		var configuration = Flyway.configure()
			.dataSource(url.jdbcUrl(), url.username(), url.password())
			.locations(MIGRATIONS)
			.callbackLocations(callbackLocations.toArray(String[]::new))
			.placeholders(Map.of(FIRST_BOT_ID, Long.toString(firstBotId)));
		if (version != null) {
			configuration.target(version);
		}
		MigrateResult result = configuration.load().migrate();
		log.info("Database schema at version {} ({} migrations applied)", result.targetSchemaVersion,
				result.migrationsExecuted);
	}
}
