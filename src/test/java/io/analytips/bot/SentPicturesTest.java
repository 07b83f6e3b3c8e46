package io.analytips.bot;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class SentPicturesTest {

	private final SentPictures pictures = new SentPictures(100);

	@Test
	void offersThePictureLastSentForTheFixtureInTheReadersLanguage() {
		pictures.sent(1, 42, Locale.ENGLISH, "photo-1");
		pictures.sent(1, 42, Locale.ENGLISH, "photo-2");

		StepVerifier.create(pictures.cachedFileId(1, 42, Locale.ENGLISH)).expectNext("photo-2").verifyComplete();
	}

	@Test
	void offersNothingForAnotherLanguageBotOrFixture() {
		pictures.sent(1, 42, Locale.ENGLISH, "photo-1");

		StepVerifier.create(pictures.cachedFileId(1, 42, Locale.forLanguageTag("pt-BR"))).verifyComplete();
		StepVerifier.create(pictures.cachedFileId(2, 42, Locale.ENGLISH)).as("a file_id is its bot's").verifyComplete();
		StepVerifier.create(pictures.cachedFileId(1, 43, Locale.ENGLISH)).verifyComplete();
	}

	@Test
	void errorsWhenAskedWithoutALanguage() {
		StepVerifier.create(pictures.cachedFileId(1, 42, null)).verifyError(NullPointerException.class);
	}
}
