package io.analytips.bot;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import io.analytips.common.BotProfile;
import io.analytips.common.MutableClock;
import io.analytips.pipeline.TestContexts;
import io.analytips.pipeline.UpdateContext;
import io.analytips.store.UserSettings;
import io.analytips.store.UserSettingsRepository;
import io.analytips.support.MemoryUserSettings;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Each user's language and time zone: what they chose, else what their Telegram client suggests. */
class PreferencesTest {

	private static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");

	private final MutableClock clock = new MutableClock();

	private final MemoryUserSettings stored = new MemoryUserSettings();

	private final Preferences preferences = new Preferences(stored, BRASILIA, clock);

	private static UpdateContext from(long user, String language) {
		ObjectNode update = Updates.message(user, user, "private", "/start", language);
		update.put("update_id", 1);
		return TestContexts.of(ReceivedUpdate.parse(1, update.toString()));
	}

	/** The same, to another bot of the deployment. */
	private static UpdateContext to(long bot, long user, String language) {
		ObjectNode update = Updates.message(user, user, "private", "/start", language);
		update.put("update_id", 1);
		return TestContexts.of(ReceivedUpdate.parse(1, update.toString()), null,
				new BotProfile(bot, "bot" + bot, null, null, Set.of(), Set.of()));
	}

	private static UpdateContext anonymous() {
		ObjectNode update = Updates.message(7, "/start");
		((ObjectNode) update.get("message")).remove("from");
		update.put("update_id", 1);
		return TestContexts.of(ReceivedUpdate.parse(1, update.toString()));
	}

	@Test
	void aUserWhoChoseNothingGetsTheirClientsLanguageAndItsUsualZone() {
		StepVerifier.create(preferences.of(from(1, "pt-br")))
			.expectNext(new Reader(UpdateContext.DEFAULT_LOCALE, BRASILIA))
			.verifyComplete();
		StepVerifier.create(preferences.of(from(2, "en")))
			.expectNext(new Reader(Locale.ENGLISH, ZoneId.of("Europe/London")))
			.verifyComplete();
		StepVerifier.create(preferences.of(from(3, "en-US")))
			.expectNext(new Reader(Locale.ENGLISH, ZoneId.of("America/New_York")))
			.verifyComplete();
		StepVerifier.create(preferences.of(from(4, "pt-PT")))
			.expectNext(new Reader(UpdateContext.DEFAULT_LOCALE, ZoneId.of("Europe/Lisbon")))
			.verifyComplete();
		StepVerifier.create(preferences.of(from(5, "es")))
			.expectNext(new Reader(UpdateContext.DEFAULT_LOCALE, BRASILIA))
			.verifyComplete();
		StepVerifier.create(preferences.of(anonymous()))
			.expectNext(new Reader(UpdateContext.DEFAULT_LOCALE, BRASILIA))
			.verifyComplete();
	}

	@Test
	void whatAUserChoseWithOneBotIsNotAnotherBots() {
		StepVerifier.create(preferences.chooseLanguage(to(1, 5, "pt-br"), Locale.ENGLISH))
			.expectNext(new Reader(Locale.ENGLISH, ZoneId.of("Europe/London")))
			.verifyComplete();
		StepVerifier.create(preferences.of(to(2, 5, "pt-br")))
			.expectNext(new Reader(UpdateContext.DEFAULT_LOCALE, BRASILIA))
			.verifyComplete();
		StepVerifier.create(preferences.of(to(1, 5, "pt-br")))
			.expectNext(new Reader(Locale.ENGLISH, ZoneId.of("Europe/London")))
			.verifyComplete();
		assertThat(preferences.localeIfKnown(to(2, 5, "pt-br"))).isEqualTo(UpdateContext.DEFAULT_LOCALE);
		StepVerifier.create(stored.find(1, 5)).expectNext(new UserSettings(5, "en", null)).verifyComplete();
		StepVerifier.create(stored.find(2, 5)).verifyComplete();
	}

	@Test
	void whatAUserChoseWinsOverTheirClient() {
		stored.save(0, new UserSettings(1, "en", "America/Manaus")).block();
		StepVerifier.create(preferences.of(from(1, "pt-br")))
			.expectNext(new Reader(Locale.ENGLISH, ZoneId.of("America/Manaus")))
			.verifyComplete();
	}

