package io.analytips.bot;

import java.time.Duration;

import io.analytips.football.AnalysisService;
import io.analytips.football.FixtureNotFoundException;
import io.analytips.support.BotTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The model's 1X2 for the inline cards: run once per fixture, kept a while, and finished when nobody waits. */
class InlineOddsTest {

	private final BotTestKit kit = new BotTestKit();

	private final InlineOdds odds = new InlineOdds(new AnalysisService(kit.data, 5, kit.clock), kit.clock);

	@AfterEach
	void close() {
		kit.close();
	}

	@Test
	void analysesAFixtureOnceAndKeepsItsNumbersForAWhile() {
		long fixture = kit.football.todaysFixtureIds().get(0);
		assertThat(odds.known(fixture)).isEmpty();

		StepVerifier.withVirtualTime(() -> odds.of(fixture))
			.assertNext(result -> assertThat(result.home() + result.draw() + result.away()).isCloseTo(1, within(1e-6)))
			.verifyComplete();
		long calls = kit.football.calls();

		assertThat(odds.known(fixture)).isPresent();
		StepVerifier.create(odds.of(fixture)).expectNext(odds.known(fixture).orElseThrow()).verifyComplete();
		assertThat(kit.football.calls()).isEqualTo(calls);

		kit.clock.advance(InlineOdds.KEPT.plusSeconds(1));
		assertThat(odds.known(fixture)).as("prices move: numbers this old are not shown").isEmpty();
	}

	@Test
	void anUnknownFixtureErrorsAndIsNotKept() {
		StepVerifier.withVirtualTime(() -> odds.of(987_654_321))
			.thenAwait(Duration.ofMinutes(1))
			.expectError(FixtureNotFoundException.class)
			.verify(Duration.ofSeconds(10));

		assertThat(odds.known(987_654_321)).isEmpty();
	}

	@Test
	void anAnalysisGoesOnWhenItsWaiterGivesUpSoTheNextAnswerHasTheNumbers() {
		long fixture = kit.football.todaysFixtureIds().get(1);
		kit.football.faults().latency(Duration.ofSeconds(2));

		StepVerifier.withVirtualTime(() -> odds.of(fixture)
			.timeout(Duration.ofSeconds(1), Mono.empty())
			.then(Mono.delay(Duration.ofMinutes(5)))
			.then(Mono.fromSupplier(() -> odds.known(fixture))))
			.thenAwait(Duration.ofMinutes(6))
			.assertNext(known -> assertThat(known).as("finished after its waiter left").isPresent())
			.verifyComplete();
	}
}
