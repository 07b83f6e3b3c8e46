package io.analytips.bot;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.analytips.store.DatabaseUrl;
import io.analytips.support.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo stays right whatever days were replayed before in its folder: on 24 days over two years (the European
 * summer break, the Brazilian off-season, season ends and starts, Christmas), in Portuguese and in English, every
 * screen of a walk through the whole bot run in one folder, day after day, equals the same walk in an empty folder.
 */
class DemoDaysWalkTests {

	/** The demo's one user. */
	private static final long USER = 1;

	static List<LocalDate> days() {
		return Stream.of("2026-01-10", "2026-02-14", "2026-03-21", "2026-04-18", "2026-05-30", "2026-06-13",
				"2026-07-04", "2026-07-25", "2026-08-15", "2026-09-12", "2026-10-17", "2026-11-29", "2026-12-20",
				"2027-01-09", "2027-01-30", "2027-02-27", "2027-03-27", "2027-04-24", "2027-05-22", "2027-06-26",
				"2027-07-17", "2027-08-07", "2027-10-02", "2027-12-26")
			.map(LocalDate::parse)
			.toList();
	}

	private static List<String> walk(DatabaseUrl folder, LocalDate day, String language) {
		try (DemoRun run = new DemoRun(folder, day)) {
			return ScreenWalk.walk(run.pipeline.telegram, USER, language);
		}
	}

	@Test
	void everyScreenOfEveryDayInOneFolderIsTheScreenOfAnEmptyFolder() {
		DatabaseUrl folder = TestDatabase.migrated();
		List<String> differences = new ArrayList<>();
		for (LocalDate day : days().subList(0, Integer.getInteger("walk.days", 24))) {
			for (String language : new String[] { "pt-br", "en" }) {
				List<String> same = walk(folder, day, language);
				List<String> empty = walk(TestDatabase.migrated(), day, language);
				readsRight(day, language, empty);
				System.out.printf("walk %s %s: %d screens%n", day, language, empty.size());
				assertThat(same).as("%s %s: screens", day, language).hasSameSizeAs(empty);
				for (int i = 0; i < same.size(); i++) {
					if (!same.get(i).equals(empty.get(i))) {
						differences.add(day + " " + language + " screen " + i + ":\n" + same.get(i) + "\n--- empty folder:\n"
								+ empty.get(i));
					}
				}
			}
		}
		assertThat(differences).isEmpty();
	}

	/** What every walk must show, whatever the day: games in both leagues, every analysis, in the reader's words. */
	private static void readsRight(LocalDate day, String language, List<String> screens) {
		boolean english = language.equals("en");
		String what = day + " " + language;
		assertThat(screens.get(0)).as(what).contains(english ? "Welcome to Analytips" : "Bem-vindo ao Analytips");
		assertThat(screens.get(1)).as(what).contains(day.format(DateTimeFormatter.ofPattern("dd/MM")))
			.containsPattern("\\[Brasileirão Série A \\(\\d+\\)]").containsPattern("\\[Premier League \\(\\d+\\)]");
		List<String> analyses = screens.stream().filter(screen -> screen.contains(english ? "gamble responsibly"
				: "Aposte com responsabilidade") && screen.contains(english ? "Data from" : "Dados de")).toList();
		// five kinds of analysis of a fixture of each league today, of a team's next games, and of each league's next
		// games unless its season is over; and one of them reopened from My analyses
		assertThat(analyses).as(what).hasSizeBetween(16, 26).size().isIn(16, 21, 26);
		assertThat(analyses).as(what).allMatch(screen -> screen.contains(english ? "(London)" : "(Brasília)"));
		// each full analysis first as a picture whose caption sums it up, its text one button away
		assertThat(screens.stream().filter(screen -> screen.startsWith("[photo]")).toList()).as(what)
			.hasSize((analyses.size() - 1) / 5)
			.allMatch(screen -> screen.contains(english ? "(London)" : "(Brasília)") && screen.contains("🔎 ")
					&& screen.contains(english ? "[📄 Full analysis as text]" : "[📄 Análise completa em texto]"));
		assertThat(analyses).as(what).anyMatch(screen -> screen.contains(english ? "Likeliest scores" : "Placares mais prováveis")
				&& screen.contains(english ? "Form (most recent first)" : "Forma (mais recente primeiro)")
				&& screen.contains(english ? "Strength in the model" : "Força no modelo"));
		for (String screen : screens) {
			// no rule is supported by its league's backtest: nothing is called value anywhere
			assertThat(screen).as(what).doesNotContain("Exception", "null", "{", "''", "sees value", "vê valor");
		}
	}
}