	@Test
	void choosingALanguageMovesAZoneNotChosenWithIt() {
		StepVerifier.create(preferences.chooseLanguage(from(1, "pt-br"), Locale.ENGLISH))
			.expectNext(new Reader(Locale.ENGLISH, ZoneId.of("Europe/London")))
			.verifyComplete();
		StepVerifier.create(preferences.chooseZone(from(1, "pt-br"), BRASILIA))
			.expectNext(new Reader(Locale.ENGLISH, BRASILIA))
			.verifyComplete();
		StepVerifier.create(preferences.chooseLanguage(from(1, "pt-br"), UpdateContext.DEFAULT_LOCALE))
			.expectNext(new Reader(UpdateContext.DEFAULT_LOCALE, BRASILIA))
			.verifyComplete();
		StepVerifier.create(preferences.chooseZone(from(1, "pt-br"), null))
			.expectNext(new Reader(UpdateContext.DEFAULT_LOCALE, BRASILIA))
			.verifyComplete();
		StepVerifier.create(stored.find(0, 1)).expectNext(new UserSettings(1, "pt-BR", null)).verifyComplete();
	}

	@Test
	void aChoiceIsKnownAtOnceToThePipelinesNotices() {
		assertThat(preferences.localeIfKnown(from(1, "pt-br"))).isEqualTo(UpdateContext.DEFAULT_LOCALE);
		preferences.chooseLanguage(from(1, "pt-br"), Locale.ENGLISH).block();
		assertThat(preferences.localeIfKnown(from(1, "pt-br"))).isEqualTo(Locale.ENGLISH);
		assertThat(preferences.localeIfKnown(from(2, "en"))).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void settingsThatCannotBeReadGiveTheClientsDefaultsAndAreReadAgainLater() {
		Failing failing = new Failing();
		Preferences unreadable = new Preferences(failing, BRASILIA, clock);
		StepVerifier.create(unreadable.of(from(1, "en")))
			.expectNext(new Reader(Locale.ENGLISH, ZoneId.of("Europe/London")))
			.verifyComplete();
		failing.broken = false;
		failing.settings = new UserSettings(1, "pt-br", null);
		StepVerifier.create(unreadable.of(from(1, "en")))
			.expectNext(new Reader(UpdateContext.DEFAULT_LOCALE, BRASILIA))
			.verifyComplete();
	}

	@Test
	void aChoiceThatCannotBeStoredIsAnErrorAndNotRemembered() {
		Failing failing = new Failing();
		failing.broken = false;
		failing.savesFail = true;
		Preferences unwritable = new Preferences(failing, BRASILIA, clock);
		StepVerifier.create(unwritable.chooseLanguage(from(1, "pt-br"), Locale.ENGLISH))
			.expectErrorMessage("database down")
			.verify(Duration.ofSeconds(5));
		assertThat(unwritable.localeIfKnown(from(1, "pt-br"))).isEqualTo(UpdateContext.DEFAULT_LOCALE);
	}

	@Test
	void anUpdateWithoutAUserHasNoSettingsToKeep() {
		StepVerifier.create(preferences.chooseZone(anonymous(), BRASILIA))
			.expectError(IllegalStateException.class)
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void aStoredZoneTheJdkNoLongerKnowsFallsBackToTheLanguages() {
		stored.save(0, new UserSettings(1, "en", "Mars/Olympus_Mons")).block();
		StepVerifier.create(preferences.of(from(1, "pt-br")))
			.expectNext(new Reader(Locale.ENGLISH, ZoneId.of("Europe/London")))
			.verifyComplete();
	}

	/** A store whose reads (or writes) fail. */
	private static final class Failing extends UserSettingsRepository {

		volatile boolean broken = true;

		volatile boolean savesFail;

		volatile UserSettings settings;

		Failing() {
			super(null, Duration.ofSeconds(1));
		}

		@Override
		public Mono<UserSettings> find(long bot, long userId) {
			return broken ? Mono.error(new IllegalStateException("database down")) : Mono.justOrEmpty(settings);
		}

		@Override
		public Mono<Void> save(long bot, UserSettings saved) {
			return savesFail ? Mono.error(new IllegalStateException("database down")) : Mono.empty();
		}
	}
}
