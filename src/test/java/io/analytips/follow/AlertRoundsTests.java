package io.analytips.follow;

import java.time.Duration;
import java.time.Instant;

import io.analytips.store.Followed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.analytips.follow.Matchday.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A matchday with followers in São Paulo and London: each told before kick-off at their own lead, in their own zone,
 * once; a late alert dropped; a moved kick-off moving its alert; the result within minutes of the whistle, and even
 * late; a postponement told; a blocked chat skipped until it comes back. The leader's rounds run at the instants the
 * test sets.
 */
class AlertRoundsTests {

	private final Matchday day = new Matchday(FollowProperties.defaults());

	private static final long PALMEIRAS_FLAMENGO = 1001;

	@AfterEach
	void close() {
		day.close();
	}

	/** Palmeiras x Flamengo, 16:00 in São Paulo (19:00 UTC, 20:00 in London). */
	private void palmeirasFlamengo() {
		day.world.put(PALMEIRAS_FLAMENGO, fixture(PALMEIRAS_FLAMENGO, 71, 131, "Palmeiras", 127, "Flamengo",
				"2026-05-10T19:00:00Z", "NS", null, null));
	}

	@Test
	void eachFollowerIsToldOnceBeforeKickoffAtTheirOwnLeadInTheirOwnZone() {
		palmeirasFlamengo();
		day.follow(1, "pt-BR", "America/Sao_Paulo", Followed.team(131, "Palmeiras"));
		day.follow(2, "en", "Europe/London", Followed.team(127, "Flamengo"));
		day.following.configure(Matchday.BOT, io.analytips.store.Subscriber.of(2, "en", "Europe/London"), 30, null)
			.block();
		day.follow(3, "pt-BR", "America/Sao_Paulo", Followed.league(71, "Brasileirão"));
		day.follow(3, "pt-BR", "America/Sao_Paulo", Followed.team(131, "Palmeiras")); // twice over: told once

		day.round();
		day.roundAt("2026-05-10T17:59:45Z");
		assertThat(day.sent).isEmpty();

		day.roundAt("2026-05-10T18:00:00Z");
		assertThat(day.sent).extracting(Matchday.Sent::chat).containsExactlyInAnyOrder(1L, 3L);
		assertThat(day.sentTo(1).get(0).text()).isEqualTo("before Palmeiras x Flamengo at 16:00 home 50%");

		day.roundAt("2026-05-10T18:30:00Z");
		assertThat(day.sentTo(2)).singleElement()
			.satisfies(sent -> assertThat(sent.text()).isEqualTo("before Palmeiras x Flamengo at 20:00 home 50%"))
			.satisfies(sent -> assertThat(sent.at()).isEqualTo("2026-05-10T18:30:00Z"));

		day.roundAt("2026-05-10T18:45:00Z");
		assertThat(day.sent).as("nobody told twice").hasSize(3);
		assertThat(day.analyses).as("one analysis for every follower").hasValue(1);
		assertThat(day.forecasts.find(PALMEIRAS_FLAMENGO).block())
			.satisfies(kept -> assertThat(kept.home()).isEqualTo(0.5))
			.satisfies(kept -> assertThat(kept.marketHome()).isEqualTo(2.0))
			.satisfies(kept -> assertThat(kept.madeAt()).isEqualTo("2026-05-10T18:00:00Z"));
		assertThat(day.counted("before", "sent")).isEqualTo(3);
	}

	@Test
	void anAlertMoreThanTenMinutesLateIsDroppedAndCounted() {
		palmeirasFlamengo();
		day.follow(1, "pt-BR", "America/Sao_Paulo", Followed.team(131, "Palmeiras"));
		day.round();

		day.roundAt("2026-05-10T18:10:01Z"); // the leader was away from 18:00 until now
		assertThat(day.sent).isEmpty();
		assertThat(day.counted("before", "dropped_late")).isEqualTo(1);
	}

	@Test
	void aLateButNotTooLateAlertStillGoes() {
		palmeirasFlamengo();
		day.follow(1, "pt-BR", "America/Sao_Paulo", Followed.team(131, "Palmeiras"));
		day.round();

		day.roundAt("2026-05-10T18:09:59Z");
		assertThat(day.sentTo(1)).hasSize(1);
	}

	@Test
	void aMovedKickoffMovesItsAlert() {
		palmeirasFlamengo();
		day.follow(1, "pt-BR", "America/Sao_Paulo", Followed.team(131, "Palmeiras"));
		day.round();
		day.move(PALMEIRAS_FLAMENGO, "2026-05-10T21:30:00Z");

		day.roundAt("2026-05-10T18:00:00Z");
		assertThat(day.sent).as("not at the old time").isEmpty();
		day.roundAt("2026-05-10T20:30:00Z");
		assertThat(day.sentTo(1)).singleElement()
			.satisfies(sent -> assertThat(sent.text()).startsWith("before Palmeiras x Flamengo at 18:30"));
	}

