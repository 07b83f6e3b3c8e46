package io.analytips.bot;

import java.text.Normalizer;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import io.analytips.follow.Following;
import io.analytips.pipeline.Command;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.Html;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The user's language and time zone: {@code ⚙️} on the menu, {@code /idioma} ({@code /language}) and {@code /fuso}
 * ({@code /timezone}), with a choice as buttons or typed after the command ({@code /idioma en},
 * {@code /fuso Lisboa}). A zone not chosen follows the language ({@link Preferences}).
 */
final class SettingsHandler implements Handler {

	private static final Logger log = LoggerFactory.getLogger(SettingsHandler.class);

	static final String PORTUGUESE = "pt-br";

	static final String ENGLISH = "en";

	static final String AUTOMATIC = "auto";

	private final Preferences preferences;

	private final Messages messages;

	private final Menus menus;

	private final Clock clock;

	/** Told of a new language or zone, so the chat's alerts follow it; null: nobody to tell. */
	private final Following following;

	private final ChatCommandMenu menu;

	SettingsHandler(Preferences preferences, Messages messages, Menus menus, Clock clock) {
		this(preferences, messages, menus, clock, null);
	}

	SettingsHandler(Preferences preferences, Messages messages, Menus menus, Clock clock, Following following) {
		this.preferences = preferences;
		this.messages = messages;
		this.menus = menus;
		this.clock = clock;
		this.following = following;
		this.menu = new ChatCommandMenu(messages);
	}

	@Override
	public boolean supports(UpdateContext context) {
		if (context.user() == null) {
			return false;
		}
		Command command = context.command();
		if (command != null) {
			return isLanguageCommand(command) || isZoneCommand(command);
		}
		CallbackData pressed = CallbackData.parse(context.callbackData());
		return pressed != null && (pressed.is(CallbackData.SETTINGS, 0) || pressed.is(CallbackData.LANGUAGE, 0)
				|| pressed.is(CallbackData.LANGUAGE, 1) || pressed.is(CallbackData.ZONE, 0) || pressed.is(CallbackData.ZONE, 1));
	}

	/** The screens are navigation; a choice is a write, and counts as work. */
	@Override
	public boolean isNavigation(UpdateContext context) {
		CallbackData pressed = CallbackData.parse(context.callbackData());
		return pressed != null && pressed.arguments().isEmpty();
	}

	@Override
	public String action(UpdateContext context) {
		Command command = context.command();
		if (command != null) {
			return isLanguageCommand(command) ? "language" : "time_zone";
		}
		CallbackData pressed = CallbackData.parse(context.callbackData());
		return switch (pressed.action()) {
			case CallbackData.LANGUAGE -> "language";
			case CallbackData.ZONE -> "time_zone";
			default -> "settings";
		};
	}

	/** Answers, and then, when a language was chosen, sets the chat's command menu in it ({@link ChatCommandMenu}). */
	@Override
	public Mono<Void> handle(UpdateContext context) {
		Mono<Void> answered = answer(context);
		return chosenLanguage(context).map(language -> answered.then(menu.follow(context, language))).orElse(answered);
	}

	/** The language this update chooses, if it chooses one (typed, or pressed). */
	private static Optional<Locale> chosenLanguage(UpdateContext context) {
		Command command = context.command();
		if (command != null) {
			return isLanguageCommand(command) ? language(command.arguments()) : Optional.empty();
		}
		CallbackData pressed = CallbackData.parse(context.callbackData());
		return pressed.is(CallbackData.LANGUAGE, 1) ? Optional.of(Preferences.localeOf(pressed.arguments().get(0)))
				: Optional.empty();
	}

	private Mono<Void> answer(UpdateContext context) {
		Command command = context.command();
		if (command != null) {
			return (isLanguageCommand(command) ? languageCommand(context, command.arguments())
					: zoneCommand(context, command.arguments())).flatMap(screen -> screen.send(context));
		}
		CallbackData pressed = CallbackData.parse(context.callbackData());
		Mono<Screen> screen = switch (pressed.action()) {
			case CallbackData.LANGUAGE -> pressed.arguments().isEmpty() ? preferences.of(context).map(this::languages)
					: chooseLanguage(context, Preferences.localeOf(pressed.arguments().get(0)))
						.flatMap(reader -> overview(context, reader));
			case CallbackData.ZONE -> pressed.arguments().isEmpty() ? preferences.of(context).map(this::zones)
					: chooseZone(context, pressed.arguments().get(0));
			default -> preferences.of(context).flatMap(reader -> overview(context, reader));
		};
		return screen.flatMap(s -> s.show(context));
	}

	private Mono<Screen> chooseZone(UpdateContext context, String choice) {
		if (choice.equals(AUTOMATIC)) {
			return chooseZone(context, (ZoneId) null).flatMap(reader -> overview(context, reader));
		}
		int index = choice.matches("\\d{1,2}") ? Integer.parseInt(choice) : -1;
		if (index < 0 || index >= Zones.OFFERED.size()) {
			return preferences.of(context).map(this::zones);
		}
		return chooseZone(context, Zones.OFFERED.get(index)).flatMap(reader -> overview(context, reader));
	}

