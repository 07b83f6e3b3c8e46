package io.analytips.football;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.analytips.football.sim.data.HistoricalData;
import io.analytips.football.sim.data.HistoricalMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The table of team names: every club of the bundled seasons, shown as fans write it. */
class TeamNamesTest {

	private final TeamNames names = TeamNames.bundled();

	@ParameterizedTest(name = "{0} is shown as {1}")
	@CsvSource(delimiter = ';', value = {
			// API-Football's names
			"Sao Paulo; São Paulo", "Gremio; Grêmio", "Goias; Goiás", "Atletico-MG; Atlético-MG",
			"Atletico Paranaense; Athletico-PR", "Atletico Goianiense; Atlético-GO", "Cuiaba; Cuiabá",
			"America Mineiro; América-MG", "Vasco DA Gama; Vasco da Gama", "RB Bragantino; Bragantino",
			"Fortaleza EC; Fortaleza", "Nottingham Forest; Nottingham Forest", "Manchester United; Manchester United",
			"Brighton; Brighton & Hove Albion", "Tottenham; Tottenham Hotspur", "Wolves; Wolverhampton",
			"Newcastle; Newcastle United", "Sheffield Utd; Sheffield United",
			// the bundled data's (football-data.co.uk, adaoduque): what the simulator serves
			"Man City; Manchester City", "Man United; Manchester United", "Nott'm Forest; Nottingham Forest",
			"Vasco; Vasco da Gama", "Athletico-PR; Athletico-PR", "America-MG; América-MG", "America MG; América-MG",
			"Atletico GO; Atlético-GO", "Flamengo RJ; Flamengo", "Botafogo-RJ; Botafogo", "Botafogo RJ; Botafogo",
			"Sport; Sport Recife", "Chapecoense-SC; Chapecoense", "Bragantino; Bragantino",
			// already shown as fans write it, whatever the case
			"SÃO PAULO; São Paulo", "são paulo; São Paulo" })
	void showsAClubByTheNameFansWrite(String spelling, String display) {
		assertThat(TeamNames.display(spelling)).isEqualTo(display);
	}

	@Test
	void whereLittleFitsShowsAShorterNameFansKnowBeforeCuttingOne() {
		assertThat(TeamNames.display("Man City", 14)).isEqualTo("Man City");
		assertThat(TeamNames.display("Manchester City", 14)).isEqualTo("Man City");
		assertThat(TeamNames.display("Brighton", 14)).isEqualTo("Brighton");
		assertThat(TeamNames.display("Nott'm Forest", 14)).isEqualTo("Nott'm Forest");
		assertThat(TeamNames.display("Sao Paulo", 14)).isEqualTo("São Paulo");
		assertThat(TeamNames.display("Wolves", 14)).isEqualTo("Wolverhampton");
		assertThat(TeamNames.display("Borussia Monchengladbach", 14)).isEqualTo("Borussia Monc.");
		assertThat(TeamNames.display(null, 14)).isNull();
	}

	@Test
	void leavesOtherTeamsAndAliasesAsTheyCome() {
		assertThat(TeamNames.display("Inter")).as("Italy's Inter, not Internacional").isEqualTo("Inter");
		assertThat(TeamNames.display("Real Madrid")).isEqualTo("Real Madrid");
		assertThat(TeamNames.display("Spurs")).as("an alias is not a spelling").isEqualTo("Spurs");
		assertThat(TeamNames.display(null)).isNull();
	}

	@Test
	void knowsEveryClubOfTheBundledSeasons() {
		Set<String> spelled = new TreeSet<>();
		Stream.of(HistoricalData.loadClosingPrices(), HistoricalData.loadBundled())
			.flatMap(data -> data.all().stream())
			.flatMap((HistoricalMatch match) -> Stream.of(match.homeTeam(), match.awayTeam()))
			.forEach(spelled::add);
		// football-data.co.uk's BRA.csv spellings that the loader renames to adaoduque's
		spelled.addAll(List.of("Flamengo RJ", "Botafogo RJ", "America MG", "Atletico GO", "Sport Recife", "Chapecoense-SC"));

		assertThat(spelled).hasSizeGreaterThan(60).allSatisfy(name -> assertThat(names.club(name)).as(name).isPresent());
		assertThat(names.clubs()).filteredOn(club -> club.league() == 39).hasSize(31);
		assertThat(names.clubs()).filteredOn(club -> club.league() == 71).hasSize(37);
	}

	@Test
	void givesEveryClubTheNicknamesFansType() {
		assertThat(names.club("Tottenham").orElseThrow().aliases()).contains("Spurs", "THFC");
		assertThat(names.clubs()).filteredOn(club -> club.aliases().contains("Tricolor"))
			.extracting(TeamNames.Club::display)
			.contains("São Paulo", "Fluminense", "Grêmio", "Bahia", "Fortaleza");
		assertThat(names.clubs()).allSatisfy(club -> assertThat(club.aliases()).as(club.display()).isNotEmpty());
	}

	@Test
	void foldsAccentsCaseAndPunctuation() {
		assertThat(TeamNames.fold("SÃO PAULO")).isEqualTo("sao paulo");
		assertThat(TeamNames.fold("são-paulo")).isEqualTo("sao paulo");
		assertThat(TeamNames.fold("Nott'm Forest")).isEqualTo("nottm forest");
		assertThat(TeamNames.fold(" man. city ")).isEqualTo("man city");
		assertThat(TeamNames.fold("Brighton & Hove Albion")).isEqualTo("brighton hove albion");
		assertThat(TeamNames.fold("Mengão!")).isEqualTo("mengao");
	}

	@Test
	void refusesATableThatWouldShowOneSpellingAsTwoClubs() {
		String header = "league,display,api_football,data,aliases\n";
		assertThatThrownBy(() -> TeamNames.parse(new StringReader(header
				+ "71,Botafogo,Botafogo,Botafogo RJ,Fogão\n71,Botafogo-SP,Botafogo SP,Botafogo RJ,\n")))
			.hasMessageContaining("'Botafogo RJ' names both Botafogo and Botafogo-SP");
		assertThatThrownBy(() -> TeamNames.parse(new StringReader(header + "39,Arsenal,Arsenal,,\n39,Arsenal,Arsenal FC,,\n")))
			.hasMessageContaining("two clubs are shown as Arsenal");
	}

	@Test
	void sharesAnAliasBetweenClubsWithoutComplaint() throws Exception {
		TeamNames table = TeamNames.parse(new StringReader("league,display,api_football,data,aliases\n"
				+ "71,São Paulo,Sao Paulo,,Tricolor\n71,Fluminense,Fluminense,,Tricolor|Flu\n"));
		assertThat(table.clubs()).extracting(TeamNames.Club::display).containsExactly("São Paulo", "Fluminense");
		assertThat(table.club("sao paulo")).get().extracting(TeamNames.Club::display).isEqualTo("São Paulo");
	}
}
