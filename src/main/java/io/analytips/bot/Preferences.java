package io.analytips.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Cache;
import io.analytips.common.Caches;
import io.analytips.pipeline.UpdateContext;
import io.analytips.store.UserSettings;
import io.analytips.store.UserSettingsRepository;
import io.analytips.telegram.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Each user's language and time zone. What they chose ({@code /idioma}, {@code /fuso}) is kept in
 * {@code user_settings} and remembered in memory for the users active in the last hour; what they did not choose
 * follows their Telegram client: English for {@code en*} clients and Portuguese otherwise; the time zone of that
 * language's usual place (London for English, New York for {@code en-US}, Lisbon for {@code pt-PT}), else the
 * bot's own zone ({@code API_FOOTBALL_TIMEZONE}, Brasília by default). Settings are a user's with one bot (the
 * update's {@link UpdateContext#bot()}): what they chose with one bot of the deployment is not another's.
 */
final class Preferences {

	private static final Logger log = LoggerFactory.getLogger(Preferences.class);

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

	private final UserSettingsRepository repository;

	private final ZoneId botZone;

	/** A user of a bot. */
	private record Chooser(long bot, long user) {
	}

	private final Cache<Chooser, UserSettings> known;

	Preferences(UserSettingsRepository repository, ZoneId botZone, Clock clock) {
		this.repository = repository;
		this.botZone = botZone;
		this.known = Caches.on(clock).expireAfterAccess(Duration.ofHours(1)).maximumSize(100_000).build();
	}

	/**
	 * The reader of this update: emits what the user chose where they chose something, their client's defaults
	 * otherwise, and those defaults too when the settings cannot be read (a screen in the client's language beats
	 * no screen). Never errors.
	 */
	Mono<Reader> of(UpdateContext context) {
		return chosen(context).map(settings -> resolve(settings, context));
	}

	/**
	 * What the user chose (nothing chosen, for an update without a user or when the settings cannot be read).
	 * Never errors.
	 */
	Mono<UserSettings> chosen(UpdateContext context) {
		User user = context.user();
		if (user == null) {
			return Mono.just(UserSettings.none(0));
		}
		Chooser chooser = new Chooser(context.bot().id(), user.id());
		UserSettings remembered = known.getIfPresent(chooser);
		if (remembered != null) {
			return Mono.just(remembered);
		}
		return repository.find(chooser.bot(), user.id())
			.defaultIfEmpty(UserSettings.none(user.id()))
			.doOnNext(found -> known.put(chooser, found))
			.onErrorResume(error -> {
				log.debug("Settings of user {} not read, using their client's: {}", user.id(), error.toString());
				return Mono.just(UserSettings.none(user.id()));
			});
	}

	/**
	 * The language to write in when it must be known at once (the pipeline's notices): the user's choice if it is
	 * in memory, else their client's.
	 */
	Locale localeIfKnown(UpdateContext context) {
		User user = context.user();
		UserSettings remembered = user == null ? null : known.getIfPresent(new Chooser(context.bot().id(), user.id()));
		return resolve(remembered, context).locale();
	}

	/** Keeps the user's language (and the zone they chose, if any); emits the reader they now are. Errors if not stored. */
	Mono<Reader> chooseLanguage(UpdateContext context, Locale language) {
		return change(context, settings -> settings.withLanguage(language.toLanguageTag()));
	}

	/** Keeps the user's time zone, or forgets it ({@code null}: the zone of their language again). */
	Mono<Reader> chooseZone(UpdateContext context, ZoneId zone) {
		return change(context, settings -> settings.withTimeZone(zone == null ? null : zone.getId()));
	}

	private Mono<Reader> change(UpdateContext context, UnaryOperator<UserSettings> change) {
		User user = context.user();
		if (user == null) {
			return Mono.error(new IllegalStateException("update " + context.updateId() + " has no user to keep settings for"));
		}
		Chooser chooser = new Chooser(context.bot().id(), user.id());
		return Mono.justOrEmpty(known.getIfPresent(chooser))
			.switchIfEmpty(repository.find(chooser.bot(), user.id()))
			.defaultIfEmpty(UserSettings.none(user.id()))
			.map(change::apply)
			.flatMap(changed -> repository.save(chooser.bot(), changed).thenReturn(changed))
			.doOnNext(saved -> known.put(chooser, saved))
			.map(saved -> resolve(saved, context));
	}

	/** The reader those settings make of this update's sender. */
	Reader resolve(UserSettings settings, UpdateContext context) {
		User user = context.user();
		String client = user == null || user.languageCode() == null ? "" : user.languageCode();
		String language = settings != null && settings.language() != null ? settings.language() : client;
		Locale locale = settings != null && settings.language() != null ? localeOf(settings.language()) : context.locale();
		ZoneId zone = settings != null && settings.timeZone() != null ? zone(settings.timeZone(), language)
				: context.bot().timeZone() != null ? context.bot().timeZone() : defaultZone(language);
		return new Reader(locale, zone);
	}

	private ZoneId zone(String id, String language) {
		try {
			return ZoneId.of(id);
		}
		catch (RuntimeException unknown) {
			// a zone the JDK dropped since it was stored: the language's again
			return defaultZone(language);
		}
	}

	/** The language for a stored tag: English for {@code en*}, Portuguese (Brazil) otherwise. */
	static Locale localeOf(String tag) {
		return tag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : UpdateContext.DEFAULT_LOCALE;
	}

	/** Where people of a language tag usually watch from, when they did not say. */
	ZoneId defaultZone(String languageTag) {
		String tag = languageTag.toLowerCase(Locale.ROOT).replace('_', '-');
		if (tag.startsWith("en-us")) {
			return NEW_YORK;
		}
		if (tag.startsWith("en")) {
			return LONDON;
		}
		if (tag.equals("pt-pt")) {
			return LISBON;
		}
		return botZone;
	}
}
