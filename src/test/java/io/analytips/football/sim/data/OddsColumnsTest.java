package io.analytips.football.sim.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OddsColumnsTest {

	private static CsvRow row(String text) {
		return CsvTable.parse("test.csv", text).rows().get(0);
	}

	@Test
	void readsOneBookmakersPricesIncludingTotals() {
		CsvRow row = row("B365H,B365D,B365A,B365>2.5,B365<2.5\n1.6,4.2,5.25,1.53,2.5\n");
		assertThat(PremierLeagueCsv.BOOKMAKERS.get(0).read(row))
			.contains(new BookmakerOdds(8, "Bet365", 1.6, 4.2, 5.25, 1.53, 2.5));
	}

	@Test
	void leavesTotalsNullWhenTheirCellsAreBlank() {
		CsvRow row = row("PSH,PSD,PSA,P>2.5,P<2.5\n1.63,4.38,5.3,,\n");
		assertThat(PremierLeagueCsv.BOOKMAKERS.get(1).read(row))
			.contains(new BookmakerOdds(4, "Pinnacle", 1.63, 4.38, 5.3, null, null));
	}

	@Test
	void skipsABookmakerWhose1x2PricesAreBlankOrIncomplete() {
		CsvRow row = row("B365H,B365D,B365A,PSH,PSD,PSA,BWH,BWD,BWA\n1.6,4.2,5.25,1.63,,5.3,,,\n");
		assertThat(OddsColumns.read(PremierLeagueCsv.BOOKMAKERS, row))
			.extracting(BookmakerOdds::bookmaker)
			.containsExactly("Bet365");
	}

	@Test
	void skipsABookmakerWhoseColumnsTheFileLacks() {
		CsvRow row = row("B365H,B365D,B365A\n1.6,4.2,5.25\n");
		assertThat(OddsColumns.read(PremierLeagueCsv.BOOKMAKERS, row)).hasSize(1);
	}
}
