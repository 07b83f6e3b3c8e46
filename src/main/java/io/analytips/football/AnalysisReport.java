package io.analytips.football;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.analytips.football.analysis.MatchAnalysis;
import io.analytips.football.analysis.ValueRule;
import io.analytips.football.api.Fixture;

/**
 * Everything the bot shows for one fixture: the model's analysis, recent form and head-to-head,
 * and where the data came from (the oldest fetch it used, whether any of it was a stale copy,
 * which parts were unavailable).
 *
 * @param homeForm the home team's last results, most recent first ("WDL..."), may be empty
 * @param headToHead previous meetings, most recent first
 * @param bookmaker the bookmaker whose prices were compared, or null
 * @param rule the fixture's league's rule that judged the prices, with that league's backtested track record, if
 *        it has one (never another league's)
 * @param dataFetchedAt when the oldest piece of data was fetched from API-Football
 */
public record AnalysisReport(Fixture fixture, MatchAnalysis analysis, String homeForm, String awayForm,
		List<Fixture> headToHead, String bookmaker, ValueRule rule, Instant dataFetchedAt, boolean stale, Set<Missing> missing) {

	/** Parts that could not be had. */
	public enum Missing {
		/** No bookmaker prices the fixture (or odds could not be fetched). */
		ODDS,
		/** Corner statistics were not available. */
		CORNERS,
		/** The league table could not be fetched. */
		STANDINGS
	}

	public AnalysisReport {
		headToHead = List.copyOf(headToHead);
		Objects.requireNonNull(rule, "rule");
		missing = Set.copyOf(missing);
	}
}
