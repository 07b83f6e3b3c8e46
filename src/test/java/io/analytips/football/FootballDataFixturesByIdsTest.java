package io.analytips.football;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.analytips.football.api.ApiFootballException;
import io.analytips.football.api.Fixture;
import io.analytips.support.BotTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The followed fixtures read by id, 20 a call, over the in-process simulator: the result watch's read. */
class FootballDataFixturesByIdsTest {

	private static final long UNKNOWN = 999_999_999L;

	private final BotTestKit kit = new BotTestKit();

	private final FootballData data = kit.data;

	@AfterEach
	void close() {
		kit.close();
	}

	/** {@code count} fixture ids the simulator knows (a Premier League season's), read before the calls are counted. */
	private List<Long> knownIds(int count) {
		List<Long> ids = data.season(39, 2024).block().value().stream().map(Fixture::id).limit(count).toList();
		assertThat(ids).hasSize(count);
		kit.football.resetCalls();
		return ids;
	}

	@Test
	void readsOneFixtureWithOneCall() {
		long id = knownIds(1).get(0);

		StepVerifier.create(data.fixtures(List.of(id)))
			.assertNext(fixtures -> assertThat(fixtures).extracting(Fixture::id).containsExactly(id))
			.verifyComplete();
		assertThat(kit.football.callsByPath()).containsOnlyKeys("/fixtures");
		assertThat(kit.football.calls()).isOne();
	}

	@Test
	void readsTwentyFiveFixturesWithTwoCallsOfTwentyAndFive() {
		List<Long> ids = knownIds(25);

		StepVerifier.create(data.fixtures(ids))
			.assertNext(fixtures -> assertThat(fixtures).extracting(Fixture::id).containsExactlyInAnyOrderElementsOf(ids))
			.verifyComplete();
		assertThat(kit.football.calls()).isEqualTo(2);
		assertThat(kit.football.callsByRequest().keySet())
			.map(request -> request.replaceAll(".*ids=([0-9-]+).*", "$1").split("-").length)
			.containsExactlyInAnyOrder(20, 5);
	}

	@Test
	void leavesOutTheFixturesApiFootballDoesNotKnow() {
		List<Long> ids = new ArrayList<>(knownIds(2));
		ids.add(1, UNKNOWN);

		StepVerifier.create(data.fixtures(ids))
			.assertNext(fixtures -> assertThat(fixtures).extracting(Fixture::id)
				.containsExactlyInAnyOrder(ids.get(0), ids.get(2)))
			.verifyComplete();
		StepVerifier.create(data.fixtures(List.of(UNKNOWN)))
			.assertNext(fixtures -> assertThat(fixtures).isEmpty())
			.verifyComplete();
	}

	@Test
	void noIdsReadNothing() {
		StepVerifier.create(data.fixtures(List.of()))
			.assertNext(fixtures -> assertThat(fixtures).isEmpty())
			.verifyComplete();
		assertThat(kit.football.calls()).isZero();
	}

	@Test
	void errsWhenApiFootballFailsAndNothingIsCached() {
		List<Long> ids = knownIds(3);
		kit.football.faults().quotaExhausted(true);

		StepVerifier.create(data.fixtures(ids)).expectError(ApiFootballException.class).verify(Duration.ofSeconds(10));
	}

	@Test
	void unfinishedFixturesAreAskedForAgainAfterAMinuteAndTheCopyServedWhileApiFootballIsDown() {
		List<Long> ids = kit.football.todaysFixtureIds().stream().limit(3).toList();
		assertThat(ids).hasSize(3);
		StepVerifier.create(data.fixtures(ids)).expectNextCount(1).verifyComplete();
		StepVerifier.create(data.fixtures(ids)).expectNextCount(1).verifyComplete();
		assertThat(kit.football.calls()).as("fresh for a minute").isOne();

		kit.clock.advance(Duration.ofMinutes(2));
		kit.football.faults().quotaExhausted(true);
		StepVerifier.create(data.fixtures(ids))
			.assertNext(fixtures -> assertThat(fixtures).extracting(Fixture::id).containsExactlyInAnyOrderElementsOf(ids))
			.verifyComplete();
		assertThat(kit.football.calls()).as("asked again, refused").isEqualTo(2);
	}
}
