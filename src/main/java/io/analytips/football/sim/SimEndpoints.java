package io.analytips.football.sim;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's endpoints: parameter handling and validation as API-Football does it. Those that
 * answer with fixtures, or count finished ones, take the request's instant: a match is played as
 * the clock goes ({@link SimulatedWorld#status}).
 */
final class SimEndpoints {

	private static final int ODDS_PAGE = 10;

	private SimEndpoints() {
	}

	static ArrayNode leagues(SimulatedWorld world, Map<String, String> p) {
		Optional<Long> id = longParameter(p, "id");
		ArrayNode response = Json.array();
		for (SimLeague league : world.leagues()) {
			if (id.isPresent() && id.get() != league.id()) {
				continue;
			}
			ObjectNode item = response.addObject();
			ObjectNode l = item.putObject("league");
			l.put("id", league.id());
			l.put("name", league.name());
			l.put("type", "League");
			l.put("logo", "https://media.api-sports.io/football/leagues/" + league.id() + ".png");
			ObjectNode country = item.putObject("country");
			country.put("name", league.country());
			country.put("code", league.country().equals("Brazil") ? "BR" : "GB-ENG");
			ObjectNode season = item.putArray("seasons").addObject();
			season.put("year", league.season());
			List<SimFixture> fixtures = league.seasonFixtures();
			season.put("start", fixtures.get(0).kickoff().atZone(ZoneOffset.UTC).toLocalDate().toString());
			season.put("end", fixtures.get(fixtures.size() - 1).kickoff().atZone(ZoneOffset.UTC).toLocalDate().toString());
			season.put("current", true);
			ObjectNode coverage = season.putObject("coverage");
			coverage.put("standings", true);
			coverage.put("odds", true);
			ObjectNode fixtureCoverage = coverage.putObject("fixtures");
			fixtureCoverage.put("events", false);
			fixtureCoverage.put("statistics_fixtures", true);
		}
		return response;
	}

	static JsonNode teams(SimulatedWorld world, Map<String, String> p) {
		String search = p.get("search");
		Optional<Long> id = longParameter(p, "id");
		if (search == null && id.isEmpty() && p.get("league") == null) {
			return Json.errors("teams", p, "required", "At least one parameter is required.");
		}
		if (search != null && p.get("league") != null) {
			return Json.errors("teams", p, "league", "The League field cannot be used with the Search field.");
		}
		if (search != null && search.strip().length() < 3) {
			return Json.errors("teams", p, "search", "The Search field must be at least 3 characters.");
		}
		String folded = search == null ? null : fold(search.strip());
		ArrayNode response = Json.array();
		world.allTeams().stream()
			.filter(team -> id.isEmpty() || team.id() == id.get())
			.filter(team -> folded == null || fold(team.name()).contains(folded)
					|| fold(team.country()).equals(folded))
			.filter(team -> p.get("league") == null || String.valueOf(team.leagueId()).equals(p.get("league")))
			.sorted(Comparator.comparing(SimTeam::name))
			.forEach(team -> {
				ObjectNode item = response.addObject();
				ObjectNode t = item.putObject("team");
				t.put("id", team.id());
				t.put("name", team.name());
				t.putNull("code");
				t.put("country", team.country());
				t.put("national", false);
				t.put("logo", "https://media.api-sports.io/football/teams/" + team.id() + ".png");
				ObjectNode venue = item.putObject("venue");
				venue.putNull("id");
				venue.putNull("name");
			});
		return Json.envelope("teams", p, response, 1, 1);
	}

	static JsonNode fixtures(SimulatedWorld world, Map<String, String> p, ZoneId zone, Instant now) {
		Stream<SimFixture> fixtures;
		if (p.get("id") != null) {
			fixtures = longParameter(p, "id").flatMap(world::fixture).stream();
		}
		else if (p.get("ids") != null) {
			String[] ids = p.get("ids").split("-");
			if (ids.length > 20 || !p.get("ids").matches("\\d+(-\\d+)*")) {
				return Json.errors("fixtures", p, "ids", "The Ids field must contain at most 20 ids separated by -.");
			}
			ArrayNode response = Json.array();
			Stream.of(ids).map(Long::parseLong).map(world::fixture).flatMap(Optional::stream).forEach(f -> {
				MatchStatus status = world.status(f, now);
				ObjectNode item = FixtureJson.fixture(f, world.leagueOf(f.home()).orElseThrow(), zone, status);
				item.set("statistics", FixtureJson.statistics(f, status));
				response.add(item);
			});
			return Json.envelope("fixtures", p, response, 1, 1);
		}
		else if (p.get("date") != null) {
			LocalDate date;
			try {
				date = LocalDate.parse(p.get("date"));
			}
			catch (RuntimeException ex) {
				return Json.errors("fixtures", p, "date", "The Date field must be a valid date (YYYY-MM-DD).");
			}
			fixtures = world.allFixtures().stream().filter(f -> f.kickoff().atZone(zone).toLocalDate().equals(date));
			if (p.get("league") != null) {
				fixtures = fixtures.filter(f -> String.valueOf(f.home().leagueId()).equals(p.get("league")));
			}
		}
		else if (p.get("team") != null && (p.get("next") != null || p.get("last") != null)) {
			long team = longParameter(p, "team").orElse(-1L);
			Stream<SimFixture> ofTeam = world.allFixtures().stream()
				.filter(f -> f.home().id() == team || f.away().id() == team);
			if (p.get("next") != null) {
				int next = Integer.parseInt(p.get("next"));
				// not finished: a match in play is still its team's next
				fixtures = ofTeam.filter(f -> !world.finished(f, now))
					.sorted(Comparator.comparing(SimFixture::kickoff))
					.limit(next);
			}
			else {
				int last = Integer.parseInt(p.get("last"));
				fixtures = ofTeam.filter(f -> world.finished(f, now))
					.sorted(Comparator.comparing(SimFixture::kickoff).reversed())
					.limit(last);
			}
		}
		else if (p.get("league") != null && p.get("season") != null) {
			fixtures = world.allFixtures().stream()
				.filter(f -> String.valueOf(f.home().leagueId()).equals(p.get("league")))
				.filter(f -> String.valueOf(f.match().season()).equals(p.get("season")));
		}
		else {
			return Json.errors("fixtures", p, "required", "At least one parameter is required.");
		}
		return Json.envelope("fixtures", p, FixtureJson.sorted(fixtures, world, zone, now), 1, 1);
	}

	static JsonNode headToHead(SimulatedWorld world, Map<String, String> p, ZoneId zone, Instant now) {
		String h2h = p.get("h2h");
		if (h2h == null || !h2h.matches("\\d+-\\d+")) {
			return Json.errors("fixtures/headtohead", p, "h2h", "The H2h field is required and must be two team ids.");
		}
		long a = Long.parseLong(h2h.split("-")[0]);
		long b = Long.parseLong(h2h.split("-")[1]);
		int last = p.get("last") == null ? Integer.MAX_VALUE : Integer.parseInt(p.get("last"));
		Stream<SimFixture> meetings = world.allFixtures().stream()
			.filter(f -> world.finished(f, now))
			.filter(f -> (f.home().id() == a && f.away().id() == b) || (f.home().id() == b && f.away().id() == a))
			.sorted(Comparator.comparing(SimFixture::kickoff).reversed())
			.limit(last);
		return Json.envelope("fixtures/headtohead", p, FixtureJson.sorted(meetings, world, zone, now), 1, 1);
	}

	static JsonNode fixtureStatistics(SimulatedWorld world, Map<String, String> p, Instant now) {
		if (p.get("fixture") == null) {
			return Json.errors("fixtures/statistics", p, "fixture", "The Fixture field is required.");
		}
		ArrayNode response = longParameter(p, "fixture")
			.flatMap(world::fixture)
			.map(f -> FixtureJson.statistics(f, world.status(f, now)))
			.orElse(Json.array());
		return Json.envelope("fixtures/statistics", p, response, 1, 1);
	}

	static JsonNode standings(SimulatedWorld world, Map<String, String> p, Instant now) {
		if (p.get("season") == null) {
			return Json.errors("standings", p, "season", "The Season field is required.");
		}
		ArrayNode response = longParameter(p, "league")
			.flatMap(id -> world.league(id.intValue()))
			.filter(league -> String.valueOf(league.season()).equals(p.get("season")))
			.map(league -> TableJson.standings(league, f -> world.finished(f, now)))
			.orElse(Json.array());
		return Json.envelope("standings", p, response, 1, 1);
	}

	static JsonNode teamStatistics(SimulatedWorld world, Map<String, String> p, Instant now) {
		for (String required : new String[] { "league", "season", "team" }) {
			if (p.get(required) == null) {
				return Json.errors("teams/statistics", p, required,
						"The " + Character.toUpperCase(required.charAt(0)) + required.substring(1) + " field is required.");
			}
		}
		Optional<SimLeague> league = longParameter(p, "league")
			.flatMap(id -> world.league(id.intValue()))
			.filter(l -> String.valueOf(l.season()).equals(p.get("season")));
		Optional<SimTeam> team = longParameter(p, "team").flatMap(world::team);
		JsonNode response = league.isPresent() && team.isPresent()
				? TableJson.teamStatistics(league.get(), team.get(), f -> world.finished(f, now))
				: Json.object();
		return Json.envelope("teams/statistics", p, response, 1, 1);
	}

	static JsonNode odds(SimulatedWorld world, Map<String, String> p, ZoneId zone) {
		List<SimFixture> priced;
		LocalDate today = world.today();
		if (p.get("fixture") != null) {
			priced = longParameter(p, "fixture").flatMap(world::fixture).stream().toList();
		}
		else if (p.get("date") != null || p.get("league") != null) {
			LocalDate date;
			try {
				date = p.get("date") == null ? null : LocalDate.parse(p.get("date"));
			}
			catch (RuntimeException ex) {
				return Json.errors("odds", p, "date", "The Date field must be a valid date (YYYY-MM-DD).");
			}
			// league, season and date narrow the answer each on its own, as API-Football's do
			priced = world.allFixtures().stream()
				.filter(f -> date == null || f.kickoff().atZone(zone).toLocalDate().equals(date))
				.filter(f -> p.get("league") == null || String.valueOf(f.home().leagueId()).equals(p.get("league")))
				.filter(f -> p.get("season") == null || String.valueOf(f.match().season()).equals(p.get("season")))
				.sorted(Comparator.comparing(SimFixture::kickoff).thenComparing(SimFixture::id))
				.toList();
		}
		else {
			return Json.errors("odds", p, "required", "At least one parameter is required.");
		}
		// Odds exist from 14 days before kick-off and are kept 7 days after it.
		priced = priced.stream().filter(f -> !f.match().odds().isEmpty()).filter(f -> {
			LocalDate day = world.dayOf(f);
			return !day.isBefore(today.minusDays(7)) && !day.isAfter(today.plusDays(14));
		}).toList();
		List<List<SimFixture>> pages = Json.pages(priced, ODDS_PAGE);
		int page = p.get("page") == null ? 1 : Math.max(1, Integer.parseInt(p.get("page")));
		ArrayNode response = Json.array();
		if (page <= pages.size()) {
			pages.get(page - 1).forEach(f -> response.add(OddsJson.odds(f, world.leagueOf(f.home()).orElseThrow(), zone)));
		}
		return Json.envelope("odds", p, response, page, pages.size());
	}

	/** Lower case without accents, for search. */
	static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	static Optional<Long> longParameter(Map<String, String> parameters, String name) {
		try {
			return Optional.ofNullable(parameters.get(name)).map(Long::parseLong);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}
}
