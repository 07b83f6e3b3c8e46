package io.analytips.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bots a deployment hosts: added, listed, removed and added again; their tokens only ever encrypted. */
class BotRepositoryTests {

	private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");

	private static final String TOKEN = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-bs";

	private final TokenCipher cipher = TokenCipher.fromBase64Key(Base64.getEncoder().encodeToString(new byte[32]));

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url);

	private final DatabaseClient db = TestDatabase.client(pool);

	private final BotRepository bots = new BotRepository(db, TestDatabase.CALL_TIMEOUT);

	@AfterEach
	void close() {
		pool.dispose();
	}

	private StoredBot bot(long id, String username, Instant at) {
		return new StoredBot(id, username, cipher.encrypt(id + TOKEN.substring(9)), at, "admin:ana", null);
	}

	@Test
	void addsABotAndListsItHostedWithItsTokenEncrypted() {
		StepVerifier.create(bots.add(bot(123456789, "tips_bot", NOON))).verifyComplete();
		StepVerifier.create(bots.hosted()).assertNext(hosted -> {
			assertThat(hosted.id()).isEqualTo(123456789);
			assertThat(hosted.username()).isEqualTo("tips_bot");
			assertThat(hosted.addedAt()).isEqualTo(NOON);
			assertThat(hosted.addedBy()).isEqualTo("admin:ana");
			assertThat(hosted.hosted()).isTrue();
			assertThat(cipher.decrypt(hosted.tokenCipher())).isEqualTo(TOKEN);
		}).verifyComplete();
		assertThat(db.sql("select token_cipher from bots").map(row -> row.get(0, String.class)).one().block())
			.startsWith("v1:")
			.doesNotContain(TOKEN.substring(10));
	}

	@Test
	void listsNothingWhenNoBotIsHostedAndTheHostedInTheOrderAdded() {
		StepVerifier.create(bots.hosted()).verifyComplete();
		bots.add(bot(222222, "second_bot", NOON.plusSeconds(60))).block();
		bots.add(bot(111111, "first_bot", NOON)).block();
		bots.add(bot(333333, "gone_bot", NOON)).block();
		bots.remove("gone_bot", NOON.plusSeconds(120)).block();
		StepVerifier.create(bots.hosted().map(StoredBot::username)).expectNext("first_bot", "second_bot").verifyComplete();
	}

	@Test
	void removesAHostedBotOnceKeepingItsRow() {
		bots.add(bot(111111, "tips_bot", NOON)).block();
		StepVerifier.create(bots.remove("Tips_Bot", NOON.plusSeconds(60))).expectNext(true).verifyComplete();
		StepVerifier.create(bots.remove("tips_bot", NOON.plusSeconds(120))).expectNext(false).verifyComplete();
		StepVerifier.create(bots.remove("nobody_bot", NOON)).expectNext(false).verifyComplete();
		StepVerifier.create(bots.find("tips_bot"))
			.assertNext(removed -> {
				assertThat(removed.removedAt()).isEqualTo(NOON.plusSeconds(60)); // the first removal stays
				assertThat(removed.hosted()).isFalse();
			})
			.verifyComplete();
		StepVerifier.create(bots.hosted()).verifyComplete();
	}

	@Test
	void addingARemovedBotAgainHostsItsRowWithTheNewTokenAndName() {
		bots.add(bot(111111, "tips_bot", NOON)).block();
		bots.remove("tips_bot", NOON.plusSeconds(60)).block();
		StoredBot again = new StoredBot(111111, "tips_renamed_bot", cipher.encrypt("111111:new-token-new-token-new-token-xx"),
				NOON.plusSeconds(120), "admin:bia", null);
		StepVerifier.create(bots.add(again)).verifyComplete();
		StepVerifier.create(bots.find("tips_renamed_bot")).assertNext(found -> {
			assertThat(found.hosted()).isTrue();
			assertThat(found.addedBy()).isEqualTo("admin:bia");
			assertThat(cipher.decrypt(found.tokenCipher())).isEqualTo("111111:new-token-new-token-new-token-xx");
		}).verifyComplete();
		StepVerifier.create(bots.find("tips_bot")).verifyComplete();
		assertThat(db.sql("select count(*) from bots").map(row -> row.get(0, Long.class)).one().block()).isOne();
	}

	@Test
	void refusesToAddABotHostedAlreadyAndChangesNothing() {
		bots.add(bot(111111, "tips_bot", NOON)).block();
		StepVerifier.create(bots.add(bot(111111, "other_name_bot", NOON.plusSeconds(60))))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("111111")
				.hasMessageContaining("hosted already"))
			.verify(Duration.ofSeconds(10));
		StepVerifier.create(bots.find("tips_bot").map(StoredBot::addedAt)).expectNext(NOON).verifyComplete();
	}

	@Test
	void refusesAUsernameAnotherBotHasWhateverItsCase() {
		bots.add(bot(111111, "tips_bot", NOON)).block();
		StepVerifier.create(bots.add(bot(222222, "TIPS_bot", NOON)))
			.expectError(DataIntegrityViolationException.class)
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void refusesABotGivenAsRemoved() {
		StoredBot removed = new StoredBot(111111, "tips_bot", cipher.encrypt(TOKEN), NOON, "admin:ana", NOON);
		StepVerifier.create(bots.add(removed)).expectError(IllegalArgumentException.class).verify(Duration.ofSeconds(10));
		StepVerifier.create(bots.hosted()).verifyComplete();
	}

	@Test
	void aRowNeverHoldsAPlainToken() {
		assertThatThrownBy(() -> new StoredBot(123456789, "tips_bot", TOKEN, NOON, "admin:ana", null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("encrypted")
			.satisfies(error -> assertThat(error.getMessage()).doesNotContain(TOKEN));
		assertThat(bot(123456789, "tips_bot", NOON).toString()).doesNotContain("v1:").contains("tips_bot");
	}

	@Test
	void findsNothingForAnUnknownUsername() {
		StepVerifier.create(bots.find("nobody_bot")).verifyComplete();
	}

	@Test
	void aHungAddEndsAtTheStatementTimeout() {
		ConnectionPool strict = TestDatabase.pool(url, Duration.ofMillis(300));
		BotRepository hurried = new BotRepository(TestDatabase.client(strict), TestDatabase.CALL_TIMEOUT);
		try {
			TestDatabase.stallWrites(db, "bots");
			StepVerifier.create(hurried.add(bot(111111, "tips_bot", NOON)))
				.expectError(QueryTimeoutException.class)
				.verify(Duration.ofSeconds(5));
			TestDatabase.wake(db, "bots");
			StepVerifier.create(hurried.add(bot(111111, "tips_bot", NOON))).verifyComplete();
		}
		finally {
			strict.dispose();
		}
	}

	@Test
	void failsWhenTheDatabaseCannotBeReached() {
		pool.dispose();
		StepVerifier.create(bots.add(bot(111111, "tips_bot", NOON))).expectError().verify(Duration.ofSeconds(20));
		StepVerifier.create(bots.hosted()).expectError().verify(Duration.ofSeconds(20));
		StepVerifier.create(bots.remove("tips_bot", NOON)).expectError().verify(Duration.ofSeconds(20));
		StepVerifier.create(bots.find("tips_bot")).expectError().verify(Duration.ofSeconds(20));
	}
}
