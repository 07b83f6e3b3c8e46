package io.analytips.football.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Reads API-Football envelopes into records, tolerating the documented quirks: {@code response}
 * as an array or an object, numbers as strings, statistic values as numbers, {@code "47%"} or
 * null, odds as strings, odds values as strings or numbers, nulls almost anywhere.
 */
public final class Wire {

	private Wire() {
	}

	/** The {@code response} items (an object response counts as one item). */
	static List<JsonNode> items(JsonNode envelope) {
		JsonNode response = envelope.path("response");
		List<JsonNode> items = new ArrayList<>();
		if (response.isArray()) {
			response.forEach(items::add);
		}
		else if (response.isObject() && !response.isEmpty()) {
			items.add(response);
		}
		return items;
	}

	static <T> List<T> each(JsonNode envelope, Function<JsonNode, T> reader) {
		return items(envelope).stream().map(reader).toList();
	}

	public static List<Fixture> fixtures(JsonNode envelope) {
		return each(envelope, Wire::fixture);
	}

	static Fixture fixture(JsonNode item) {
		JsonNode fixture = item.path("fixture");
		JsonNode league = item.path("league");
		return new Fixture(fixture.path("id").asLong(), instant(fixture.path("date"), fixture.path("timestamp")),
				fixture.path("status").path("short").asString("NS"), integer(fixture.path("status").path("elapsed")),
				new LeagueRef(league.path("id").asInt(), text(league.path("name")), text(league.path("country")),
						league.path("season").asInt(), text(league.path("round"))),
				team(item.path("teams").path("home")), team(item.path("teams").path("away")),
				integer(item.path("goals").path("home")), integer(item.path("goals").path("away")),
				text(fixture.path("venue").path("name")), text(fixture.path("referee")));
	}

	public static List<League> leagues(JsonNode envelope) {
		return each(envelope, item -> {
			Integer current = null;
			for (JsonNode season : item.path("seasons")) {
				if (season.path("current").asBoolean(false)) {
					current = season.path("year").asInt();
				}
			}
			JsonNode league = item.path("league");
			return new League(league.path("id").asInt(), text(league.path("name")), text(league.path("type")),
					text(item.path("country").path("name")), current);
		});
	}

	public static List<Team> teams(JsonNode envelope) {
		return each(envelope, item -> {
			JsonNode team = item.path("team");
			return new Team(team.path("id").asLong(), text(team.path("name")), text(team.path("country")),
					text(team.path("code")), team.path("national").asBoolean(false));
		});
	}

	/** Every row of every group of the first league in the answer. */
	public static List<StandingRow> standings(JsonNode envelope) {
		List<StandingRow> rows = new ArrayList<>();
		for (JsonNode item : items(envelope)) {
			for (JsonNode group : item.path("league").path("standings")) {
				for (JsonNode row : group) {
					JsonNode all = row.path("all");
					rows.add(new StandingRow(row.path("rank").asInt(), team(row.path("team")), row.path("points").asInt(),
							row.path("goalsDiff").asInt(), text(row.path("group")), text(row.path("form")),
							all.path("played").asInt(), all.path("win").asInt(), all.path("draw").asInt(),
							all.path("lose").asInt(), all.path("goals").path("for").asInt(),
							all.path("goals").path("against").asInt(), text(row.path("description"))));
				}
			}
		}
		return rows;
	}

	public static TeamStatistics teamStatistics(JsonNode envelope) {
		List<JsonNode> items = items(envelope);
		if (items.isEmpty()) {
			return null;
		}
		JsonNode item = items.get(0);
		JsonNode fixtures = item.path("fixtures");
		JsonNode goals = item.path("goals");
		return new TeamStatistics(team(item.path("team")), text(item.path("form")),
				fixtures.path("played").path("total").asInt(), fixtures.path("wins").path("total").asInt(),
				fixtures.path("draws").path("total").asInt(), fixtures.path("loses").path("total").asInt(),
				goals.path("for").path("total").path("total").asInt(),
				goals.path("against").path("total").path("total").asInt(),
				decimal(goals.path("for").path("average").path("total")),
				decimal(goals.path("against").path("average").path("total")),
				item.path("clean_sheet").path("total").asInt(), item.path("failed_to_score").path("total").asInt());
	}

	public static List<FixtureTeamStatistics> fixtureStatistics(JsonNode envelope) {
		return each(envelope, Wire::fixtureTeamStatistics);
	}

