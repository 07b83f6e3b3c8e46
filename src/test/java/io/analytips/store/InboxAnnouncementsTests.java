package io.analytips.store;

import java.time.Duration;

import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Replicas tell the leader that they stored updates by NOTIFY; it hears them on a session of its own. */
class InboxAnnouncementsTests {

	private ConnectionPool pool;

	private DatabaseClient db;

	/** Two replicas on one database. */
	private InboxAnnouncements leader;

	private InboxAnnouncements standby;

	@BeforeEach
	void start() {
		pool = TestDatabase.pool(TestDatabase.migrated());
		db = TestDatabase.client(pool);
		leader = new InboxAnnouncements(db, pool.unwrap());
		standby = new InboxAnnouncements(db, pool.unwrap());
	}

	@AfterEach
	void stop() {
		pool.dispose();
	}

	/** Announces every 20 ms: listening starts some time after the subscription, and earlier ones are not heard. */
	private Mono<Void> announcing() {
		return Flux.interval(Duration.ofMillis(20)).take(500).onBackpressureDrop().concatMap(tick -> standby.announce(0)).then();
	}

	/** The listening session, once it listens. */
	private Mono<Integer> listeningSession() {
		return db.sql("select pid from pg_stat_activity where query = 'listen " + InboxAnnouncements.CHANNEL + "'")
			.map(row -> row.get(0, Integer.class))
			.one()
			.repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(20)));
	}

	@Test
	void theLeaderHearsWhatAnotherReplicaAnnounces() {
		StepVerifier.create(leader.heard().take(3).mergeWith(announcing().then(Mono.empty())).take(3))
			.expectNextCount(3)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void eachBotsListenerHearsOnlyItsOwnBotsAnnouncementsOnOneSession() {
		Mono<Void> announcingForBotSeven = Flux.interval(Duration.ofMillis(20))
			.take(500)
			.onBackpressureDrop()
			.concatMap(tick -> standby.announce(7))
			.then();
		StepVerifier.create(leader.heard(7)
			.take(3)
			.mergeWith(leader.heard(8).map(heard -> -heard)) // a bot 8 signal would show as negative
			.mergeWith(announcingForBotSeven.then(Mono.empty()))
			.take(3))
			.expectNext(7L, 7L, 7L)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void allBotsListenersShareOneListeningSession() {
		StepVerifier.create(leader.heard(1).mergeWith(leader.heard(2)))
			.expectSubscription()
			.then(() -> listeningSession().block(Duration.ofSeconds(10)))
			.then(() -> assertThat(db.sql("select count(*) from pg_stat_activity where query = 'listen "
					+ InboxAnnouncements.CHANNEL + "'").map(row -> row.get(0, Long.class)).one().block()).isOne())
			.thenCancel()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void anAnnouncementNamingNoBotIsHeardByEveryBotsListener() {
		Mono<Void> announcingAnonymously = Flux.interval(Duration.ofMillis(20))
			.take(500)
			.onBackpressureDrop()
			.concatMap(tick -> db.sql("select pg_notify('" + InboxAnnouncements.CHANNEL + "', '')").then())
			.then();
		StepVerifier.create(Flux.merge(leader.heard(1).take(1), leader.heard(2).take(1))
			.mergeWith(announcingAnonymously.then(Mono.empty()))
			.take(2))
			.expectNext(InboxAnnouncements.ANY_BOT, InboxAnnouncements.ANY_BOT)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void readsTheBotOfAnAnnouncement() {
		assertThat(InboxAnnouncements.botOf("123456789")).isEqualTo(123456789L);
		assertThat(InboxAnnouncements.botOf("")).isEqualTo(InboxAnnouncements.ANY_BOT);
		assertThat(InboxAnnouncements.botOf(null)).isEqualTo(InboxAnnouncements.ANY_BOT);
		assertThat(InboxAnnouncements.botOf("not a bot")).isEqualTo(InboxAnnouncements.ANY_BOT);
		assertThat(InboxAnnouncements.botOf("-4")).isEqualTo(InboxAnnouncements.ANY_BOT);
	}

	@Test
	void nothingIsHeardWithoutAnAnnouncement() {
		StepVerifier.create(leader.heard())
			.expectSubscription()
			.then(() -> listeningSession().block(Duration.ofSeconds(10)))
			.expectNoEvent(Duration.ofMillis(300))
			.thenCancel()
			.verify();
	}

	@Test
	void listensAgainWhenItsSessionIsKilled() {
		StepVerifier.create(leader.heard())
			.then(() -> {
				int first = listeningSession().block(Duration.ofSeconds(10));
				db.sql("select pg_terminate_backend(" + first + ")").fetch().rowsUpdated().block(Duration.ofSeconds(5));
			})
			.then(() -> announcing().subscribe())
			.expectNextCount(1) // heard on the new session
			.thenCancel()
			.verify(Duration.ofSeconds(15));
	}

	@Test
	void anAnnouncementNeverFailsEvenWithoutADatabase() {
		pool.dispose();
		StepVerifier.create(standby.announce(0)).expectComplete().verify(Duration.ofSeconds(10));
	}
}
