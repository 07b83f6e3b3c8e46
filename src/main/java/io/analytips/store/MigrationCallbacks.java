package io.analytips.store;

import java.util.Objects;

/**
 * More Flyway SQL callbacks for {@link Migrations}: scripts named after a Flyway event
 * ({@code afterMigrate__what_it_does.sql}) under {@code location}, run with the migrations at every
 * start. A bean of this type adds them; the offline demo's reset of what it derived from another day's
 * data is one ({@code db/demo}).
 *
 * @param location a Flyway location, e.g. {@code classpath:db/demo}
 */
public record MigrationCallbacks(String location) {

	public MigrationCallbacks {
		Objects.requireNonNull(location, "location");
	}
}