	private Mono<Reader> chooseLanguage(UpdateContext context, Locale language) {
		return preferences.chooseLanguage(context, language).flatMap(reader -> alertsFollow(context, reader));
	}

	private Mono<Reader> chooseZone(UpdateContext context, ZoneId zone) {
		return preferences.chooseZone(context, zone).flatMap(reader -> alertsFollow(context, reader));
	}

	/**
	 * The chat's alerts are written in the reader's new language and zone. The choice is kept either way: alerts
	 * written in the old ones for a while beat an error for a setting that was saved.
	 */
	private Mono<Reader> alertsFollow(UpdateContext context, Reader reader) {
		Long chat = context.chatId();
		if (following == null || chat == null) {
			return Mono.just(reader);
		}
		return following.readerChanged(context.bot().id(), FollowTexts.subscriber(chat, reader))
			.onErrorResume(error -> {
				log.warn("Alerts of chat {} still in the old language or zone: {}", chat, error.toString());
				return Mono.empty();
			})
			.thenReturn(reader);
	}

	/** What the user has now, with the buttons to change it. */
	private Mono<Screen> overview(UpdateContext context, Reader reader) {
		return preferences.chosen(context).map(chosen -> {
			Locale locale = reader.locale();
			String zone = zoneName(reader.zone(), locale) + (chosen.timeZone() == null
					? messages.get(locale, "settings.zone.automatic") : "");
			return new Screen(messages.get(locale, "settings.html", Html.escape(messages.get(locale, "language.name")),
					Html.escape(zone), Format.time(clock.instant(), reader.zone())),
					menus.backTo(Keyboard.create().pair(messages.get(locale, "button.language"), CallbackData.LANGUAGE,
							messages.get(locale, "button.zone"), CallbackData.ZONE), CallbackData.MENU, locale).build());
		});
	}

	private Screen languages(Reader reader) {
		Locale locale = reader.locale();
		return new Screen(messages.get(locale, "language.choose.html"), menus.backTo(Keyboard.create().pair(
				messages.get(locale, "button.language.pt"), CallbackData.of(CallbackData.LANGUAGE, PORTUGUESE),
				messages.get(locale, "button.language.en"), CallbackData.of(CallbackData.LANGUAGE, ENGLISH)),
				CallbackData.SETTINGS, locale).build());
	}

	private Screen zones(Reader reader) {
		Locale locale = reader.locale();
		Keyboard keyboard = Keyboard.create();
		for (int i = 0; i < Zones.OFFERED.size(); i += 2) {
			keyboard.pair(zoneName(Zones.OFFERED.get(i), locale), CallbackData.of(CallbackData.ZONE, i),
					zoneName(Zones.OFFERED.get(i + 1), locale), CallbackData.of(CallbackData.ZONE, i + 1));
		}
		keyboard.button(messages.get(locale, "button.zone.automatic"), CallbackData.of(CallbackData.ZONE, AUTOMATIC));
		return new Screen(messages.get(locale, "zone.choose.html", Html.escape(zoneName(reader.zone(), locale))),
				menus.backTo(keyboard, CallbackData.SETTINGS, locale).build());
	}

	private Mono<Screen> languageCommand(UpdateContext context, String typed) {
		Optional<Locale> language = language(typed);
		if (typed.isBlank() || language.isEmpty()) {
			return preferences.of(context).map(this::languages);
		}
		return chooseLanguage(context, language.get()).flatMap(reader -> overview(context, reader));
	}

	private Mono<Screen> zoneCommand(UpdateContext context, String typed) {
		if (typed.isBlank()) {
			return preferences.of(context).map(this::zones);
		}
		Optional<ZoneId> zone = Zones.parse(typed);
		if (zone.isEmpty()) {
			return preferences.of(context).map(reader -> new Screen(messages.get(reader.locale(), "zone.unknown.html",
					Html.escapeShort(typed, 40)), zones(reader).keyboard()));
		}
		return chooseZone(context, zone.get()).flatMap(reader -> overview(context, reader));
	}

	/** The language a typed word names: English or Portuguese, by its code or its name in either language. */
	static Optional<Locale> language(String typed) {
		String word = Normalizer.normalize(typed.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT);
		return switch (word) {
			case "en", "english", "ingles", "inglesa", "en-us", "en-gb" -> Optional.of(Locale.ENGLISH);
			case "pt", "pt-br", "portugues", "portuguese", "portuguesa", "br" -> Optional.of(UpdateContext.DEFAULT_LOCALE);
			default -> Optional.empty();
		};
	}

	private String zoneName(ZoneId zone, Locale locale) {
		return Format.zone(zone, messages, locale);
	}

	private static boolean isLanguageCommand(Command command) {
		return switch (command.name()) {
			case "idioma", "language", "lingua", "lang" -> true;
			default -> false;
		};
	}

	private static boolean isZoneCommand(Command command) {
		return switch (command.name()) {
			case "fuso", "timezone", "tz", "fusohorario", "zone" -> true;
			default -> false;
		};
	}
}
