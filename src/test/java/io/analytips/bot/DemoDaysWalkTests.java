package io.analytips.bot;

import java.time.LocalDate;
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
		long start = System.nanoTime();
		try (DemoRun run = new DemoRun(folder, day)) {
			long built = System.nanoTime();
			List<String> screens = ScreenWalk.walk(run.pipeline.telegram, USER, language);
			System.out.printf("TIMING %s %s: build %d ms, walk %d ms, %d screens%n", day, language, (built - start) / 1_000_000,
					(System.nanoTime() - built) / 1_000_000, screens.size());
			return screens;
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
}
