package io.analytips.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

	@Test
	void readsAHerokuStyleUrl() {
		DatabaseUrl url = DatabaseUrl.parse("postgres://bot:p%40ss@db.example.com:6543/analytips?sslmode=require");
		assertThat(url).isEqualTo(new DatabaseUrl("db.example.com", 6543, "analytips", "bot", "p@ss", "require"));
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/analytips?sslmode=require");
		assertThat(url.redacted()).doesNotContain("p@ss").contains("bot:***@");
		assertThat(url.toString()).doesNotContain("p@ss");
	}

	@Test
	void readsR2dbcUrlsAndDefaultsThePort() {
		assertThat(DatabaseUrl.parse("r2dbc:postgresql://u:p@localhost/db"))
			.isEqualTo(new DatabaseUrl("localhost", 5432, "db", "u", "p", null));
		assertThat(DatabaseUrl.parse("r2dbc:pool:postgresql://u@h:1/d").port()).isEqualTo(1);
		assertThat(DatabaseUrl.parse("postgresql://h/d").username()).isEqualTo("postgres");
	}

	@Test
	void namesTheVariableWhenTheUrlIsUnusable() {
		assertThatThrownBy(() -> DatabaseUrl.parse("mysql://h/d")).hasMessageStartingWith("DATABASE_URL");
		assertThatThrownBy(() -> DatabaseUrl.parse("postgres://h")).hasMessageContaining("DATABASE_URL has no database");
		assertThatThrownBy(() -> DatabaseUrl.parse("  ")).hasMessageContaining("DATABASE_URL");
		assertThatThrownBy(() -> DatabaseUrl.parse("postgres://[bad/d")).hasMessageStartingWith("DATABASE_URL");
	}
}
