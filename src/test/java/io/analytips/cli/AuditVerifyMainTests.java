package io.analytips.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.analytips.store.AuditEvent;
import io.analytips.store.AuditLog;
import io.analytips.store.DatabaseUrl;
import io.analytips.support.TestClock;
import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code audit-verify} as an operator runs it: exit code and one line naming the first bad row. */
class AuditVerifyMainTests {

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url);

	private final DatabaseClient db = TestDatabase.client(pool);

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@AfterEach
	void close() {
		pool.dispose();
	}

	private int verify(String databaseUrl) {
		return AuditVerifyMain.run(databaseUrl, Path.of("unused"), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private void appendFive() {
		AuditLog audit = new AuditLog(db, TestClock.running(), TestDatabase.CALL_TIMEOUT);
		for (int i = 1; i <= 5; i++) {
			audit.append(AuditEvent.telegram(900 + i, "status", null, true)).block();
		}
	}

	@Test
	void reportsAnIntactTrailWithItsTip() {
		appendFive();
		assertThat(verify(TestDatabase.environmentUrl(url))).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("intact: 5 rows", "tip: row 5 hash ");
	}

	@Test
	void namesTheRowEditedInTheDatabase() {
		appendFive();
		db.sql("alter table audit_log disable trigger audit_log_append_only").then().block();
		db.sql("update audit_log set actor = '1' where id = 3").then().block();
		assertThat(verify(TestDatabase.environmentUrl(url))).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("TAMPERED at row 3");
	}

	@Test
	void saysSoWhenTheDatabaseCannotBeRead() {
		assertThat(verify("postgres://nobody@127.0.0.1:1/nothing")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("could not read audit_log").doesNotContain("password");
	}
}
