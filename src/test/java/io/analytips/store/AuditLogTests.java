package io.analytips.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogTests {

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url);

	private final DatabaseClient db = TestDatabase.client(pool);

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00.123456789Z"), ZoneOffset.UTC);

	private final AuditLog audit = new AuditLog(db, clock, TestDatabase.CALL_TIMEOUT);

	@AfterEach
	void close() {
		pool.dispose();
	}

	private void appendThree() {
		audit.append(AuditEvent.telegram(900, "status", null, true)).block();
		audit.append(AuditEvent.telegram(902, "limpar_cache", null, false)).block();
		audit.append(AuditEvent.http("127.0.0.1", "DELETE /admin/cache", "api_cache", true)).block();
	}

	/** What an intruder with database access does: the trigger guards the application, not them. */
	private void tamper(String statement) {
		db.sql("alter table audit_log disable trigger audit_log_append_only").then().block();
		db.sql(statement).then().block();
	}

	private AuditVerdict verdict() {
		return AuditVerification.verify(audit.entries()).block();
	}

	@Test
	void chainsEachEntryToThePreviousOne() {
		StepVerifier.create(audit.append(AuditEvent.telegram(900, "status", null, true)))
			.assertNext(first -> {
				assertThat(first.id()).isEqualTo(1);
				assertThat(first.prevHash()).isEqualTo(AuditEntry.GENESIS);
				assertThat(first.at()).isEqualTo(Instant.parse("2026-11-23T12:00:00.123456Z"));
			})
			.verifyComplete();
		AuditEntry first = audit.last().block();
		StepVerifier.create(audit.append(AuditEvent.telegram(902, "getlog", "x", false)))
			.assertNext(second -> {
				assertThat(second.id()).isEqualTo(2);
				assertThat(second.prevHash()).isEqualTo(first.hash());
				assertThat(second.hash()).isEqualTo(second.expectedHash()).hasSize(64);
			})
			.verifyComplete();
		StepVerifier.create(audit.entries().map(entry -> entry.event().result())).expectNext("allowed", "refused").verifyComplete();
	}

	@Test
	void concurrentAppendsNeverForkTheChain() {
		StepVerifier.create(Flux.range(0, 50).flatMap(i -> audit.append(AuditEvent.telegram(i, "status", null, true)), 50))
			.expectNextCount(50)
			.verifyComplete();
		assertThat(verdict()).isEqualTo(AuditVerdict.intact(50));
	}

	@Test
	void replicasAppendingAtOnceNeverForkTheChain() {
		AuditLog other = new AuditLog(db, clock, TestDatabase.CALL_TIMEOUT); // another replica: its own permit
		StepVerifier.create(Flux.range(0, 40)
			.flatMap(i -> Flux.merge(audit.append(AuditEvent.telegram(i, "status", null, true)),
					other.append(AuditEvent.http("10.0.0." + i, "POST /admin/cache", "api_cache", true))), 80))
			.expectNextCount(80)
			.verifyComplete();
		assertThat(verdict()).isEqualTo(AuditVerdict.intact(80));
	}

	@Test
	void anIntactTrailVerifies() {
		appendThree();
		assertThat(verdict().isIntact()).isTrue();
		assertThat(verdict().toString()).contains("intact: 3 rows");
	}

	@Test
	void anEmptyTrailIsIntact() {
		StepVerifier.create(AuditVerification.verify(audit.entries())).expectNext(AuditVerdict.intact(0)).verifyComplete();
		StepVerifier.create(audit.last()).verifyComplete();
	}

	@Test
	void namesARowWhoseContentWasEdited() {
		appendThree();
		tamper("update audit_log set result = 'allowed' where id = 2");
		assertThat(verdict()).isEqualTo(new AuditVerdict(1, 2L, "its content no longer matches its hash (the row was altered)"));
	}

	@Test
	void namesARowThatWasEditedAndRehashed() {
		appendThree();
		AuditEntry second = audit.entries().skip(1).blockFirst();
		AuditEvent forged = new AuditEvent("telegram", "902", "limpar_cache", null, "allowed");
		tamper("update audit_log set result = 'allowed', hash = '" + AuditEntry.hash(2, second.at(), forged, second.prevHash())
				+ "' where id = 2");
		assertThat(verdict().firstBadRow()).isEqualTo(2);
		assertThat(verdict().toString()).contains("TAMPERED at row 2", "re-hashed");
	}

	@Test
	void namesARowThatWasRemoved() {
		appendThree();
		tamper("delete from audit_log where id = 2");
		assertThat(verdict().firstBadRow()).isEqualTo(2);
		assertThat(verdict().problem()).isEqualTo("row 2 removed");
	}

	@Test
	void theDatabaseRefusesEditsAndDeletesFromTheApplication() {
		appendThree();
		StepVerifier.create(db.sql("update audit_log set result = 'allowed' where id = 2").then())
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(DataAccessException.class)
				.hasMessageContaining("append-only"))
			.verify();
		StepVerifier.create(db.sql("delete from audit_log").then()).expectError(DataAccessException.class).verify();
		assertThat(verdict().isIntact()).isTrue();
	}

	@Test
	void aHungAppendIsCancelledByTheServerAndGivesUpThePermit() {
		ConnectionPool strict = TestDatabase.pool(url, Duration.ofMillis(500));
		try {
			AuditLog hurried = new AuditLog(TestDatabase.client(strict), clock, Duration.ofSeconds(20));
			TestDatabase.stallWrites(db, "audit_log");
			// Two appends at once: the second waits for the permit while the first's insert hangs.
			StepVerifier.create(Flux.merge(failure(hurried.append(AuditEvent.telegram(900, "status", null, true))),
					failure(hurried.append(AuditEvent.telegram(900, "getlog", null, true)))))
				.expectNextMatches(AuditLogTests::cancelledByTheServer)
				.expectNextMatches(AuditLogTests::cancelledByTheServer)
				.expectComplete()
				.verify(Duration.ofSeconds(10));
			TestDatabase.wake(db, "audit_log");
			StepVerifier.create(hurried.append(AuditEvent.telegram(900, "limpar_cache", null, true)))
				.assertNext(entry -> assertThat(entry.id()).isEqualTo(1))
				.verifyComplete();
			assertThat(verdict()).isEqualTo(AuditVerdict.intact(1));
		}
		finally {
			strict.dispose();
		}
	}

	private static Mono<Throwable> failure(Mono<?> call) {
		return call.then(Mono.<Throwable>empty()).onErrorResume(Mono::just);
	}

	private static boolean cancelledByTheServer(Throwable error) {
		return error instanceof QueryTimeoutException && error.getMessage().contains("statement timeout");
	}

	@Test
	void aSilentDatabaseFailsTheAppendAtItsDeadlineAndGivesUpThePermit() {
		// The server would cancel after 3 s; the append's own deadline (300 ms) comes first.
		ConnectionPool slow = TestDatabase.pool(url, Duration.ofSeconds(3));
		try {
			AuditLog hurried = new AuditLog(TestDatabase.client(slow), clock, Duration.ofMillis(300));
			TestDatabase.stallWrites(db, "audit_log");
			StepVerifier.create(hurried.append(AuditEvent.telegram(900, "status", null, true)))
				.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(QueryTimeoutException.class)
					.hasMessageContaining("did not answer within PT0.3S"))
				.verify(Duration.ofSeconds(2));
			TestDatabase.wake(db, "audit_log");
			StepVerifier.create(hurried.append(AuditEvent.telegram(900, "getlog", null, true)))
				.assertNext(entry -> assertThat(entry.id()).isEqualTo(1))
				.verifyComplete();
			assertThat(verdict()).isEqualTo(AuditVerdict.intact(1));
		}
		finally {
			slow.dispose();
		}
	}

	@Test
	void failsWhenTheDatabaseCannotBeWritten() {
		pool.dispose();
		StepVerifier.create(audit.append(AuditEvent.telegram(900, "status", null, true))).expectError().verify();
	}
}
