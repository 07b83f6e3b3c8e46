package io.analytips.football.analysis;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValueRulesTest {

	private static ValueRule rule(String seasons, double cap) {
		return new ValueRule(false, 0.05, cap, Confidence.HIGH, Optional.of(new ValueRule.TrackRecord(seasons, 100,
				Optional.empty(), new ValueRule.Interval(-0.05, -0.1, 0.0))));
	}

	@Test
	void eachLeagueGetsItsOwnRule() {
		ValueRule premierLeague = rule("2019/20–2024/25", 0.10);
		ValueRule brasileirao = rule("2019–2024", 0.25);

		ValueRules rules = new ValueRules(Map.of(39, premierLeague, 71, brasileirao));

		assertThat(rules.forLeague(39)).isSameAs(premierLeague);
		assertThat(rules.forLeague(71)).isSameAs(brasileirao);
		assertThat(rules.leagues()).containsExactlyInAnyOrder(39, 71);
	}

	@Test
	void aLeagueWithoutABacktestGetsNoRecordAndTheStrictestCapOfThoseWithOne() {
		ValueRules rules = new ValueRules(Map.of(39, rule("2019/20–2024/25", 0.15), 71, rule("2019–2024", 0.25)));

		ValueRule laLiga = rules.forLeague(140);

		assertThat(laLiga).isSameAs(rules.untested());
		assertThat(laLiga.trackRecord()).isEmpty();
		assertThat(laLiga.supported()).isFalse();
		assertThat(laLiga.maxEdge()).isEqualTo(0.15);
	}

	@Test
	void needsAtLeastOneBacktestedLeague() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ValueRules(Map.of()))
			.withMessageContaining("at least one");
	}
}
