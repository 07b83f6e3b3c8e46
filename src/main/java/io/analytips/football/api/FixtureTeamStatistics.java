package io.analytips.football.api;

import java.util.Map;

/**
 * One team's statistics in one fixture ({@code /fixtures/statistics}). Values arrive as numbers,
 * {@code "47%"} or null; they are kept as numbers, and an absent key means unknown.
 */
public record FixtureTeamStatistics(TeamRef team, Map<String, Double> values) {

	public FixtureTeamStatistics {
		values = Map.copyOf(values);
	}

	/** Corner kicks, or null when unknown. */
	public Integer corners() {
		Double corners = values.get("Corner Kicks");
		return corners == null ? null : corners.intValue();
	}
}
