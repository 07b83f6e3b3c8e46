package io.analytips.football.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import io.analytips.football.sim.data.HistoricalMatch;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The league table and team statistics, computed from the replayed season's matches finished
 * (FT) at the request's instant, in API-Football's shapes: a match counts once it is over.
 */
final class TableJson {

	private TableJson() {
	}

	/** A team's record so far. */
	private static final class Record {

		final SimTeam team;

		int played, won, drawn, lost, goalsFor, goalsAgainst;

		int homePlayed, homeWon, homeDrawn, homeLost, homeFor, homeAgainst;

		int cleanSheets, failedToScore;

		final StringBuilder results = new StringBuilder();

		Record(SimTeam team) {
			this.team = team;
		}

		int points() {
			return won * 3 + drawn;
		}

		void add(int scored, int conceded, boolean home) {
			played++;
			goalsFor += scored;
			goalsAgainst += conceded;
			char result = scored > conceded ? 'W' : scored == conceded ? 'D' : 'L';
			results.append(result);
			switch (result) {
				case 'W' -> won++;
				case 'D' -> drawn++;
				default -> lost++;
			}
			if (home) {
				homePlayed++;
				homeFor += scored;
				homeAgainst += conceded;
				switch (result) {
					case 'W' -> homeWon++;
					case 'D' -> homeDrawn++;
					default -> homeLost++;
				}
			}
			cleanSheets += conceded == 0 ? 1 : 0;
			failedToScore += scored == 0 ? 1 : 0;
		}
	}

	private static Map<Long, Record> records(SimLeague league, Predicate<SimFixture> finished) {
		Map<Long, Record> records = new LinkedHashMap<>();
		league.teams().forEach(team -> records.put(team.id(), new Record(team)));
		league.seasonFixtures().stream().filter(finished).forEach(f -> {
			HistoricalMatch m = f.match();
			records.computeIfAbsent(f.home().id(), id -> new Record(f.home())).add(m.homeGoals(), m.awayGoals(), true);
			records.computeIfAbsent(f.away().id(), id -> new Record(f.away())).add(m.awayGoals(), m.homeGoals(), false);
		});
		return records;
	}

	/** {@code /standings}: the table of the matches {@code finished} says are over. */
	static ArrayNode standings(SimLeague league, Predicate<SimFixture> finished) {
		List<Record> table = new ArrayList<>(records(league, finished).values());
		table.sort(Comparator.comparingInt(Record::points).reversed()
			.thenComparing(Comparator.comparingInt((Record r) -> r.goalsFor - r.goalsAgainst).reversed())
			.thenComparing(Comparator.comparingInt((Record r) -> r.goalsFor).reversed())
			.thenComparing(r -> r.team.name()));
		ArrayNode response = Json.array();
		ObjectNode item = response.addObject();
		ObjectNode l = item.putObject("league");
		l.put("id", league.id());
		l.put("name", league.name());
		l.put("country", league.country());
		l.put("season", league.season());
		ArrayNode group = l.putArray("standings").addArray();
		for (int i = 0; i < table.size(); i++) {
			Record r = table.get(i);
			ObjectNode row = group.addObject();
			row.put("rank", i + 1);
			row.set("team", Json.team(r.team));
			row.put("points", r.points());
			row.put("goalsDiff", r.goalsFor - r.goalsAgainst);
			row.put("group", league.name());
			String form = r.results.reverse().toString();
			r.results.reverse();
			// API-Football lists the most recent result first.
			if (form.isEmpty()) {
				row.putNull("form");
			}
			else {
				row.put("form", form.substring(0, Math.min(5, form.length())));
			}
			row.put("status", "same");
			row.putNull("description");
			ObjectNode all = row.putObject("all");
			all.put("played", r.played);
			all.put("win", r.won);
			all.put("draw", r.drawn);
			all.put("lose", r.lost);
			ObjectNode goals = all.putObject("goals");
			goals.put("for", r.goalsFor);
			goals.put("against", r.goalsAgainst);
			row.put("update", league.replayedDay().plusDays(league.offsetDays()) + "T00:00:00+00:00");
		}
		return response;
	}

	/** {@code /teams/statistics}: an object (empty when the team is not in the league). */
	static ObjectNode teamStatistics(SimLeague league, SimTeam team, Predicate<SimFixture> finished) {
		Record r = records(league, finished).get(team.id());
		ObjectNode response = Json.object();
		if (r == null) {
			return response;
		}
		ObjectNode l = response.putObject("league");
		l.put("id", league.id());
		l.put("name", league.name());
		l.put("country", league.country());
		l.put("season", league.season());
		response.set("team", Json.team(team));
		response.put("form", r.results.toString());
		ObjectNode fixtures = response.putObject("fixtures");
		split(fixtures.putObject("played"), r.homePlayed, r.played);
		split(fixtures.putObject("wins"), r.homeWon, r.won);
		split(fixtures.putObject("draws"), r.homeDrawn, r.drawn);
		split(fixtures.putObject("loses"), r.homeLost, r.lost);
		ObjectNode goals = response.putObject("goals");
		goals(goals.putObject("for"), r.homeFor, r.goalsFor, r.homePlayed, r.played);
		goals(goals.putObject("against"), r.homeAgainst, r.goalsAgainst, r.homePlayed, r.played);
		ObjectNode clean = response.putObject("clean_sheet");
		clean.put("total", r.cleanSheets);
		ObjectNode failed = response.putObject("failed_to_score");
		failed.put("total", r.failedToScore);
		return response;
	}

	private static void split(ObjectNode node, int home, int total) {
		node.put("home", home);
		node.put("away", total - home);
		node.put("total", total);
	}

	private static void goals(ObjectNode node, int home, int total, int homePlayed, int played) {
		split(node.putObject("total"), home, total);
		ObjectNode average = node.putObject("average");
		average.put("home", average(home, homePlayed));
		average.put("away", average(total - home, played - homePlayed));
		average.put("total", average(total, played));
	}

	/** Averages are strings on the wire ("1.5"). */
	private static String average(int goals, int matches) {
		return matches == 0 ? "0.0" : String.format(Locale.ROOT, "%.1f", (double) goals / matches);
	}
}