	@Test
	void theResultIsToldWithinFiveMinutesOfTheWhistleToEveryFollowerOnce() {
		palmeirasFlamengo();
		day.follow(1, "pt-BR", "America/Sao_Paulo", Followed.team(131, "Palmeiras"));
		day.follow(2, "en", "Europe/London", Followed.team(127, "Flamengo"));
		day.round();
		day.roundAt("2026-05-10T18:00:00Z");
		day.play(PALMEIRAS_FLAMENGO, "2H", 1, 0);

		Instant whistle = Instant.parse("2026-05-10T20:51:00Z");
		Instant at = Instant.parse("2026-05-10T20:40:00Z");
		while (day.sent.size() < 4 && at.isBefore(whistle.plus(Duration.ofMinutes(10)))) {
			if (!at.isBefore(whistle)) {
				day.play(PALMEIRAS_FLAMENGO, "FT", 2, 1);
			}
			day.roundAt(at.toString());
			at = at.plus(Duration.ofSeconds(15));
		}

		assertThat(day.sentTo(1)).last().satisfies(sent -> {
			assertThat(sent.text()).isEqualTo("result Palmeiras 2-1 Flamengo (forecast)");
			assertThat(Duration.between(whistle, sent.at())).isLessThanOrEqualTo(Duration.ofMinutes(5));
		});
		assertThat(day.sentTo(2)).hasSize(2);
		assertThat(day.idsCalls.get()).as("read every 2 minutes from kick-off + 105, not every round").isLessThanOrEqualTo(4);
		day.roundAt("2026-05-10T21:30:00Z");
		assertThat(day.sent).as("once").hasSize(4);
		assertThat(day.forecasts.find(PALMEIRAS_FLAMENGO).block().homeGoals()).isEqualTo(2);
	}

	@Test
	void aResultIsToldEvenWhenTheLeaderComesBackHoursLate() {
		palmeirasFlamengo();
		day.follow(1, "pt-BR", "America/Sao_Paulo", Followed.team(131, "Palmeiras"));
		day.round();
		day.play(PALMEIRAS_FLAMENGO, "FT", 0, 0);

		day.roundAt("2026-05-11T01:00:00Z");
		assertThat(day.sentTo(1)).extracting(Matchday.Sent::text).containsExactly("result Palmeiras 0-0 Flamengo");
		assertThat(day.counted("before", "dropped_late")).isEqualTo(1);
	}

	@Test
	void aPostponedMatchIsToldAndItsAlertWaitsForItsNewDate() {
		palmeirasFlamengo();
		day.follow(1, "pt-BR", "America/Sao_Paulo", Followed.team(131, "Palmeiras"));
		day.round();
		day.play(PALMEIRAS_FLAMENGO, "PST", null, null);

		day.roundAt("2026-05-10T13:00:00Z");
		day.roundAt("2026-05-10T13:00:15Z");
		assertThat(day.sentTo(1)).extracting(Matchday.Sent::text).containsExactly("notice Palmeiras PST");
		day.roundAt("2026-05-10T18:00:00Z");
		assertThat(day.sentTo(1)).as("no alert for the old time").hasSize(1);

		day.play(PALMEIRAS_FLAMENGO, "NS", null, null);
		day.move(PALMEIRAS_FLAMENGO, "2026-05-11T19:00:00Z");
		day.roundAt("2026-05-11T12:00:00Z");
		day.roundAt("2026-05-11T18:00:00Z");
		assertThat(day.sentTo(1)).extracting(Matchday.Sent::text).last().asString().startsWith("before");
	}

	@Test
	void aChatThatBlockedTheBotIsSkippedUntilItComesBack() {
		palmeirasFlamengo();
		day.follow(1, "pt-BR", "America/Sao_Paulo", Followed.team(131, "Palmeiras"));
		day.follow(2, "pt-BR", "America/Sao_Paulo", Followed.team(131, "Palmeiras"));
		day.blocked.add(2L);
		day.round();

		day.roundAt("2026-05-10T18:00:00Z");
		assertThat(day.sent).extracting(Matchday.Sent::chat).containsExactly(1L);
		assertThat(day.follows.subscriber(Matchday.BOT, 2).block().active()).isFalse();
		assertThat(day.counted("before", "failed")).isEqualTo(1);

		day.play(PALMEIRAS_FLAMENGO, "FT", 1, 1);
		day.roundAt("2026-05-10T21:00:00Z");
		assertThat(day.sentTo(2)).as("no result for a blocked chat").isEmpty();

		day.blocked.remove(2L);
		day.following.reachable(Matchday.BOT, 2, true).block();
		day.world.put(1002L, fixture(1002, 71, 131, "Palmeiras", 200, "Santos", "2026-05-11T19:00:00Z", "NS", null, null));
		day.roundAt("2026-05-11T12:00:00Z");
		day.roundAt("2026-05-11T18:00:00Z");
		assertThat(day.sentTo(2)).extracting(Matchday.Sent::text).containsExactly("before Palmeiras x Santos at 16:00 home 50%");
	}

