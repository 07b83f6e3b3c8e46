package io.analytips.football;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Which of some teams a typed name means, each team known by several names (already
 * {@linkplain TeamNames#fold folded}). Pure: no I/O, safe on any thread. Teams come back in the order
 * they were given.
 *
 * @param <T> what a team is to the caller
 */
final class TeamMatcher<T> {

	/** Shorter names are left out when looking for a team's name inside a longer text ("jogo do galo"). */
	static final int SHORTEST_NAME_IN_TEXT = 4;

	/** Shorter words of a name are not compared on their own for a "did you mean" (they are too alike). */
	private static final int SHORTEST_WORD = 4;

	private final List<Entry<T>> entries = new ArrayList<>();

	/** Adds a team and its folded names. */
	TeamMatcher<T> add(T team, List<String> foldedNames) {
		entries.add(new Entry<>(team, List.copyOf(foldedNames)));
		return this;
	}

	/**
	 * The teams {@code folded} names, by the first rule that finds any: a name equal to it ("galo",
	 * "man utd", "sao paulo"); a name with it at the start of a word ("atletico" in "atletico mg",
	 * "forest" in "nottingham forest"); a name of {@value #SHORTEST_NAME_IN_TEXT} letters or more it
	 * holds as whole words ("proximo jogo do palmeiras"). An exact name wins over longer ones: "botafogo"
	 * is Botafogo, not also Botafogo-SP.
	 */
	List<T> matching(String folded) {
		if (folded.isEmpty()) {
			return List.of();
		}
		List<BiPredicate<String, String>> rules = List.of(String::equals,
				(name, query) -> (" " + name).contains(" " + query),
				(name, query) -> name.length() >= SHORTEST_NAME_IN_TEXT && (" " + query + " ").contains(" " + name + " "));
		for (BiPredicate<String, String> rule : rules) {
			List<T> found = entries.stream()
				.filter(entry -> entry.names().stream().anyMatch(name -> rule.test(name, folded)))
				.map(Entry::team)
				.toList();
			if (!found.isEmpty()) {
				return found;
			}
		}
		return List.of();
	}

	/**
	 * The teams whose name (or a word of {@value #SHORTEST_WORD} letters or more of it) is the fewest
	 * edits away from {@code folded} ("palmeras" → Palmeiras, "manchster" → both Manchesters), within
	 * {@link #allowedEdits}; at most {@code max}, none for names too short to guess from.
	 */
	List<T> nearMisses(String folded, int max) {
		int allowed = allowedEdits(folded);
		if (allowed == 0) {
			return List.of();
		}
		LevenshteinDistance distance = new LevenshteinDistance(allowed);
		int best = Integer.MAX_VALUE;
		List<T> nearest = new ArrayList<>();
		for (Entry<T> entry : entries) {
			int edits = entry.names().stream()
				.flatMap(name -> Stream.concat(Stream.of(name),
						Stream.of(name.split(" ")).filter(word -> word.length() >= SHORTEST_WORD)))
				.mapToInt(candidate -> distance.apply(folded, candidate))
				.filter(d -> d >= 0)
				.min()
				.orElse(Integer.MAX_VALUE);
			if (edits < best) {
				best = edits;
				nearest.clear();
			}
			if (edits == best && edits != Integer.MAX_VALUE) {
				nearest.add(entry.team());
			}
		}
		return nearest.stream().limit(max).toList();
	}

	/**
	 * How many edits a near miss may be: none below 4 characters (too many names are that close),
	 * 1 up to 5 ("spurz"), 2 up to 9 ("arsnal", "palmeras", "chelsae"), 3 beyond ("manchster utd").
	 */
	static int allowedEdits(String folded) {
		int length = folded.length();
		return length < 4 ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3;
	}

	private record Entry<T>(T team, List<String> names) {
	}
}
