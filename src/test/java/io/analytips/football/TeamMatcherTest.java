package io.analytips.football;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which teams a typed name means, by the first rule that finds any; near misses by edit distance. */
class TeamMatcherTest {

	private final TeamMatcher<String> matcher = new TeamMatcher<String>()
		.add("Atlético-MG", List.of("atletico mg", "atletico mineiro", "galo"))
		.add("Athletico-PR", List.of("athletico pr", "atletico paranaense", "furacao"))
		.add("Botafogo", List.of("botafogo", "botafogo rj", "fogao"))
		.add("Botafogo-SP", List.of("botafogo sp"))
		.add("Palmeiras", List.of("palmeiras", "verdao"))
		.add("Manchester City", List.of("manchester city", "man city"))
		.add("Manchester United", List.of("manchester united", "man utd"));

	@Test
	void anEqualNameWinsOverLongerOnes() {
		assertThat(matcher.matching("botafogo")).containsExactly("Botafogo");
		assertThat(matcher.matching("galo")).containsExactly("Atlético-MG");
	}

	@Test
	void theStartOfAWordFindsEveryTeamWithIt() {
		assertThat(matcher.matching("atletico")).containsExactly("Atlético-MG", "Athletico-PR");
		assertThat(matcher.matching("man")).containsExactly("Manchester City", "Manchester United");
		assertThat(matcher.matching("city")).containsExactly("Manchester City");
		assertThat(matcher.matching("ity")).as("not the middle of a word").isEmpty();
	}

	@Test
	void findsANameInsideALongerText() {
		assertThat(matcher.matching("jogo do galo hoje")).containsExactly("Atlético-MG");
		assertThat(matcher.matching("palmeiras x botafogo")).containsExactly("Botafogo", "Palmeiras");
		assertThat(matcher.matching("")).isEmpty();
	}

	@Test
	void offersTheFewestEditsAwayWithinWhatTheLengthAllows() {
		assertThat(matcher.nearMisses("palmeras", 3)).containsExactly("Palmeiras");
		assertThat(matcher.nearMisses("manchster", 3)).containsExactly("Manchester City", "Manchester United");
		assertThat(matcher.nearMisses("manchster", 1)).containsExactly("Manchester City");
		assertThat(matcher.nearMisses("galp", 3)).as("one edit for four letters").containsExactly("Atlético-MG");
		assertThat(matcher.nearMisses("gal", 3)).as("too short to guess").isEmpty();
		assertThat(matcher.nearMisses("xyzzy fc", 3)).isEmpty();
	}

	@Test
	void allowsMoreEditsForLongerNames() {
		assertThat(List.of("fla", "spur", "spurz", "arsnal", "palmeras", "manchstr city").stream()
			.map(TeamMatcher::allowedEdits)).containsExactly(0, 1, 1, 2, 2, 3);
	}
}
