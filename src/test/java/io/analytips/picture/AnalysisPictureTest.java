package io.analytips.picture;

import io.analytips.football.AnalysisReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A picture's key changes with anything drawn on it, and only then. */
class AnalysisPictureTest {

	@Test
	void theSamePictureHasTheSameKeyNamedByItsFixture() {
		assertThat(PictureSamples.picture(true).key()).isEqualTo(PictureSamples.picture(true).key())
			.matches("1035061-[0-9a-f]{16}");
	}

	@Test
	void pricesNumbersAndWordsEachChangeTheKey() {
		AnalysisReport report = PictureSamples.report(true);
		PictureLabels labels = PictureSamples.labels(true, report);
		String key = AnalysisPicture.of(report, labels).key();
		assertThat(PictureSamples.picture(false).key()).as("no prices").isNotEqualTo(key);
		assertThat(AnalysisPicture.of(PictureSamples.report(1035061, 1.7, 1.08, true), labels).key()).as("another model")
			.isNotEqualTo(key);
		PictureLabels english = new PictureLabels(labels.home(), labels.away(), labels.league(), labels.kickoff(), "Result",
				labels.model(), labels.market(), labels.draw(), labels.noMarket(), labels.modelPercents(),
				labels.marketPercents(), labels.goalsTitle(), labels.overUnder(), labels.scoresTitle(), labels.scoresAxes(),
				labels.footer());
		assertThat(AnalysisPicture.of(report, english).key()).as("other words").isNotEqualTo(key);
	}

	@Test
	void readsTheGoalsAndScoresOffTheModelsMatrix() {
		AnalysisPicture picture = PictureSamples.picture(true);
		assertThat(picture.totals()).hasSize(AnalysisPicture.TOTALS);
		assertThat(picture.totals().get(0)).isEqualTo(picture.score(0, 0));
		double underThree = picture.totals().get(0) + picture.totals().get(1) + picture.totals().get(2);
		assertThat(1 - underThree).isCloseTo(PictureSamples.report(true).analysis().markets().goals(2.5).over(),
				org.assertj.core.api.Assertions.within(1e-9));
		assertThat(picture.market()).hasSize(3);
		assertThat(PictureSamples.picture(false).market()).isEmpty();
	}
}
