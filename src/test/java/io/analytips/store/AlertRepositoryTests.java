package io.analytips.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rows: planned once per follower, due before kick-off by each one's lead, moved with the kick-off,
 * claimed once, given back after a crash, cancelled when the match is called off or unfollowed.
 */
class AlertRepositoryTests {

	private static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");

	private static final Instant KICKOFF = Instant.parse("2026-05-10T19:00:00Z");

	private static final Duration HOUR = Duration.ofHours(1);

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url);

	private final DatabaseClient db = TestDatabase.client(pool);

	private final FollowRepository follows = new FollowRepository(db, TestDatabase.CALL_TIMEOUT);

	private final AlertRepository alerts = new AlertRepository(db, TestDatabase.CALL_TIMEOUT);

	private final WatchedFixtureRepository watched = new WatchedFixtureRepository(db, TestDatabase.CALL_TIMEOUT);

	@AfterEach
	void close() {
		pool.dispose();
	}

	private static WatchedFixture fixture(long id, Instant kickoff, String status) {
		return new WatchedFixture(id, 71, 2026, 131, 127, "Palmeiras", "Flamengo", kickoff, status, null, null, null);
	}

	@Test
	void eachFollowerGetsOneAlertDueTheirLeadBeforeKickoffHoweverOftenItIsPlanned() {
		follows.subscribe(1, Subscriber.of(7, "pt-BR", "America/Sao_Paulo"), NOW).block();
		follows.follow(1, 7, Followed.team(131, "Palmeiras"), NOW).block();
		follows.follow(1, 7, Followed.league(71, "Brasileirão"), NOW).block(); // follows it twice over: one alert
		follows.subscribe(1, Subscriber.of(8, "en", "Europe/London"), NOW).block();
		follows.follow(1, 8, Followed.team(127, "Flamengo"), NOW).block();
		follows.configure(1, 8, 15, null, NOW).block();
		follows.subscribe(2, Subscriber.of(7, "en", "Europe/London"), NOW).block(); // another bot: follows nothing

		List<WatchedFixture> fixtures = List.of(fixture(1001, KICKOFF, "NS"));
		watched.watch(fixtures, NOW).blockLast();
		StepVerifier.create(alerts.planBefore(fixtures, HOUR, NOW)).expectNext(2L).verifyComplete();
		StepVerifier.create(alerts.planBefore(fixtures, HOUR, NOW)).expectNext(0L).verifyComplete();

		StepVerifier.create(alerts.claim(KICKOFF.minus(HOUR).minusSeconds(1), 10)).verifyComplete();
		StepVerifier.create(alerts.claim(KICKOFF.minus(HOUR), 10))
			.assertNext(alert -> {
				assertThat(alert.key()).isEqualTo(new AlertKey(1, 7, 1001, Alert.Kind.BEFORE));
				assertThat(alert.reader().timeZone()).isEqualTo("America/Sao_Paulo");
			})
			.verifyComplete();
		StepVerifier.create(alerts.claim(KICKOFF.minusSeconds(15 * 60), 10))
			.assertNext(alert -> assertThat(alert.key()).isEqualTo(new AlertKey(1, 8, 1001, Alert.Kind.BEFORE)))
			.verifyComplete();
		StepVerifier.create(alerts.claim(KICKOFF, 10)).as("claimed once").verifyComplete();
	}

	@Test
	void aFollowerTooLateForTheLeadIsToldAtOnceAndAKickedOffMatchGetsNoAlert() {
		follows.subscribe(1, Subscriber.of(7, "pt-BR", "America/Sao_Paulo"), NOW).block();
		follows.follow(1, 7, Followed.team(131, "Palmeiras"), NOW).block();
		Instant soon = NOW.plusSeconds(600);
		List<WatchedFixture> fixtures = List.of(fixture(1001, soon, "NS"), fixture(1002, NOW.minusSeconds(60), "1H"));
		watched.watch(fixtures, NOW).blockLast();

		StepVerifier.create(alerts.planBefore(fixtures, HOUR, NOW)).expectNext(1L).verifyComplete();
		StepVerifier.create(alerts.claim(NOW, 10))
			.assertNext(alert -> assertThat(alert.due()).isEqualTo(NOW))
			.verifyComplete();
	}

	@Test
	void aMovedKickoffMovesThePendingAlertAndAPostponementCancelsItUntilItHasANewDate() {
		follows.subscribe(1, Subscriber.of(7, "pt-BR", "America/Sao_Paulo"), NOW).block();
		follows.follow(1, 7, Followed.team(131, "Palmeiras"), NOW).block();
		watched.watch(List.of(fixture(1001, KICKOFF, "NS")), NOW).blockLast();
		alerts.planBefore(List.of(fixture(1001, KICKOFF, "NS")), HOUR, NOW).block();

		Instant later = KICKOFF.plus(Duration.ofHours(2));
		watched.watch(List.of(fixture(1001, later, "NS")), NOW).blockLast();
		StepVerifier.create(alerts.reschedule(List.of(1001L), null, null, HOUR, NOW)).expectNext(1L).verifyComplete();
		StepVerifier.create(alerts.claim(KICKOFF, 10)).verifyComplete();

		StepVerifier.create(alerts.cancel(1001, Alert.Kind.BEFORE, "PST", NOW)).expectNext(1L).verifyComplete();
		StepVerifier.create(alerts.claim(later, 10)).verifyComplete();
		Instant newDate = later.plus(Duration.ofDays(3));
		watched.watch(List.of(fixture(1001, newDate, "NS")), NOW).blockLast();
		StepVerifier.create(alerts.planBefore(List.of(fixture(1001, newDate, "NS")), HOUR, NOW)).expectNext(1L)
			.verifyComplete();
		StepVerifier.create(alerts.claim(newDate.minus(HOUR), 10)).expectNextCount(1).verifyComplete();
	}

	@Test
	void resultsGoToEveryActiveFollowerOnceAndAlertsLeftHalfSentGoAgain() {
		for (long chat = 1; chat <= 3; chat++) {
			follows.subscribe(1, Subscriber.of(chat, "pt-BR", "America/Sao_Paulo"), NOW).block();
			follows.follow(1, chat, Followed.team(131, "Palmeiras"), NOW).block();
		}
		follows.setActive(1, 3, false, NOW).block(); // blocked the bot: told nothing
		watched.watch(List.of(fixture(1001, KICKOFF, "FT")), NOW).blockLast();

		StepVerifier.create(alerts.planFor(1001, Alert.Kind.RESULT, NOW)).expectNext(2L).verifyComplete();
		StepVerifier.create(alerts.planFor(1001, Alert.Kind.RESULT, NOW)).expectNext(0L).verifyComplete();
		List<Alert> claimed = alerts.claim(NOW, 1).collectList().block();
		assertThat(claimed).hasSize(1);

		StepVerifier.create(alerts.recover()).expectNext(1L).verifyComplete();
		StepVerifier.create(alerts.claim(NOW, 10, "second")).expectNextCount(2).verifyComplete();
		StepVerifier.create(alerts.finish(List.of(new AlertKey(1, 1, 1001, Alert.Kind.RESULT)), "sent", null, NOW,
				"second")).verifyComplete();
		StepVerifier.create(alerts.release(List.of(new AlertKey(1, 2, 1001, Alert.Kind.RESULT)), "503", "second"))
			.verifyComplete();
		StepVerifier.create(alerts.countByState())
			.assertNext(states -> assertThat(states).containsEntry("sent", 1L).containsEntry("pending", 1L))
			.verifyComplete();
		StepVerifier.create(alerts.finish(List.of(), "sent", null, NOW, "second")).verifyComplete();
		StepVerifier.create(alerts.release(List.of(), "none", "second")).verifyComplete();
	}

	@Test
	void aLeaderWokenAfterItsBatchWasGivenBackEndsNothingOfIt() {
		follows.subscribe(1, Subscriber.of(7, "pt-BR", "America/Sao_Paulo"), NOW).block();
		follows.follow(1, 7, Followed.team(131, "Palmeiras"), NOW).block();
		watched.watch(List.of(fixture(1001, KICKOFF, "FT")), NOW).blockLast();
		alerts.planFor(1001, Alert.Kind.RESULT, NOW).block();
		AlertKey key = new AlertKey(1, 7, 1001, Alert.Kind.RESULT);
		alerts.claim(NOW, 10, "frozen").blockLast();

		alerts.recover().block(); // its successor's lead begins
		StepVerifier.create(alerts.finish(List.of(key), "failed", "timeout", NOW, "frozen")).verifyComplete();
		StepVerifier.create(alerts.countByState()).expectNext(java.util.Map.of("pending", 1L)).verifyComplete();

		alerts.claim(NOW, 10, "successor").blockLast();
		StepVerifier.create(alerts.release(List.of(key), "the lead ended", "frozen")).verifyComplete();
		StepVerifier.create(alerts.countByState()).as("still the successor's").expectNext(java.util.Map.of("sending", 1L))
			.verifyComplete();
		StepVerifier.create(alerts.finish(List.of(key), "sent", null, NOW, "successor")).verifyComplete();
		StepVerifier.create(alerts.countByState()).expectNext(java.util.Map.of("sent", 1L)).verifyComplete();
	}

	@Test
	void aClaimNeverEndedGoesAgainOnceItIsOld() {
		follows.subscribe(1, Subscriber.of(7, "pt-BR", "America/Sao_Paulo"), NOW).block();
		follows.follow(1, 7, Followed.team(131, "Palmeiras"), NOW).block();
		watched.watch(List.of(fixture(1001, KICKOFF, "FT")), NOW).blockLast();
		alerts.planFor(1001, Alert.Kind.RESULT, NOW).block();
		alerts.claim(NOW, 10, "lost").blockLast();

		StepVerifier.create(alerts.recoverClaimedBefore(NOW)).as("claimed at NOW: not before it").expectNext(0L)
			.verifyComplete();
		StepVerifier.create(alerts.recoverClaimedBefore(NOW.plusSeconds(1))).expectNext(1L).verifyComplete();
		StepVerifier.create(alerts.claim(NOW, 10)).expectNextCount(1).verifyComplete();
	}

	@Test
	void unfollowingCancelsOnlyTheAlertsOfGamesNoLongerFollowed() {
		follows.subscribe(1, Subscriber.of(7, "pt-BR", "America/Sao_Paulo"), NOW).block();
		follows.follow(1, 7, Followed.team(131, "Palmeiras"), NOW).block();
		follows.follow(1, 7, Followed.team(127, "Flamengo"), NOW).block();
		List<WatchedFixture> fixtures = List.of(fixture(1001, KICKOFF, "NS"), new WatchedFixture(1002, 71, 2026, 131,
				200, "Palmeiras", "Santos", KICKOFF.plusSeconds(86_400), "NS", null, null, null));
		watched.watch(fixtures, NOW).blockLast();
		alerts.planBefore(fixtures, HOUR, NOW).block();

		StepVerifier.create(follows.unfollow(1, 7, Followed.Kind.TEAM, 131, NOW)).expectNext(true).verifyComplete();
		StepVerifier.create(follows.unfollow(1, 7, Followed.Kind.TEAM, 131, NOW)).expectNext(false).verifyComplete();
		StepVerifier.create(alerts.claim(KICKOFF.plusSeconds(86_400), 10))
			.assertNext(alert -> assertThat(alert.fixtureId()).as("Flamengo's game stays").isEqualTo(1001))
			.verifyComplete();
	}

	@Test
	void aDigestIsDueOnceADayAtTheChatsOwnHour() {
		follows.subscribe(1, Subscriber.of(7, "pt-BR", "America/Sao_Paulo"), NOW).block();
		follows.configure(1, 7, null, 9, NOW).block();
		follows.subscribe(1, Subscriber.of(8, "en", "Europe/London"), NOW).block();
		follows.configure(1, 8, null, 9, NOW).block();

		Instant nineInSaoPaulo = Instant.parse("2026-05-10T12:00:00Z");
		StepVerifier.create(alerts.planDigests(nineInSaoPaulo)).expectNext(1L).verifyComplete();
		StepVerifier.create(alerts.planDigests(nineInSaoPaulo.plusSeconds(1800))).expectNext(0L).verifyComplete();
		StepVerifier.create(alerts.claim(nineInSaoPaulo, 10))
			.assertNext(alert -> {
				assertThat(alert.kind()).isEqualTo(Alert.Kind.DIGEST);
				assertThat(alert.chatId()).isEqualTo(7);
				assertThat(java.time.LocalDate.ofEpochDay(alert.fixtureId())).isEqualTo("2026-05-10");
			})
			.verifyComplete();
		StepVerifier.create(alerts.planDigests(Instant.parse("2026-05-11T08:00:00Z"))).as("nine in London")
			.expectNext(1L).verifyComplete();
	}

	@Test
	void failsWhenTheDatabaseCannotBeReached() {
		pool.dispose();
		StepVerifier.create(alerts.claim(NOW, 10)).expectError().verify(Duration.ofSeconds(20));
		StepVerifier.create(alerts.planDigests(NOW)).expectError().verify(Duration.ofSeconds(20));
		StepVerifier.create(alerts.recoverClaimedBefore(NOW)).expectError().verify(Duration.ofSeconds(20));
		StepVerifier.create(follows.following(1, 7)).expectError().verify(Duration.ofSeconds(20));
	}
}
