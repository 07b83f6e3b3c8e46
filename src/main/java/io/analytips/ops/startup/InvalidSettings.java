package io.analytips.ops.startup;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * What is wrong with a setting that does not bind, in lines an operator can act on: each names the
 * environment variable to set ({@code BOT_RATE_LIMIT}, not {@code analytips.bot.rate-limit}; see
 * {@link Settings}), says what a good value looks like and repeats the value given, unless it is a secret.
 * Used by the check before Spring starts and by {@link StartupFailureReporter} inside it.
 */
public final class InvalidSettings {

	/** A message that already names its setting: ours, such as "DEMO_DATE must be a date like …". */
	private static final Pattern NAMES_A_VARIABLE = Pattern.compile("^[A-Z][A-Z0-9_]+ .*", Pattern.DOTALL);

	/** A message that names a property ("analytips.bot.handler-timeout must be positive"). */
	private static final Pattern NAMES_A_PROPERTY = Pattern.compile("^((?:analytips|server)\\.[a-z0-9.\\[\\]-]+)( .*)",
			Pattern.DOTALL);

	private InvalidSettings() {
	}

	/** One line per problem of the failed binding, most often one; never empty. */
	public static List<String> lines(BindException bind) {
		String name = bind.getName().toString();
		if (bind.getCause() instanceof BindValidationException validation
				&& !validation.getValidationErrors().getAllErrors().isEmpty()) {
			return validation.getValidationErrors()
				.getAllErrors()
				.stream()
				.map(error -> line(name, error))
				.distinct()
				.toList();
		}
		String own = ownMessage(bind.getCause());
		if (own != null) {
			return List.of(own);
		}
		return List.of(Settings.environmentName(name) + " is invalid: " + expected(bind) + given(name, bind));
	}

	private static String line(String prefix, ObjectError error) {
		if (!(error instanceof FieldError field)) {
			return Settings.environmentName(prefix) + " is invalid: " + error.getDefaultMessage();
		}
		// "leagues[1]" is an element of analytips.football.leagues
		String property = prefix + "." + toKebab(field.getField()).replaceAll("\\[.*$", "");
		String value = field.getRejectedValue() == null ? null : String.valueOf(field.getRejectedValue());
		return Settings.environmentName(property) + " is invalid: " + field.getDefaultMessage() + was(property, value);
	}

	/**
	 * The first message in the chain that names its setting (a record's own check), with a property name
	 * turned into its variable; null when none does.
	 */
	private static String ownMessage(Throwable cause) {
		for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
			String message = t.getMessage();
			if (message == null) {
				continue;
			}
			if (NAMES_A_VARIABLE.matcher(message).matches()) {
				return message;
			}
			Matcher property = NAMES_A_PROPERTY.matcher(message);
			if (property.matches()) {
				return Settings.environmentName(property.group(1)) + property.group(2);
			}
		}
		return null;
	}

	/** What a good value of the target's type looks like, or the converter's own words for other types. */
	static String expected(BindException bind) {
		ResolvableType type = bind.getTarget().getType();
		Class<?> raw = type.resolve(Object.class);
		if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
			ResolvableType element = raw.isArray() ? type.getComponentType() : type.asCollection().getGeneric(0);
			Class<?> of = element.resolve(Object.class);
			if (isWholeNumber(of)) {
				// ADMIN_IDS, OPERATOR_IDS: Telegram user ids; API_FOOTBALL_LEAGUES: league ids
				return "comma-separated whole numbers like "
						+ (bind.getName().toString().endsWith("-ids") ? "123456789,987654321" : "71,39");
			}
			return "a comma-separated list";
		}
		if (isWholeNumber(raw)) {
			return "a whole number like 10";
		}
		if (raw == Double.class || raw == double.class) {
			return "a number like 60 or 1.5"; // DEMO_SPEED
		}
		if (raw == Boolean.class || raw == boolean.class) {
			return "true or false";
		}
		if (raw == Duration.class) {
			return "a duration like 500ms, 10s, 5m or 3d";
		}
		if (raw == DataSize.class) {
			return "a size like 512KB or 16MB";
		}
		if (raw == URI.class) {
			return "a URL like https://example.org";
		}
		if (raw == ZoneId.class) {
			return "a time zone like America/Sao_Paulo, Europe/London or UTC";
		}
		if (raw == Path.class) {
			return "a path like ./data/postgres";
		}
		if (raw.isEnum()) {
			return Arrays.stream(raw.getEnumConstants())
				.map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
				.collect(Collectors.collectingAndThen(Collectors.toList(), InvalidSettings::orList));
		}
		return rootMessage(bind);
	}

	private static boolean isWholeNumber(Class<?> type) {
		return type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class;
	}

	private static String orList(List<String> values) {
		return values.size() == 1 ? values.get(0)
				: String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
	}

	private static String rootMessage(BindException bind) {
		Throwable root = bind;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
	}

	/**
	 * The value given, as the converter saw it: the property's own value may still be the placeholder of
	 * application.yml ({@code ${BOT_RATE_LIMIT:10}}).
	 */
	private static String given(String property, BindException bind) {
		for (Throwable t = bind.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ConversionFailedException conversion && conversion.getValue() != null) {
				return was(property, String.valueOf(conversion.getValue()));
			}
		}
		ConfigurationProperty given = bind.getProperty();
		boolean resolved = given != null && given.getValue() != null && !String.valueOf(given.getValue()).contains("${");
		return resolved ? was(property, String.valueOf(given.getValue())) : "";
	}

	/** " (was "…")", or for a secret only its length, so that the line can go to a shared log. */
	private static String was(String property, String value) {
		if (value == null) {
			return "";
		}
		if (Settings.isSecret(property)) {
			return value.isEmpty() ? " (was empty)" : " (was " + value.length() + " characters, not shown)";
		}
		return " (was \"" + value + "\")";
	}

	private static String toKebab(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}
}
