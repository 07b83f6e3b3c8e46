package io.analytips.football.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.stream.Collectors;

/** The API-Football requests the bot makes, built in one place so that equal requests are equal cache keys. */
public final class Requests {

	private Requests() {
	}

	public static ApiRequest status() {
		return ApiRequest.of("/status");
	}

	public static ApiRequest league(int id) {
		return ApiRequest.of("/leagues", "id", id, "current", "true");
	}

	/**
	 * Every league with only its current season: one call tells the current season of all the leagues
	 * offered (where {@link #league} costs one call per league).
	 */
	public static ApiRequest currentLeagues() {
		return ApiRequest.of("/leagues", "current", "true");
	}

	/** A league's teams in a season (API-Football wants both). */
	public static ApiRequest teamsOf(int league, int season) {
		return ApiRequest.of("/teams", "league", league, "season", season);
	}

	/** {@code /teams?search=} (API-Football wants 3 characters at least). */
	public static ApiRequest teamSearch(String query) {
		return ApiRequest.of("/teams", "search", query);
	}

	/** Every fixture of a day, in the users' time zone: one call for all leagues. */
	public static ApiRequest fixturesOn(LocalDate date, ZoneId zone) {
		return ApiRequest.of("/fixtures", "date", date, "timezone", zone.getId());
	}

	/** A league's whole season: results so far and fixtures to come, in one call. */
	public static ApiRequest fixturesOfSeason(int league, int season) {
		return ApiRequest.of("/fixtures", "league", league, "season", season);
	}

	public static ApiRequest fixture(long id) {
		return ApiRequest.of("/fixtures", "id", id);
	}

	/**
	 * Up to 20 fixtures in one call, each with its events, lineups and statistics embedded: the bulk
	 * way to read the corner counts of many matches (one call instead of one per match).
	 */
	public static ApiRequest fixturesWithDetails(Collection<Long> ids) {
		if (ids.isEmpty() || ids.size() > 20) {
			throw new IllegalArgumentException("API-Football takes 1 to 20 ids, not " + ids.size());
		}
		return ApiRequest.of("/fixtures", "ids", ids.stream().sorted().map(String::valueOf)
			.collect(Collectors.joining("-")));
	}

	public static ApiRequest nextFixtures(long team, int count, ZoneId zone) {
		return ApiRequest.of("/fixtures", "team", team, "next", count, "timezone", zone.getId());
	}

	public static ApiRequest lastFixtures(long team, int count) {
		return ApiRequest.of("/fixtures", "team", team, "last", count);
	}

	public static ApiRequest headToHead(long home, long away, int last) {
		return ApiRequest.of("/fixtures/headtohead", "h2h", home + "-" + away, "last", last);
	}

	public static ApiRequest fixtureStatistics(long fixture) {
		return ApiRequest.of("/fixtures/statistics", "fixture", fixture);
	}

	public static ApiRequest standings(int league, int season) {
		return ApiRequest.of("/standings", "league", league, "season", season);
	}

	public static ApiRequest teamStatistics(int league, int season, long team) {
		return ApiRequest.of("/teams/statistics", "league", league, "season", season, "team", team);
	}

	public static ApiRequest oddsForFixture(long fixture) {
		return ApiRequest.of("/odds", "fixture", fixture);
	}

	/**
	 * One page (10 fixtures) of a league's pre-match odds on a day: the narrowest bulk query API-Football
	 * has (without the league, {@code /odds?date=} pages through every covered league in the world).
	 */
	public static ApiRequest oddsOn(int league, int season, LocalDate date, int page, ZoneId zone) {
		return ApiRequest.of("/odds", "league", league, "season", season, "date", date, "page", page, "timezone",
				zone.getId());
	}
}
