package io.analytips.store;

import java.time.Duration;
import java.time.Instant;

import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each chat of a bot follows and how it reads its alerts: written once, refreshed without losing its alert
 * settings, kept apart per bot, and only reachable chats' follows planned.
 */
class FollowRepositoryTests {

	private static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");

	private static final Instant LATER = NOW.plus(Duration.ofHours(2));

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url);

	private final DatabaseClient db = TestDatabase.client(pool);

	private final FollowRepository follows = new FollowRepository(db, TestDatabase.CALL_TIMEOUT);

	@AfterEach
	void close() {
		pool.dispose();
	}

	@Test
	void aSubscriberIsFoundOnceSubscribedAndNotForAnotherChatOrBot() {
		StepVerifier.create(follows.subscribe(1, Subscriber.of(7, "pt-BR", "America/Sao_Paulo"), NOW)).verifyComplete();

		StepVerifier.create(follows.subscriber(1, 7))
			.expectNext(Subscriber.of(7, "pt-BR", "America/Sao_Paulo"))
			.verifyComplete();
		StepVerifier.create(follows.subscriber(1, 8)).as("another chat").verifyComplete();
		StepVerifier.create(follows.subscriber(2, 7)).as("another bot").verifyComplete();
	}

	@Test
	void subscribingAgainRefreshesLanguageAndZoneKeepsTheAlertSettingsAndReactivates() {
		follows.subscribe(1, Subscriber.of(7, "pt-BR", "America/Sao_Paulo"), NOW).block();
		follows.configure(1, 7, 15, 9, NOW).block();
		follows.setActive(1, 7, false, NOW).block();

		StepVerifier.create(follows.subscribe(1, Subscriber.of(7, "en", "Europe/London"), LATER)).verifyComplete();

		StepVerifier.create(follows.subscriber(1, 7))
			.expectNext(new Subscriber(7, "en", "Europe/London", 15, 9, true))
			.verifyComplete();
	}

	@Test
	void configuringTellsWhetherTheChatWasASubscriberAndNullsForgetTheSettings() {
		follows.subscribe(1, Subscriber.of(7, "pt-BR", "America/Sao_Paulo"), NOW).block();

		StepVerifier.create(follows.configure(1, 7, 30, 8, NOW)).expectNext(true).verifyComplete();
		StepVerifier.create(follows.subscriber(1, 7))
			.expectNext(new Subscriber(7, "pt-BR", "America/Sao_Paulo", 30, 8, true))
			.verifyComplete();

		StepVerifier.create(follows.configure(1, 7, null, null, LATER)).expectNext(true).verifyComplete();
		StepVerifier.create(follows.subscriber(1, 7))
			.expectNext(Subscriber.of(7, "pt-BR", "America/Sao_Paulo"))
			.verifyComplete();

		StepVerifier.create(follows.configure(1, 8, 30, 8, NOW)).as("never subscribed").expectNext(false)
			.verifyComplete();
		StepVerifier.create(follows.configure(2, 7, 30, 8, NOW)).as("another bot's chat").expectNext(false)
			.verifyComplete();
		StepVerifier.create(follows.subscriber(1, 8)).as("nothing written").verifyComplete();
	}

	@Test
	void settingReachabilityIsTrueOnlyWhenItChangesSomething() {
		follows.subscribe(1, Subscriber.of(7, "pt-BR", "America/Sao_Paulo"), NOW).block();

		StepVerifier.create(follows.setActive(1, 7, true, NOW)).as("active already").expectNext(false).verifyComplete();
		StepVerifier.create(follows.setActive(1, 7, false, NOW)).expectNext(true).verifyComplete();
		StepVerifier.create(follows.setActive(1, 7, false, NOW)).as("blocked already").expectNext(false)
			.verifyComplete();
		StepVerifier.create(follows.subscriber(1, 7)).assertNext(s -> assertThat(s.active()).isFalse()).verifyComplete();
		StepVerifier.create(follows.setActive(1, 7, true, LATER)).expectNext(true).verifyComplete();
		StepVerifier.create(follows.subscriber(1, 7)).assertNext(s -> assertThat(s.active()).isTrue()).verifyComplete();

		StepVerifier.create(follows.setActive(1, 8, false, NOW)).as("not a subscriber").expectNext(false)
			.verifyComplete();
		StepVerifier.create(follows.subscriber(1, 8)).verifyComplete();
	}

	@Test
	void followingIsNewOnceAndKeptApartPerBot() {
		StepVerifier.create(follows.follow(1, 7, Followed.team(131, "Palmeiras"), NOW)).expectNext(true).verifyComplete();
		StepVerifier.create(follows.follow(1, 7, Followed.team(131, "Palmeiras"), LATER)).as("again")
			.expectNext(false).verifyComplete();
		StepVerifier.create(follows.follow(2, 7, Followed.team(131, "Palmeiras"), NOW)).as("another bot")
			.expectNext(true).verifyComplete();
		StepVerifier.create(follows.follow(1, 7, Followed.league(131, "Same id, a league"), NOW))
			.as("a league with a team's id").expectNext(true).verifyComplete();

		StepVerifier.create(follows.following(2, 7)).expectNext(Followed.team(131, "Palmeiras")).verifyComplete();
	}

	@Test
	void unfollowingWhatWasNotFollowedIsFalseAndLeavesAnotherBotsFollow() {
		follows.follow(1, 7, Followed.team(131, "Palmeiras"), NOW).block();
		follows.follow(2, 7, Followed.team(131, "Palmeiras"), NOW).block();

		StepVerifier.create(follows.unfollow(1, 7, Followed.Kind.TEAM, 127, NOW)).as("never followed")
			.expectNext(false).verifyComplete();
		StepVerifier.create(follows.unfollow(1, 7, Followed.Kind.LEAGUE, 131, NOW)).as("the team, not a league")
			.expectNext(false).verifyComplete();
		StepVerifier.create(follows.unfollow(1, 7, Followed.Kind.TEAM, 131, NOW)).expectNext(true).verifyComplete();

		StepVerifier.create(follows.following(1, 7)).verifyComplete();
		StepVerifier.create(follows.following(2, 7)).expectNext(Followed.team(131, "Palmeiras")).verifyComplete();
	}

	@Test
	void listsLeaguesFirstThenTeamsEachByNameWhateverItsCase() {
		follows.follow(1, 7, Followed.team(131, "palmeiras"), NOW).block();
		follows.follow(1, 7, Followed.team(127, "Flamengo"), NOW).block();
		follows.follow(1, 7, Followed.team(50, "Arsenal"), NOW).block();
		follows.follow(1, 7, Followed.league(71, "brasileirão"), NOW).block();
		follows.follow(1, 7, Followed.league(39, "Premier League"), NOW).block();

		StepVerifier.create(follows.following(1, 7))
			.expectNext(Followed.league(71, "brasileirão"), Followed.league(39, "Premier League"))
			.expectNext(Followed.team(50, "Arsenal"), Followed.team(127, "Flamengo"), Followed.team(131, "palmeiras"))
			.verifyComplete();
	}

	@Test
	void listsEachKindTogetherByNameWhateverItsCase() {
		follows.follow(1, 7, Followed.team(131, "palmeiras"), NOW).block();
		follows.follow(1, 7, Followed.league(71, "brasileirão"), NOW).block();
		follows.follow(1, 7, Followed.team(127, "Flamengo"), NOW).block();
		follows.follow(1, 7, Followed.league(39, "Premier League"), NOW).block();
		follows.follow(1, 7, Followed.team(50, "Arsenal"), NOW).block();

		StepVerifier.create(follows.following(1, 7).collectList())
			.assertNext(listed -> {
				assertThat(listed).filteredOn(f -> f.kind() == Followed.Kind.LEAGUE).extracting(Followed::name)
					.containsExactly("brasileirão", "Premier League");
				assertThat(listed).filteredOn(f -> f.kind() == Followed.Kind.TEAM).extracting(Followed::name)
					.containsExactly("Arsenal", "Flamengo", "palmeiras");
				assertThat(listed.get(0).kind()).as("one kind, then the other")
					.isNotEqualTo(listed.get(listed.size() - 1).kind());
			})
			.verifyComplete();
	}

	@Test
	void aChatThatFollowsNothingListsNothing() {
		follows.subscribe(1, Subscriber.of(7, "pt-BR", "America/Sao_Paulo"), NOW).block();

		StepVerifier.create(follows.following(1, 7)).verifyComplete();
		StepVerifier.create(follows.following(1, 8)).verifyComplete();
	}

	@Test
	void theTargetsToPlanAreThoseOfReachableChatsEachOnce() {
		for (long chat = 1; chat <= 3; chat++) {
			follows.subscribe(1, Subscriber.of(chat, "pt-BR", "America/Sao_Paulo"), NOW).block();
			follows.follow(1, chat, Followed.team(131, "Palmeiras"), NOW).block();
		}
		follows.subscribe(2, Subscriber.of(1, "en", "Europe/London"), NOW).block();
		follows.follow(2, 1, Followed.team(131, "Palmeiras"), NOW).block();
		follows.follow(2, 1, Followed.league(39, "Premier League"), NOW).block();
		follows.follow(1, 3, Followed.team(127, "Flamengo"), NOW).block();
		follows.setActive(1, 3, false, NOW).block(); // blocked the bot: Flamengo is nobody else's
		follows.follow(1, 9, Followed.team(200, "Santos"), NOW).block(); // followed without a subscription

		StepVerifier.create(follows.followedTargets().collectList())
			.assertNext(targets -> assertThat(targets).containsExactlyInAnyOrder(new Followed(Followed.Kind.TEAM, 131, ""),
					new Followed(Followed.Kind.LEAGUE, 39, "")))
			.verifyComplete();
	}

	@Test
	void noTargetsWhileNobodyFollowsAnything() {
		follows.subscribe(1, Subscriber.of(7, "pt-BR", "America/Sao_Paulo"), NOW).block();

		StepVerifier.create(follows.followedTargets()).verifyComplete();
	}

	@Test
	void countsTheChatsOfEveryBotThatFollowSomethingAndThoseThatCanBeReached() {
		StepVerifier.create(follows.counts()).assertNext(counts -> assertThat(counts).containsExactly(0, 0))
			.verifyComplete();

		follows.subscribe(1, Subscriber.of(7, "pt-BR", "America/Sao_Paulo"), NOW).block();
		follows.subscribe(1, Subscriber.of(8, "pt-BR", "America/Sao_Paulo"), NOW).block();
		follows.subscribe(2, Subscriber.of(7, "en", "Europe/London"), NOW).block();
		follows.subscribe(2, Subscriber.of(9, "en", "Europe/London"), NOW).block(); // chose a digest, follows nothing
		for (long[] chat : new long[][] { { 1, 7 }, { 1, 8 }, { 2, 7 } }) {
			follows.follow(chat[0], chat[1], Followed.team(131, "Palmeiras"), NOW).block();
		}
		follows.setActive(1, 8, false, NOW).block();

		StepVerifier.create(follows.counts()).assertNext(counts -> assertThat(counts).containsExactly(3, 2))
			.verifyComplete();
	}

	@Test
	void failsWhenTheDatabaseCannotBeReached() {
		pool.dispose();
		Duration wait = Duration.ofSeconds(20);
		StepVerifier.create(follows.subscribe(1, Subscriber.of(7, "en", "Europe/London"), NOW)).expectError().verify(wait);
		StepVerifier.create(follows.subscriber(1, 7)).expectError().verify(wait);
		StepVerifier.create(follows.configure(1, 7, 15, null, NOW)).expectError().verify(wait);
		StepVerifier.create(follows.setActive(1, 7, false, NOW)).expectError().verify(wait);
		StepVerifier.create(follows.follow(1, 7, Followed.team(131, "Palmeiras"), NOW)).expectError().verify(wait);
		StepVerifier.create(follows.unfollow(1, 7, Followed.Kind.TEAM, 131, NOW)).expectError().verify(wait);
		StepVerifier.create(follows.following(1, 7)).expectError().verify(wait);
		StepVerifier.create(follows.followedTargets()).expectError().verify(wait);
		StepVerifier.create(follows.counts()).expectError().verify(wait);
	}
}