	@Test
	void nobodyIsToldTheResultOfAMatchThatEndedBeforeTheyFollowed() {
		palmeirasFlamengo();
		day.play(PALMEIRAS_FLAMENGO, "FT", 3, 0);
		day.clock.advance(Duration.ofHours(10)); // 22:00 UTC: the match is over

		day.follow(1, "pt-BR", "America/Sao_Paulo", Followed.team(131, "Palmeiras"));
		day.round();
		day.roundAt("2026-05-10T23:00:00Z");

		assertThat(day.sent).isEmpty();
		assertThat(day.watched.find(PALMEIRAS_FLAMENGO).block().resultAt()).as("recorded as over").isNotNull();
	}

	@Test
	void plansEveryTenMinutesAndAtOnceAfterAFollowFromCopiesHoursOld() {
		palmeirasFlamengo();
		day.follow(1, "pt-BR", "America/Sao_Paulo", Followed.team(131, "Palmeiras"));
		day.round();
		assertThat(day.planned).containsExactly(FollowProperties.PLANNER_TODAY_MAX_AGE,
				FollowProperties.PLANNER_TOMORROW_MAX_AGE);

		day.roundAt("2026-05-10T12:05:00Z");
		assertThat(day.planned).as("not due yet").hasSize(2);
		day.follow(2, "en", "Europe/London", Followed.team(127, "Flamengo"));
		day.roundAt("2026-05-10T12:05:15Z");
		assertThat(day.planned).as("a follow plans at once").hasSize(4);
		day.roundAt("2026-05-10T12:15:15Z");
		assertThat(day.planned).as("ten minutes on").hasSize(6);
	}

	@Test
	void anAlertTelegramRefusesFailsAloneAndOneItCouldNotTakeGoesNextRound() {
		palmeirasFlamengo();
		for (long chat = 1; chat <= 4; chat++) {
			day.follow(chat, "pt-BR", "America/Sao_Paulo", Followed.team(131, "Palmeiras"));
		}
		day.failing.put(1L, new io.analytips.telegram.TelegramException(400, "Bad Request: chat not found", null, null));
		day.failing.put(2L, new io.analytips.telegram.TelegramException(401, "Unauthorized", null, null));
		day.failing.put(3L, new io.analytips.telegram.TelegramException(502, "Bad Gateway", null, null));
		day.round();

		day.roundAt("2026-05-10T18:00:00Z");
		assertThat(day.sent).extracting(Matchday.Sent::chat).containsExactly(4L);
		assertThat(day.counted("before", "failed")).isEqualTo(2);
		assertThat(day.counted("before", "retried")).isEqualTo(1);

		day.roundAt("2026-05-10T18:00:15Z");
		assertThat(day.sent).extracting(Matchday.Sent::chat).containsExactly(4L, 3L);
		day.roundAt("2026-05-10T18:00:30Z");
		assertThat(day.sent).as("the refused ones are not tried again").hasSize(2);
	}

	@Test
	void anAlertWhoseLeadEndedOnItsWayIsGivenBackForTheNextLeader() {
		palmeirasFlamengo();
		day.follow(1, "pt-BR", "America/Sao_Paulo", Followed.team(131, "Palmeiras"));
		day.failing.put(1L, new io.analytips.replica.LeaseEndedException(io.analytips.replica.Lease.NONE));
		day.round();

		day.roundAt("2026-05-10T18:00:00Z");
		assertThat(day.sent).isEmpty();
		assertThat(day.counted("before", "left")).isEqualTo(1);
		assertThat(day.alerts.countByState().block()).as("pending again, not stuck sending").containsOnlyKeys("pending");

		day.roundAt("2026-05-10T18:00:15Z");
		assertThat(day.sentTo(1)).hasSize(1);
	}

	@Test
	void theDigestListsTheDaysFollowedGamesAtTheChatsHour() {
		palmeirasFlamengo();
		day.world.put(1002L, fixture(1002, 39, 42, "Arsenal", 49, "Chelsea", "2026-05-10T14:00:00Z", "NS", null, null));
		day.follow(1, "pt-BR", "America/Sao_Paulo", Followed.team(131, "Palmeiras"));
		day.follow(1, "pt-BR", "America/Sao_Paulo", Followed.team(42, "Arsenal"));
		day.following.configure(Matchday.BOT, io.analytips.store.Subscriber.of(1, "pt-BR", "America/Sao_Paulo"), null, 9)
			.block();

		day.roundAt("2026-05-10T11:59:00Z");
		assertThat(day.sent).isEmpty();
		day.roundAt("2026-05-10T12:00:00Z"); // 09:00 in São Paulo
		day.roundAt("2026-05-10T12:30:00Z");
		assertThat(day.sentTo(1)).extracting(Matchday.Sent::text).containsExactly("digest 11:00 Arsenal, 16:00 Palmeiras");
	}
}
