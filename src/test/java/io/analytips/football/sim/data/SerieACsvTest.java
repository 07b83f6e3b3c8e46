package io.analytips.football.sim.data;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SerieACsvTest {

	private static final String ODDS_HEADER = "\uFEFFCountry,League,Season,Date,Time,Home,Away,HG,AG,Res,"
			+ "PSCH,PSCD,PSCA,MaxCH,MaxCD,MaxCA,AvgCH,AvgCD,AvgCA,BFECH,BFECD,BFECA\r\n";

	private static final String MATCHES_HEADER = "\"ID\",\"rodata\",\"data\",\"hora\",\"mandante\",\"visitante\","
			+ "\"mandante_Placar\",\"visitante_Placar\"\n";

	private static final String STATS_HEADER = "\"partida_id\",\"rodata\",\"clube\",\"chutes\",\"chutes_no_alvo\","
			+ "\"posse_de_bola\",\"passes\",\"precisao_passes\",\"faltas\",\"cartao_amarelo\",\"cartao_vermelho\","
			+ "\"impedimentos\",\"escanteios\"\n";

	private static List<HistoricalMatch> read(String odds, String matches, String stats) {
		return SerieACsv.read(CsvTable.parse("BRA.csv", ODDS_HEADER + odds),
				CsvTable.parse("full.csv", MATCHES_HEADER + matches),
				CsvTable.parse("stats.csv", STATS_HEADER + stats));
	}

	@Test
	void joinsThroughTheAliasesAndNamesClubsTheAdaoduqueWay() {
		List<HistoricalMatch> matches = read(
				"Brazil,Serie A,2023,16/04/2023,20:00,Flamengo RJ,Coritiba,3,0,H,"
						+ "1.39,5.02,8.79,1.44,5.2,9.3,1.38,4.76,8.13,,,\r\n",
				"\"8034\",\"1\",\"16/04/2023\",\"16:00\",\"Flamengo\",\"Coritiba\",\"3\",\"0\"\n",
				"\"8034\",\"1\",\"Flamengo\",\"15\",\"7\",\"59%\",\"541\",\"88%\",\"20\",\"3\",\"0\",\"1\",\"6\"\n"
						+ "\"8034\",\"1\",\"Coritiba\",\"10\",\"3\",\"41%\",\"380\",\"85%\",\"17\",\"3\",\"0\",\"2\",\"3\"\n");

		assertThat(matches).containsExactly(new HistoricalMatch(71, 2023, LocalDateTime.of(2023, 4, 16, 19, 0),
				"Flamengo", "Coritiba", 3, 0, null, null, new MatchStats(15, 7, 20, 6, 3, 0, 1, 59),
				new MatchStats(10, 3, 17, 3, 3, 0, 2, 41),
				List.of(new BookmakerOdds(4, "Pinnacle", 1.39, 5.02, 8.79, null, null),
						new BookmakerOdds(BookmakerOdds.MARKET_AVERAGE, "Market average", 1.38, 4.76, 8.13, null, null)),
				null, "Regular Season - 1"));
	}

	@Test
	void joinsAMatchThatFootballDataDatesADayLater() {
		List<HistoricalMatch> matches = read(
				"Brazil,Serie A,2022,07/11/2022,00:00,Santos,Sport Recife,1,1,D,2,3,4,,,,2,3,4,,,\r\n",
				"\"7900\",\"33\",\"06/11/2022\",\"21:00\",\"Santos\",\"Sport\",\"1\",\"1\"\n",
				"\"7900\",\"33\",\"Santos\",\"9\",\"2\",\"50%\",\"1\",\"1\",\"10\",\"1\",\"0\",\"1\",\"4\"\n"
						+ "\"7900\",\"33\",\"Sport\",\"8\",\"2\",\"50%\",\"1\",\"1\",\"12\",\"2\",\"0\",\"0\",\"5\"\n");

		assertThat(matches.get(0).round()).isEqualTo("Regular Season - 33");
		assertThat(matches.get(0).awayTeam()).isEqualTo("Sport");
		assertThat(matches.get(0).awayStats().corners()).isEqualTo(5);
	}

	@Test
	void treatsARowOfZerosOrNonesAsNoStatistics() {
		List<HistoricalMatch> matches = read(
				"Brazil,Serie A,2024,13/04/2024,20:00,Internacional,Bahia,2,1,H,2,3,4,,,,2,3,4,,,\r\n",
				"\"9000\",\"1\",\"13/04/2024\",\"16:00\",\"Internacional\",\"Bahia\",\"2\",\"1\"\n",
				"\"9000\",\"1\",\"Internacional\",\"0\",\"0\",\"None\",\"0\",\"None\",\"0\",\"0\",\"0\",\"0\",\"0\"\n"
						+ "\"9000\",\"1\",\"Bahia\",\"0\",\"0\",\"\",\"0\",\"\",\"0\",\"0\",\"0\",\"0\",\"0\"\n");

		assertThat(matches.get(0).homeStats()).isNull();
		assertThat(matches.get(0).awayStats()).isNull();
		assertThat(matches.get(0).round()).isEqualTo("Regular Season - 1");
	}

	@Test
	void keepsAnUnjoinedMatchWithABlockRoundAndNoStatistics() {
		StringBuilder odds = new StringBuilder();
		for (int day = 1; day <= 11; day++) {
			odds.append("Brazil,Serie A,2021,%02d/06/2021,22:00,Home %d,Away,1,0,H,,,,,,,,,,,,\r\n"
				.formatted(day, day));
		}

		List<HistoricalMatch> matches = read(odds.toString(), "", "");

		assertThat(matches).hasSize(11);
		assertThat(matches.get(10).round()).isEqualTo("Regular Season - 2");
		assertThat(matches.get(10).homeStats()).isNull();
		assertThat(matches.get(10).odds()).isEmpty();
	}
}
