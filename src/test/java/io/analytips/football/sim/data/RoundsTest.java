package io.analytips.football.sim.data;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoundsTest {

	private static HistoricalMatch match(int day, String home, String round) {
		return new HistoricalMatch(39, 2024, LocalDateTime.of(2024, 8, 1, 15, 0).plusDays(day), home, "Away", 0, 0,
				null, null, null, null, List.of(), null, round);
	}

	@Test
	void numbersBlocksOfTenInKickoffOrder() {
		List<HistoricalMatch> season = new ArrayList<>(
				IntStream.range(0, 25).mapToObj(day -> match(day, "Team " + day, null)).toList());
		Collections.reverse(season);

		List<HistoricalMatch> numbered = Rounds.fillByBlocks(season);

		assertThat(numbered.get(0).homeTeam()).isEqualTo("Team 0");
		assertThat(numbered.get(0).round()).isEqualTo("Regular Season - 1");
		assertThat(numbered.get(9).round()).isEqualTo("Regular Season - 1");
		assertThat(numbered.get(10).round()).isEqualTo("Regular Season - 2");
		assertThat(numbered.get(24).round()).isEqualTo("Regular Season - 3");
	}

	@Test
	void keepsARoundTheSourceAlreadyGave() {
		List<HistoricalMatch> numbered = Rounds
			.fillByBlocks(List.of(match(0, "A", "Regular Season - 7"), match(1, "B", null)));

		assertThat(numbered).extracting(HistoricalMatch::round)
			.containsExactly("Regular Season - 7", "Regular Season - 1");
	}

	@Test
	void breaksKickoffTiesByHomeTeam() {
		List<HistoricalMatch> numbered = Rounds
			.fillByBlocks(List.of(match(0, "Wolves", null), match(0, "Arsenal", null)));

		assertThat(numbered).extracting(HistoricalMatch::homeTeam).containsExactly("Arsenal", "Wolves");
	}
}
