package io.analytips.football.sim;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.stream.Stream;

import io.analytips.football.sim.data.HistoricalMatch;
import io.analytips.football.sim.data.MatchStats;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Fixtures and their statistics in API-Football's shape, as they stand at the request's instant. */
final class FixtureJson {

	private FixtureJson() {
	}

	/** The fixtures in kick-off order, each as it stands at {@code now}. */
	static ArrayNode sorted(Stream<SimFixture> fixtures, SimulatedWorld world, ZoneId zone, Instant now) {
		ArrayNode response = Json.array();
		fixtures.sorted(Comparator.comparing(SimFixture::kickoff).thenComparing(SimFixture::id))
			.forEach(f -> response.add(fixture(f, world.leagueOf(f.home()).orElseThrow(), zone, world.status(f, now))));
		return response;
	}

	/**
	 * One fixture with its {@code status}: goals null before kick-off, the score so far in play
	 * ({@link MatchStatus#homeGoals}), the half-time score from half-time on, the winner and the
	 * full-time score once finished.
	 */
	static ObjectNode fixture(SimFixture fixture, SimLeague league, ZoneId zone, MatchStatus status) {
		HistoricalMatch match = fixture.match();
		ObjectNode item = Json.object();
		ObjectNode f = item.putObject("fixture");
		f.put("id", fixture.id());
		if (match.referee() == null) {
			f.putNull("referee");
		}
		else {
			f.put("referee", match.referee());
		}
		f.put("timezone", zone.getId());
		f.put("date", Json.date(fixture.kickoff(), zone));
		f.put("timestamp", fixture.kickoff().getEpochSecond());
		ObjectNode periods = f.putObject("periods");
		if (status.started()) {
			periods.put("first", fixture.kickoff().getEpochSecond());
		}
		else {
			periods.putNull("first");
		}
		if (status.inSecondHalfOrLater()) {
			periods.put("second", fixture.kickoff().plus(MatchStatus.SECOND_HALF_AFTER).getEpochSecond());
		}
		else {
			periods.putNull("second");
		}
		ObjectNode venue = f.putObject("venue");
		venue.putNull("id");
		venue.putNull("name");
		venue.putNull("city");
		ObjectNode state = f.putObject("status");
		state.put("long", status.phase().longName);
		state.put("short", status.phase().shortName);
		Json.putNullable(state, "elapsed", status.elapsed());
		state.putNull("extra");

		ObjectNode l = item.putObject("league");
		l.put("id", league.id());
		l.put("name", league.name());
		l.put("country", league.country());
		l.put("logo", "https://media.api-sports.io/football/leagues/" + league.id() + ".png");
		l.put("flag", "https://media.api-sports.io/flags/" + (league.country().equals("Brazil") ? "br" : "gb-eng") + ".svg");
		l.put("season", match.season());
		l.put("round", match.round());
		l.put("standings", true);

		ObjectNode teams = item.putObject("teams");
		teams.set("home", Json.team(fixture.home()));
		teams.set("away", Json.team(fixture.away()));
		ObjectNode home = (ObjectNode) teams.get("home");
		ObjectNode away = (ObjectNode) teams.get("away");
		if (status.finished() && match.homeGoals() != match.awayGoals()) {
			home.put("winner", match.homeGoals() > match.awayGoals());
			away.put("winner", match.awayGoals() > match.homeGoals());
		}
		else {
			home.putNull("winner");
			away.putNull("winner");
		}
		ObjectNode goals = item.putObject("goals");
		Json.putNullable(goals, "home", status.homeGoals(match));
		Json.putNullable(goals, "away", status.awayGoals(match));
		ObjectNode score = item.putObject("score");
		ObjectNode halftime = score.putObject("halftime");
		Json.putNullable(halftime, "home", status.pastHalfTime() ? match.halftimeHome() : null);
		Json.putNullable(halftime, "away", status.pastHalfTime() ? match.halftimeAway() : null);
		ObjectNode fulltime = score.putObject("fulltime");
		Json.putNullable(fulltime, "home", status.finished() ? match.homeGoals() : null);
		Json.putNullable(fulltime, "away", status.finished() ? match.awayGoals() : null);
		for (String period : new String[] { "extratime", "penalty" }) {
			ObjectNode none = score.putObject(period);
			none.putNull("home");
			none.putNull("away");
		}
		return item;
	}

	/**
	 * The two teams' statistics of a fixture finished by {@code status} (the data has only full-time
	 * ones); empty before, and when the data has none.
	 */
	static ArrayNode statistics(SimFixture fixture, MatchStatus status) {
		ArrayNode response = Json.array();
		MatchStats homeStats = fixture.match().homeStats();
		MatchStats awayStats = fixture.match().awayStats();
		if (!status.finished() || homeStats == null || awayStats == null) {
			return response;
		}
		response.add(teamStatistics(fixture.home(), homeStats));
		response.add(teamStatistics(fixture.away(), awayStats));
		return response;
	}

	private static ObjectNode teamStatistics(SimTeam team, MatchStats stats) {
		ObjectNode item = Json.object();
		item.set("team", Json.team(team));
		ArrayNode statistics = item.putArray("statistics");
		statistic(statistics, "Shots on Goal", stats.shotsOnTarget());
		statistic(statistics, "Total Shots", stats.shots());
		statistic(statistics, "Fouls", stats.fouls());
		statistic(statistics, "Corner Kicks", stats.corners());
		statistic(statistics, "Offsides", stats.offsides());
		ObjectNode possession = statistics.addObject();
		possession.put("type", "Ball Possession");
		if (stats.possession() == null) {
			possession.putNull("value");
		}
		else {
			possession.put("value", stats.possession() + "%");
		}
		statistic(statistics, "Yellow Cards", stats.yellowCards());
		statistic(statistics, "Red Cards", stats.redCards());
		return item;
	}

	private static void statistic(ArrayNode statistics, String type, Integer value) {
		ObjectNode statistic = statistics.addObject();
		statistic.put("type", type);
		Json.putNullable(statistic, "value", value);
	}
}
