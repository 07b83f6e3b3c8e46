package io.analytips.football.sim.data;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PremierLeagueCsvTest {

	private static final String HEADER = "Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HTR,Referee,"
			+ "HS,AS,HST,AST,HF,AF,HC,AC,HY,AY,HR,AR,"
			+ "B365H,B365D,B365A,BWH,BWD,BWA,PSH,PSD,PSA,B365>2.5,B365<2.5,P>2.5,P<2.5";

	@Test
	void decodesResultStatsOddsAndKickoff() {
		CsvTable table = CsvTable.parse("E0.csv", HEADER + "\r\n"
				+ "E0,17/08/2024,12:30,Ipswich,Liverpool,0,2,A,0,0,D,T Robinson,7,18,2,5,9,18,2,10,3,1,0,0,"
				+ "8.5,5.5,1.33,,,,8.18,5.84,1.34,1.4,3,1.41,3\r\n");

		HistoricalMatch match = PremierLeagueCsv.read(table, 2024).get(0);

		assertThat(match).isEqualTo(new HistoricalMatch(39, 2024, LocalDateTime.of(2024, 8, 17, 11, 30), "Ipswich",
				"Liverpool", 0, 2, 0, 0, new MatchStats(7, 2, 9, 2, 3, 0, null, null),
				new MatchStats(18, 5, 18, 10, 1, 0, null, null),
				List.of(new BookmakerOdds(8, "Bet365", 8.5, 5.5, 1.33, 1.4, 3.0),
						new BookmakerOdds(4, "Pinnacle", 8.18, 5.84, 1.34, 1.41, 3.0)),
				"T Robinson", "Regular Season - 1"));
	}

	@Test
	void readsAnOlderSeasonWithoutTimesOrStatistics() {
		CsvTable table = CsvTable.parse("E0.csv",
				"Div,Date,HomeTeam,AwayTeam,FTHG,FTAG\nE0,17/08/13,Arsenal,Aston Villa,1,3\n");

		HistoricalMatch match = PremierLeagueCsv.read(table, 2013).get(0);

		assertThat(match.kickoffUtc()).isEqualTo(LocalDateTime.of(2013, 8, 17, 14, 0));
		assertThat(match.homeStats()).isNull();
		assertThat(match.awayStats()).isNull();
		assertThat(match.halftimeHome()).isNull();
		assertThat(match.referee()).isNull();
		assertThat(match.odds()).isEmpty();
	}

	@Test
	void namesTheRecordOfAMalformedDate() {
		CsvTable table = CsvTable.parse("E0.csv", "Date,HomeTeam,AwayTeam,FTHG,FTAG\n2024-08-16,A,B,1,0\n");

		assertThatIllegalStateException().isThrownBy(() -> PremierLeagueCsv.read(table, 2024))
			.withMessageStartingWith("E0.csv record 2: Date/Time is not a date and time");
	}
}
