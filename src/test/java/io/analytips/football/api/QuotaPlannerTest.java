package io.analytips.football.api;

import java.time.Duration;

import io.analytips.common.MutableClock;
import org.junit.jupiter.api.Test;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuotaPlannerTest {

	private final MutableClock clock = new MutableClock(); // 2026-11-23T12:00:00Z

	@Test
	void backgroundCallsMaySpendTheirShareOfThePlansDailyQuotaAndNoMore() {
		QuotaPlanner planner = new QuotaPlanner(clock, 30);
		for (int i = 0; i < 30; i++) {
			assertThat(planner.allowsBackground(100)).isTrue();
			assertThat(planner.take(true, 100)).isTrue();
		}
		assertThat(planner.allowsBackground(100)).isFalse();
		assertThat(planner.take(true, 100)).isFalse();
		assertThat(planner.status(100)).isEqualTo(new QuotaPlanner.QuotaPlan(30, 30, 2));
	}

	@Test
	void usersKeepTheRest() {
		QuotaPlanner planner = new QuotaPlanner(clock, 30);
		for (int i = 0; i < 30; i++) {
			planner.take(true, 100);
		}
		for (int i = 0; i < 70; i++) {
			assertThat(planner.take(false, 100)).isTrue();
		}
		assertThat(planner.status(100).spent()).isEqualTo(30);
	}

	@Test
	void theShareIsOfThePlansQuotaAsApiFootballReportsIt() {
		QuotaPlanner planner = new QuotaPlanner(clock, 30);
		assertThat(planner.status(7500).allowance()).isEqualTo(2250);
		// until an answer has told the plan's quota, the free plan's 100 is assumed
		assertThat(planner.status(-1).allowance()).isEqualTo(30);
	}

	@Test
	void aNewUtcDayStartsAFreshShare() {
		QuotaPlanner planner = new QuotaPlanner(clock, 10);
		for (int i = 0; i < 10; i++) {
			planner.take(true, 100);
		}
		assertThat(planner.take(true, 100)).isFalse();
		clock.advance(Duration.ofHours(11).plusMinutes(59)); // 23:59 UTC
		assertThat(planner.take(true, 100)).isFalse();
		clock.advance(Duration.ofMinutes(1)); // 00:00 UTC, when API-Football resets quotas
		assertThat(planner.take(true, 100)).isTrue();
		assertThat(planner.status(100)).isEqualTo(new QuotaPlanner.QuotaPlan(1, 10, 0));
	}

	@Test
	void aZeroShareKeepsBackgroundWorkOffTheQuota() {
		QuotaPlanner planner = new QuotaPlanner(clock, 0);
		assertThat(planner.allowsBackground(100)).isFalse();
		assertThat(planner.take(true, 100)).isFalse();
		assertThat(planner.take(false, 100)).isTrue();
	}

	@Test
	void theShareIsAPercentage() {
		assertThatThrownBy(() -> new QuotaPlanner(clock, 101)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new QuotaPlanner(clock, -1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void backgroundWorkIsMarkedInTheReactorContext() {
		assertThat(QuotaPlanner.isBackground(Context.empty())).isFalse();
		assertThat(QuotaPlanner.isBackground(QuotaPlanner.background(Context.empty()))).isTrue();
	}
}