	private static FixtureTeamStatistics fixtureTeamStatistics(JsonNode item) {
		Map<String, Double> values = new LinkedHashMap<>();
		for (JsonNode statistic : item.path("statistics")) {
			Double value = statisticValue(statistic.path("value"));
			if (value != null) {
				values.put(text(statistic.path("type")), value);
			}
		}
		return new FixtureTeamStatistics(team(item.path("team")), values);
	}

	/** The statistics embedded in a {@code /fixtures?ids=} answer, by fixture id (empty lists when none). */
	public static Map<Long, List<FixtureTeamStatistics>> embeddedStatistics(JsonNode envelope) {
		Map<Long, List<FixtureTeamStatistics>> byFixture = new LinkedHashMap<>();
		for (JsonNode item : items(envelope)) {
			List<FixtureTeamStatistics> teams = new ArrayList<>();
			for (JsonNode team : item.path("statistics")) {
				teams.add(fixtureTeamStatistics(team));
			}
			byFixture.put(item.path("fixture").path("id").asLong(), List.copyOf(teams));
		}
		return byFixture;
	}

	public static Page<FixtureOdds> odds(JsonNode envelope) {
		List<FixtureOdds> odds = each(envelope, item -> {
			List<FixtureOdds.Bookmaker> bookmakers = new ArrayList<>();
			for (JsonNode bookmaker : item.path("bookmakers")) {
				List<FixtureOdds.Bet> bets = new ArrayList<>();
				for (JsonNode bet : bookmaker.path("bets")) {
					List<FixtureOdds.Value> values = new ArrayList<>();
					for (JsonNode value : bet.path("values")) {
						Double odd = decimalOrNull(value.path("odd"));
						if (odd != null && odd > 1) {
							values.add(new FixtureOdds.Value(value.path("value").asString(""), odd));
						}
					}
					bets.add(new FixtureOdds.Bet(bet.path("id").asInt(), text(bet.path("name")), values));
				}
				bookmakers.add(new FixtureOdds.Bookmaker(bookmaker.path("id").asInt(), text(bookmaker.path("name")), bets));
			}
			return new FixtureOdds(item.path("fixture").path("id").asLong(), instant(item.path("update"), null),
					bookmakers);
		});
		JsonNode paging = envelope.path("paging");
		return new Page<>(odds, paging.path("current").asInt(1), paging.path("total").asInt(1));
	}

	public static ApiStatus status(JsonNode envelope) {
		List<JsonNode> items = items(envelope);
		JsonNode response = items.isEmpty() ? envelope.path("response") : items.get(0);
		return new ApiStatus(text(response.path("subscription").path("plan")),
				response.path("subscription").path("active").asBoolean(false),
				response.path("requests").path("current").asInt(), response.path("requests").path("limit_day").asInt());
	}

	private static TeamRef team(JsonNode team) {
		return new TeamRef(team.path("id").asLong(), text(team.path("name")), text(team.path("logo")));
	}

	/** {@code 9}, {@code "47%"}, {@code "2.73"} or null. */
	static Double statisticValue(JsonNode value) {
		if (value.isNumber()) {
			return value.asDouble();
		}
		if (value.isString()) {
			return decimalOrNull(value);
		}
		return null;
	}

	private static Double decimalOrNull(JsonNode node) {
		if (node.isNumber()) {
			return node.asDouble();
		}
		if (!node.isString()) {
			return null;
		}
		String text = node.asString().strip().replace("%", "").replace(',', '.');
		try {
			return text.isEmpty() ? null : Double.parseDouble(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static double decimal(JsonNode node) {
		Double value = decimalOrNull(node);
		return value == null ? 0 : value;
	}

	private static Integer integer(JsonNode node) {
		if (node.isNumber()) {
			return node.asInt();
		}
		Double value = decimalOrNull(node);
		return value == null ? null : value.intValue();
	}

	private static String text(JsonNode node) {
		return node.isMissingNode() || node.isNull() ? null : node.asString();
	}

	private static Instant instant(JsonNode date, JsonNode timestamp) {
		if (date != null && date.isString()) {
			try {
				return OffsetDateTime.parse(date.asString()).toInstant();
			}
			catch (RuntimeException ex) {
				// fall through to the timestamp
			}
		}
		if (timestamp != null && timestamp.isNumber()) {
			return Instant.ofEpochSecond(timestamp.asLong());
		}
		return null;
	}
}
