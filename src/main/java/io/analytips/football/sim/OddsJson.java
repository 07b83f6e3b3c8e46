package io.analytips.football.sim;

import java.time.ZoneId;

import io.analytips.football.sim.data.BookmakerOdds;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Pre-match odds from the data's bookmaker columns: Match Winner (bet 1) and Goals Over/Under 2.5 (bet 5). */
final class OddsJson {

	private OddsJson() {
	}

	static ObjectNode odds(SimFixture fixture, SimLeague league, ZoneId zone) {
		ObjectNode item = Json.object();
		ObjectNode l = item.putObject("league");
		l.put("id", league.id());
		l.put("name", league.name());
		l.put("country", league.country());
		l.put("season", fixture.match().season());
		ObjectNode f = item.putObject("fixture");
		f.put("id", fixture.id());
		f.put("timezone", zone.getId());
		f.put("date", Json.date(fixture.kickoff(), zone));
		f.put("timestamp", fixture.kickoff().getEpochSecond());
		item.put("update", Json.date(fixture.kickoff().minus(java.time.Duration.ofHours(3)), zone));
		ArrayNode bookmakers = item.putArray("bookmakers");
		for (BookmakerOdds odds : fixture.match().odds()) {
			ObjectNode bookmaker = bookmakers.addObject();
			bookmaker.put("id", odds.bookmakerId());
			bookmaker.put("name", odds.bookmaker());
			ArrayNode bets = bookmaker.putArray("bets");
			if (odds.home() != null && odds.draw() != null && odds.away() != null) {
				ArrayNode values = bet(bets, 1, "Match Winner");
				value(values, "Home", odds.home());
				value(values, "Draw", odds.draw());
				value(values, "Away", odds.away());
			}
			if (odds.over25() != null && odds.under25() != null) {
				ArrayNode values = bet(bets, 5, "Goals Over/Under");
				value(values, "Over 2.5", odds.over25());
				value(values, "Under 2.5", odds.under25());
			}
		}
		return item;
	}

	private static ArrayNode bet(ArrayNode bets, int id, String name) {
		ObjectNode bet = bets.addObject();
		bet.put("id", id);
		bet.put("name", name);
		return bet.putArray("values");
	}

	private static void value(ArrayNode values, String selection, double odd) {
		ObjectNode value = values.addObject();
		value.put("value", selection);
		value.put("odd", Json.odd(odd));
	}
}
