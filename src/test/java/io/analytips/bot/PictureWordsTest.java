package io.analytips.bot;

import java.util.Locale;

import io.analytips.football.AnalysisReport;
import io.analytips.picture.PictureLabels;
import io.analytips.picture.PictureSamples;
import io.analytips.telegram.model.SendPhoto;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The words of the analysis picture: its labels and its caption, in the reader's language and zone. */
class PictureWordsTest {

	private final Messages messages = new Messages();

	private final PictureWords words = new PictureWords(messages, new Leagues(messages), DisplayNames.AS_GIVEN);

	@Test
	void theCaptionIsTheFixtureAndTheAlertsThreeLineSummary() {
		String caption = words.caption(PictureSamples.report(true), Readers.PORTUGUESE);
		assertThat(caption).startsWith("⚽ <b>Flamengo x Palmeiras</b>\nBrasileirão Série A • 29/11 16:00 (Brasília)\n\n")
			.contains("📊 Flamengo 49% • Empate 26% • Palmeiras 25%", "🥅 Mais de 2,5 gols: ", "🔎 Jogo equilibrado")
			.hasSizeLessThanOrEqualTo(SendPhoto.MAX_CAPTION);
		assertThat(caption.split("\n")).hasSize(6);
		assertThat(words.caption(PictureSamples.report(true), Readers.ENGLISH)).contains("Flamengo vs Palmeiras",
				"(London)", "Draw 26%", "Over 2.5 goals: ");
	}

	@Test
	void labelsCarryTheModelAndTheMarketWithoutItsMarginEachAddingUpToAHundred() {
		AnalysisReport report = PictureSamples.report(true);
		PictureLabels labels = words.labels(report, Readers.ENGLISH);
		assertThat(labels.modelPercents()).containsExactly("49%", "26%", "25%");
		assertThat(labels.marketPercents()).containsExactly("44%", "29%", "27%");
		assertThat(labels.kickoff()).isEqualTo("29/11 19:00 (London)");
		assertThat(labels.league()).isEqualTo("Brasileirão Série A");
		assertThat(labels.overUnder()).matches("Line 2\\.5 \\(dashed\\): over \\d+% • under \\d+%");
		assertThat(words.labels(PictureSamples.report(false), Readers.PORTUGUESE).marketPercents()).isEmpty();
		assertThat(words.labels(PictureSamples.report(false), Readers.PORTUGUESE).noMarket()).startsWith("Nenhuma casa");
	}

	@Test
	void namesTheFileByItsFixtureLanguageAndContent() {
		assertThat(PictureWords.fileName("1035061-3f9a0b1c2d3e4f50", Locale.forLanguageTag("pt-BR")))
			.isEqualTo("1035061-pt-br-3f9a0b1c2d3e4f50.png");
		assertThat(PictureWords.fileName("7-00ff", Locale.ENGLISH)).isEqualTo("7-en-00ff.png");
	}
}
