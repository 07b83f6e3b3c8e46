package io.analytips.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.analytips.store.AlertRepository;
import io.analytips.store.DatabaseUrl;
import io.analytips.store.FollowRepository;
import io.analytips.store.Followed;
import io.analytips.store.Subscriber;
import io.analytips.store.WatchedFixture;
import io.analytips.store.WatchedFixtureRepository;
import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the chats follow and how they want to be told, over the real tables: following subscribes the chat, a new lead
 * time moves its pending alerts, a stranger's language change writes nothing, and every call errors with the store.
 */
class FollowingTests {

	private static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");

	private static final Instant KICKOFF = Instant.parse("2026-05-10T19:00:00Z");

	private static final Duration HOUR = Duration.ofHours(1);

	private static final Subscriber READER = Subscriber.of(7, "pt-BR", "America/Sao_Paulo");

	private static final Followed PALMEIRAS = Followed.team(131, "Palmeiras");

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url);

	private final DatabaseClient db = TestDatabase.client(pool);

	private final FollowRepository follows = new FollowRepository(db, TestDatabase.CALL_TIMEOUT);

	private final AlertRepository alerts = new AlertRepository(db, TestDatabase.CALL_TIMEOUT);

	private final WatchedFixtureRepository watched = new WatchedFixtureRepository(db, TestDatabase.CALL_TIMEOUT);

	private final Following following = new Following(follows, alerts, HOUR, Clock.fixed(NOW, ZoneOffset.UTC));

	@AfterEach
	void close() {
		pool.dispose();
	}

	@Test
	void followingSubscribesTheReaderAndIsNewOnce() {
		StepVerifier.create(following.follow(1, READER, PALMEIRAS)).expectNext(true).verifyComplete();
		StepVerifier.create(following.follow(1, READER, PALMEIRAS)).as("again").expectNext(false).verifyComplete();

		StepVerifier.create(following.settings(1, 7)).expectNext(READER).verifyComplete();
		StepVerifier.create(following.following(1, 7)).expectNext(PALMEIRAS).verifyComplete();
	}

	@Test
	void followingMoreRefreshesHowTheChatReadsAndKeepsItsLead() {
		following.follow(1, READER, PALMEIRAS).block();
		following.configure(1, READER, 15, null).block();

		StepVerifier.create(following.follow(1, Subscriber.of(7, "en", "Europe/London"), Followed.league(71, "Série A")))
			.expectNext(true).verifyComplete();
		StepVerifier.create(following.settings(1, 7))
			.expectNext(new Subscriber(7, "en", "Europe/London", 15, null, true))
			.verifyComplete();
	}

	@Test
	void unfollowingTellsWhetherItWasFollowed() {
		following.follow(1, READER, PALMEIRAS).block();

		StepVerifier.create(following.unfollow(1, 7, Followed.Kind.TEAM, 131)).expectNext(true).verifyComplete();
		StepVerifier.create(following.unfollow(1, 7, Followed.Kind.TEAM, 131)).expectNext(false).verifyComplete();
		StepVerifier.create(following.following(1, 7)).verifyComplete();
	}

	@Test
	void tellsWhetherTheChatFollowsExactlyThis() {
		following.follow(1, READER, PALMEIRAS).block();

		StepVerifier.create(following.follows(1, 7, Followed.Kind.TEAM, 131)).expectNext(true).verifyComplete();
		StepVerifier.create(following.follows(1, 7, Followed.Kind.LEAGUE, 131)).as("not a league").expectNext(false)
			.verifyComplete();
		StepVerifier.create(following.follows(1, 7, Followed.Kind.TEAM, 127)).expectNext(false).verifyComplete();
		StepVerifier.create(following.follows(2, 7, Followed.Kind.TEAM, 131)).as("another bot").expectNext(false)
			.verifyComplete();
	}

	@Test
	void aChatThatNeverFollowedHasNoSettingsAndFollowsNothing() {
		StepVerifier.create(following.settings(1, 7)).verifyComplete();
		StepVerifier.create(following.following(1, 7)).verifyComplete();
	}

	@Test
	void configuringSubscribesAChatThatNeverFollowedAndEmitsItsSettings() {
		StepVerifier.create(following.configure(1, READER, 30, 8))
			.expectNext(new Subscriber(7, "pt-BR", "America/Sao_Paulo", 30, 8, true))
			.verifyComplete();
		StepVerifier.create(following.configure(1, READER, null, null)).as("back to the default, no digest")
			.expectNext(READER)
			.verifyComplete();
	}

	@Test
	void aNewLeadMovesTheChatsPendingAlerts() {
		List<WatchedFixture> fixtures = List.of(new WatchedFixture(1001, 71, 2026, 131, 127, "Palmeiras", "Flamengo",
				KICKOFF, "NS", null, null, null));
		watched.watch(fixtures, NOW).blockLast();
		following.follow(1, READER, PALMEIRAS).block();
		StepVerifier.create(alerts.planBefore(fixtures, HOUR, NOW)).expectNext(1L).verifyComplete();

		StepVerifier.create(following.configure(1, READER, 15, null))
			.expectNext(new Subscriber(7, "pt-BR", "America/Sao_Paulo", 15, null, true))
			.verifyComplete();

		StepVerifier.create(alerts.claim(KICKOFF.minus(HOUR), 10)).as("no longer an hour before").verifyComplete();
		StepVerifier.create(alerts.claim(KICKOFF.minus(Duration.ofMinutes(15)), 10))
			.assertNext(alert -> {
				assertThat(alert.fixtureId()).isEqualTo(1001);
				assertThat(alert.due()).isEqualTo(KICKOFF.minus(Duration.ofMinutes(15)));
			})
			.verifyComplete();
	}

	@Test
	void aStrangersNewLanguageWritesNothingAndASubscribersIsKept() {
		StepVerifier.create(following.readerChanged(1, READER)).verifyComplete();
		StepVerifier.create(following.settings(1, 7)).as("a stranger").verifyComplete();

		following.follow(1, READER, PALMEIRAS).block();
		following.configure(1, READER, 15, 9).block();
		StepVerifier.create(following.readerChanged(1, Subscriber.of(7, "en", "Europe/London"))).verifyComplete();
		StepVerifier.create(following.settings(1, 7))
			.expectNext(new Subscriber(7, "en", "Europe/London", 15, 9, true))
			.verifyComplete();
	}

	@Test
	void aNewLanguageLeavesABlockedChatUnreachable() {
		following.follow(1, READER, PALMEIRAS).block();
		following.reachable(1, 7, false).block();

		StepVerifier.create(following.readerChanged(1, Subscriber.of(7, "en", "Europe/London"))).verifyComplete();
		StepVerifier.create(following.settings(1, 7).map(Subscriber::active)).expectNext(false).verifyComplete();
	}

	@Test
	void refusesALeadOrAnHourOutOfRangeBeforeWritingAnything() {
		StepVerifier.create(following.configure(1, READER, 1441, null)).expectError(IllegalArgumentException.class).verify();
		StepVerifier.create(following.configure(1, READER, null, 24)).expectError(IllegalArgumentException.class).verify();
		StepVerifier.create(following.settings(1, 7)).as("nothing written").verifyComplete();
	}

	@Test
	void aChatThatBlockedTheBotIsUnreachableUntilItComesBack() {
		following.follow(1, READER, PALMEIRAS).block();

		StepVerifier.create(following.reachable(1, 7, false)).verifyComplete();
		StepVerifier.create(following.settings(1, 7)).assertNext(s -> assertThat(s.active()).isFalse()).verifyComplete();
		StepVerifier.create(following.reachable(1, 7, true)).verifyComplete();
		StepVerifier.create(following.settings(1, 7)).assertNext(s -> assertThat(s.active()).isTrue()).verifyComplete();

		StepVerifier.create(following.reachable(1, 8, false)).as("a stranger").verifyComplete();
		StepVerifier.create(following.settings(1, 8)).verifyComplete();
	}

	@Test
	void theStatusCountsFollowersReachableOnesAndAlertsByState() {
		StepVerifier.create(following.status()).expectNext(new AlertStatus(0, 0, java.util.Map.of())).verifyComplete();

		List<WatchedFixture> fixtures = List.of(new WatchedFixture(1001, 71, 2026, 131, 127, "Palmeiras", "Flamengo",
				KICKOFF, "NS", null, null, null));
		watched.watch(fixtures, NOW).blockLast();
		following.follow(1, READER, PALMEIRAS).block();
		following.follow(1, Subscriber.of(8, "en", "Europe/London"), PALMEIRAS).block();
		following.follow(1, Subscriber.of(9, "en", "Europe/London"), Followed.team(127, "Flamengo")).block();
		following.reachable(1, 9, false).block();
		alerts.planBefore(fixtures, HOUR, NOW).block();
		alerts.claim(KICKOFF, 1).blockLast();

		StepVerifier.create(following.status())
			.assertNext(status -> {
				assertThat(status.followers()).isEqualTo(3);
				assertThat(status.reachable()).isEqualTo(2);
				assertThat(status.alerts("sending")).isEqualTo(1);
				assertThat(status.alerts("pending")).isEqualTo(1);
				assertThat(status.alerts("sent")).isZero();
			})
			.verifyComplete();
	}

	@Test
	void theDefaultLeadIsTheDeploymentsOwn() {
		assertThat(following.defaultLead()).isEqualTo(HOUR);
	}

	@Test
	void errorsWhenTheDatabaseIsDown() {
		pool.dispose();
		Duration wait = Duration.ofSeconds(20);
		StepVerifier.create(following.follow(1, READER, PALMEIRAS)).expectError().verify(wait);
		StepVerifier.create(following.unfollow(1, 7, Followed.Kind.TEAM, 131)).expectError().verify(wait);
		StepVerifier.create(following.following(1, 7)).expectError().verify(wait);
		StepVerifier.create(following.follows(1, 7, Followed.Kind.TEAM, 131)).expectError().verify(wait);
		StepVerifier.create(following.settings(1, 7)).expectError().verify(wait);
		StepVerifier.create(following.configure(1, READER, 15, null)).expectError().verify(wait);
		StepVerifier.create(following.readerChanged(1, READER)).expectError().verify(wait);
		StepVerifier.create(following.reachable(1, 7, false)).expectError().verify(wait);
		StepVerifier.create(following.status()).expectError().verify(wait);
	}
}
