package io.analytips.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

import io.analytips.common.Clocks;
import io.analytips.store.AuditLog;
import io.analytips.store.AuditVerdict;
import io.analytips.store.AuditVerification;
import io.analytips.store.ConnectionPools;
import io.analytips.store.DatabaseServer;
import io.analytips.store.DatabaseUrl;
import io.r2dbc.pool.ConnectionPool;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * {@code java -jar analytips.jar audit-verify}: walks {@code audit_log} in the database of
 * {@code DATABASE_URL} (or the embedded one under {@code ./data/postgres}, running or not) and
 * prints whether it is intact or the first row that was altered or removed. Exit code 0 intact,
 * 1 tampered, 2 when the trail could not be read. No Spring context: it starts in a second.
 */
public final class AuditVerifyMain {

	private AuditVerifyMain() {
	}

	public static int run(String databaseUrl, Path embeddedDirectory, PrintStream out, PrintStream err) {
		DatabaseServer server;
		try {
			server = databaseUrl == null || databaseUrl.isBlank() ? DatabaseServer.attachOrStart(embeddedDirectory)
					: DatabaseServer.external(DatabaseUrl.parse(databaseUrl));
		}
		catch (RuntimeException ex) {
			err.println("audit-verify: DATABASE_URL is invalid or the database cannot be started: " + ex.getMessage());
			return 2;
		}
		// No statement timeout: the walk reads the whole trail in one statement, bounded by the wait below.
		ConnectionPool pool = ConnectionPools.create(server.url(), 2, Duration.ofSeconds(10), Duration.ofSeconds(15),
				Duration.ZERO);
		try {
			AuditLog audit = new AuditLog(DatabaseClient.create(pool), Clocks.system(), Duration.ofSeconds(30));
			// The main thread of a command-line tool: waiting here blocks no event loop.
			AuditVerdict verdict = AuditVerification.verify(audit.entries()).block(Duration.ofMinutes(30));
			out.println(verdict);
			if (verdict.isIntact()) {
				audit.last().blockOptional(Duration.ofSeconds(30))
					.ifPresent(tip -> out.println("tip: row " + tip.id() + " hash " + tip.hash()
							+ " (keep it elsewhere: removing the newest rows can only be seen against it)"));
			}
			return verdict.isIntact() ? 0 : 1;
		}
		catch (RuntimeException ex) {
			err.println("audit-verify: could not read audit_log from " + server.url().redacted() + ": " + ex.getMessage());
			return 2;
		}
		finally {
			pool.dispose();
			try {
				server.destroy();
			}
			catch (IOException ex) {
				err.println("audit-verify: could not stop the embedded PostgreSQL: " + ex.getMessage());
			}
		}
	}
}
