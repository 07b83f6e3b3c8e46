package io.analytips.football.sim.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one bookmaker's prices sit in a football-data file.
 *
 * @param over25 column of the over 2.5 goals price, or {@code null} if the file has none for this bookmaker
 * @param under25 column of the under 2.5 goals price, or {@code null}
 */
record OddsColumns(int bookmakerId, String bookmaker, String home, String draw, String away, String over25,
		String under25) {

	OddsColumns {
		Objects.requireNonNull(bookmaker, "bookmaker");
		Objects.requireNonNull(home, "home");
		Objects.requireNonNull(draw, "draw");
		Objects.requireNonNull(away, "away");
	}

	/** 1X2 prices only. */
	OddsColumns(int bookmakerId, String bookmaker, String home, String draw, String away) {
		this(bookmakerId, bookmaker, home, draw, away, null, null);
	}

	/** Every listed bookmaker that priced all three 1X2 outcomes in {@code row}, in list order. */
	static List<BookmakerOdds> read(List<OddsColumns> bookmakers, CsvRow row) {
		return bookmakers.stream().flatMap(columns -> columns.read(row).stream()).toList();
	}

	/** The prices in {@code row}; empty when any 1X2 price is blank, since a partial 1X2 market cannot be offered. */
	Optional<BookmakerOdds> read(CsvRow row) {
		Double h = row.decimal(home);
		Double d = row.decimal(draw);
		Double a = row.decimal(away);
		if (h == null || d == null || a == null) {
			return Optional.empty();
		}
		return Optional.of(new BookmakerOdds(bookmakerId, bookmaker, h, d, a, price(row, over25), price(row, under25)));
	}

	private static Double price(CsvRow row, String column) {
		return column == null ? null : row.decimal(column);
	}
}
