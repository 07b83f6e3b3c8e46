package io.analytips.football.api;

import java.time.Instant;
import java.util.List;

/** Pre-match odds of a fixture, per bookmaker. */
public record FixtureOdds(long fixtureId, Instant updated, List<Bookmaker> bookmakers) {

	public FixtureOdds {
		bookmakers = List.copyOf(bookmakers);
	}

	/** A bookmaker's markets. */
	public record Bookmaker(int id, String name, List<Bet> bets) {

		public Bookmaker {
			bets = List.copyOf(bets);
		}

		/** The market with this API-Football bet id, or null. */
		public Bet bet(int betId) {
			return bets.stream().filter(bet -> bet.id() == betId).findFirst().orElse(null);
		}
	}

	/** A market: {@code values} are selections ("Home", "Over 2.5", "Yes") with decimal odds. */
	public record Bet(int id, String name, List<Value> values) {

		public Bet {
			values = List.copyOf(values);
		}

		/** The odds of a selection, or null. */
		public Double odd(String selection) {
			return values.stream().filter(v -> v.value().equalsIgnoreCase(selection)).map(Value::odd).findFirst().orElse(null);
		}
	}

	/** One selection and its decimal odds. */
	public record Value(String value, double odd) {
	}
}
