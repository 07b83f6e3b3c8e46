package io.analytips.football;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelFitTimesTest {

	@Test
	void keepsTheLastFitTheCountAndTheTotalPerLeagueAndTellsTheListener() {
		List<String> heard = new ArrayList<>();
		ModelFitTimes times = new ModelFitTimes((league, duration) -> heard.add(league + "=" + duration.toMillis()));

		times.record(39, Duration.ofMillis(8));
		times.record(39, Duration.ofMillis(4));
		times.record(71, Duration.ofMillis(5));

		assertThat(times.byLeague()).containsOnlyKeys(39, 71);
		ModelFitTimes.LeagueFits premierLeague = times.byLeague().get(39);
		assertThat(premierLeague.last()).isEqualTo(Duration.ofMillis(4));
		assertThat(premierLeague.fits()).isEqualTo(2);
		assertThat(premierLeague.total()).isEqualTo(Duration.ofMillis(12));
		assertThat(premierLeague.mean()).isEqualTo(Duration.ofMillis(6));
		assertThat(heard).containsExactly("39=8", "39=4", "71=5");
	}
}
