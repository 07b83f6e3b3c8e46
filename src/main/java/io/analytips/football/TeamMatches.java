package io.analytips.football;

import java.util.List;

/**
 * What a team search found: the teams a name means ({@link #found}), or, when it means none, the
 * teams it nearly spells ({@link #nearMisses}, for a "did you mean"). At most one of the two lists
 * has teams; both are empty when the name is no team's at all.
 */
public record TeamMatches(List<FoundTeam> found, List<FoundTeam> nearMisses) {

	/** Nothing found, nothing near. */
	public static final TeamMatches NONE = new TeamMatches(List.of(), List.of());

	public TeamMatches {
		found = List.copyOf(found);
		nearMisses = found.isEmpty() ? List.copyOf(nearMisses) : List.of();
	}

	static TeamMatches found(List<FoundTeam> teams) {
		return new TeamMatches(teams, List.of());
	}

	static TeamMatches nearMisses(List<FoundTeam> teams) {
		return new TeamMatches(List.of(), teams);
	}
}
