package io.analytips.console;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The terminal demo's settings ({@code analytips.console.*}: {@code --demo} without a token).
 *
 * @param language {@code DEMO_LANGUAGE}: {@code en} or {@code pt-br} (any case, {@code en-GB} and {@code pt}
 *        too); blank: from the locale variables, as a Telegram client would report it
 * @param pictures where the analysis pictures the bot sends are written ({@link #PICTURES} when not given)
 */
@ConfigurationProperties("analytips.console")
public record ConsoleProperties(String language, Path pictures) {

	/** {@code ./data/demo/pictures}. */
	static final Path PICTURES = Path.of("data", "demo", "pictures");

	public ConsoleProperties {
		pictures = pictures == null ? PICTURES : pictures;
		if (language != null && !language.isBlank()
				&& !language.strip().toLowerCase(Locale.ROOT).matches("(en|pt)([-_][a-z]{2})?")) {
			throw new IllegalArgumentException("DEMO_LANGUAGE must be en or pt-br (was \"" + language + "\")");
		}
	}

	/** The language the demo speaks: {@link #language()} when given, else the one {@code environment}'s locale asks for. */
	String languageOr(Map<String, String> environment) {
		return language == null || language.isBlank() ? ConsoleConfiguration.languageOf(environment) : language.strip();
	}
}
