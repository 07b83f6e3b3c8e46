package io.analytips.football.sim.data;

import java.util.ArrayList;
import java.util.List;

/** Round labels in API-Football's form, and a stand-in numbering for sources that have no round column. */
final class Rounds {

	/** A 20-club league plays ten matches a round. */
	static final int MATCHES_PER_ROUND = 10;

	private Rounds() {
	}

	/** API-Football's label of league round {@code n}. */
	static String label(int n) {
		return "Regular Season - " + n;
	}

	/**
	 * The season's matches in kick-off order; a match without a round gets the round of its block of ten
	 * (the 1st–10th matches are round 1, the 11th–20th round 2, and so on). Postponed matches therefore land
	 * in the round they were played in, not the one they were scheduled for; the simulator only needs
	 * rounds of ten that follow the calendar.
	 */
	static List<HistoricalMatch> fillByBlocks(List<HistoricalMatch> season) {
		List<HistoricalMatch> ordered = season.stream().sorted(HistoricalData.KICKOFF_ORDER).toList();
		List<HistoricalMatch> numbered = new ArrayList<>(ordered.size());
		for (int i = 0; i < ordered.size(); i++) {
			HistoricalMatch match = ordered.get(i);
			numbered.add(match.round() != null ? match : match.withRound(label(i / MATCHES_PER_ROUND + 1)));
		}
		return numbered;
	}
}
