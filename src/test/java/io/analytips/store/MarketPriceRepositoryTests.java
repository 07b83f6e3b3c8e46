package io.analytips.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MarketPriceRepositoryTests {

	private static final Instant KICKOFF = Instant.parse("2025-03-01T15:00:00Z");

	private final ConnectionPool pool = TestDatabase.pool(TestDatabase.migrated());

	private final MarketPriceRepository prices = new MarketPriceRepository(TestDatabase.client(pool));

	@AfterEach
	void close() {
		pool.dispose();
	}

	@Test
	void storesAFixturesPricesAndFindsThemById() {
		MarketPrice price = price(1, 0.5, "2025-03-01T09:00:00Z");

		StepVerifier.create(prices.save(price)).expectNext(true).verifyComplete();

		StepVerifier.create(prices.find(List.of(1L, 2L)))
			.assertNext(found -> assertThat(found).containsOnlyKeys(1L).containsEntry(1L, price))
			.verifyComplete();
	}

	@Test
	void storesTheOverTwoAndAHalfProbabilityBesideThe1x2AndNullWhereThereIsNone() {
		MarketPrice withTotals = new MarketPrice(1, 0.5, 0.25, 0.25, 0.55, "Pinnacle",
				Instant.parse("2025-03-01T09:00:00Z"), KICKOFF);
		MarketPrice without = price(2, 0.4, "2025-03-01T09:00:00Z");

		StepVerifier.create(prices.save(withTotals)).expectNext(true).verifyComplete();
		StepVerifier.create(prices.save(without)).expectNext(true).verifyComplete();

		StepVerifier.create(prices.find(List.of(1L, 2L)))
			.assertNext(found -> {
				assertThat(found.get(1L)).isEqualTo(withTotals);
				assertThat(found.get(1L).over25()).isEqualTo(0.55);
				assertThat(found.get(2L).over25()).isNull();
			})
			.verifyComplete();
	}

	@Test
	void aLaterReadingWithoutTotalsKeepsTheStoredOnesAndALaterOneWithTotalsReplacesThem() {
		prices.save(new MarketPrice(1, 0.5, 0.25, 0.25, 0.55, "Pinnacle", Instant.parse("2025-03-01T09:00:00Z"),
				KICKOFF)).block();

		StepVerifier.create(prices.save(price(1, 0.52, "2025-03-01T12:00:00Z"))).expectNext(true).verifyComplete();
		StepVerifier.create(prices.find(List.of(1L)))
			.assertNext(found -> {
				assertThat(found.get(1L).home()).isEqualTo(0.52);
				assertThat(found.get(1L).over25()).isEqualTo(0.55);
			})
			.verifyComplete();

		StepVerifier.create(prices.save(new MarketPrice(1, 0.53, 0.24, 0.23, 0.6, "Pinnacle",
				Instant.parse("2025-03-01T14:00:00Z"), KICKOFF))).expectNext(true).verifyComplete();
		StepVerifier.create(prices.find(List.of(1L)))
			.assertNext(found -> assertThat(found.get(1L).over25()).isEqualTo(0.6))
			.verifyComplete();
	}

	@Test
	void aLaterReadingReplacesAnEarlierOneButNotTheOtherWayRound() {
		prices.save(price(1, 0.5, "2025-03-01T09:00:00Z")).block();

		StepVerifier.create(prices.save(price(1, 0.55, "2025-03-01T14:00:00Z"))).expectNext(true).verifyComplete();
		StepVerifier.create(prices.save(price(1, 0.45, "2025-02-28T09:00:00Z"))).expectNext(false).verifyComplete();

		StepVerifier.create(prices.find(List.of(1L)))
			.assertNext(found -> assertThat(found.get(1L).home()).isEqualTo(0.55))
			.verifyComplete();
	}

	@Test
	void findsNothingForUnknownFixturesOrNoFixtures() {
		StepVerifier.create(prices.find(List.of(404L))).expectNext(Map.of()).verifyComplete();
		StepVerifier.create(prices.find(List.of())).expectNext(Map.of()).verifyComplete();
	}

	@Test
	void errorsWhenTheDatabaseIsGone() {
		pool.dispose();

		StepVerifier.create(prices.save(price(1, 0.5, "2025-03-01T09:00:00Z"))).expectError().verify();
		StepVerifier.create(prices.find(List.of(1L))).expectError().verify();
	}

	@Test
	void aReadingAtOrAfterKickOffOrAnImpossibleProbabilityIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> price(1, 0.5, "2025-03-01T15:00:00Z"))
			.withMessageContaining("before kick-off");
		assertThatIllegalArgumentException().isThrownBy(() -> price(1, 1.0, "2025-03-01T09:00:00Z"))
			.withMessageContaining("(0, 1)");
		assertThatIllegalArgumentException().isThrownBy(() -> new MarketPrice(1, 0.5, 0.25, 0.25, 1.0, "Pinnacle",
				Instant.parse("2025-03-01T09:00:00Z"), KICKOFF)).withMessageContaining("over 2.5");
	}

	private static MarketPrice price(long fixture, double home, String observedAt) {
		double draw = (1 - home) / 2;
		return new MarketPrice(fixture, home, draw, 1 - home - draw, "Pinnacle", Instant.parse(observedAt), KICKOFF);
	}
}
