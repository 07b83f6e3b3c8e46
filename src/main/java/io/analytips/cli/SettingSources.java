package io.analytips.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The values Spring will see for a setting, read before Spring starts (so without it): a command-line
 * {@code --name=value}, then a system property, then the environment, in Spring's order of precedence.
 * A property is also found under the environment names Spring Boot binds to it
 * ({@code analytips.telegram.bot-token} from {@code ANALYTIPS_TELEGRAM_BOT_TOKEN} or
 * {@code ANALYTIPS_TELEGRAM_BOTTOKEN}).
 *
 * @param arguments the command line
 * @param systemProperties the JVM's system properties
 * @param environment the process environment
 */
public record SettingSources(List<String> arguments, Map<String, String> systemProperties, Map<String, String> environment) {

	public SettingSources {
		arguments = List.copyOf(arguments);
		systemProperties = Map.copyOf(systemProperties);
		environment = Map.copyOf(environment);
	}

	/** This process's command line, system properties and environment. */
	public static SettingSources ofThisProcess(List<String> arguments) {
		Properties system = System.getProperties();
		Map<String, String> properties = system.stringPropertyNames().stream()
			.collect(Collectors.toMap(name -> name, system::getProperty));
		return new SettingSources(arguments, properties, System.getenv());
	}

	/**
	 * The value of a setting that application.yml reads as {@code property: ${VARIABLE:default}}: the property
	 * itself when given anywhere, else the variable; empty when neither is given. A blank value is returned as
	 * it is (Spring would take it too).
	 */
	Optional<String> setting(String property, String variable) {
		String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
		return find(property, List.of(property, upper.replace("-", "_"), upper.replace("-", "")))
			.or(() -> find(variable, List.of(variable)));
	}

	/** The value of a name read as it is ({@code LOG_FORMAT}); empty when not given. */
	Optional<String> value(String name) {
		return find(name, List.of(name));
	}

	/** Whether any source gives a property whose name starts with {@code prefix} ({@code spring.config.}). */
	boolean givesAnyStartingWith(String prefix) {
		String environmentPrefix = prefix.toUpperCase(Locale.ROOT).replace('.', '_');
		return arguments.stream().anyMatch(arg -> arg.startsWith("--" + prefix))
				|| systemProperties.keySet().stream().anyMatch(name -> name.startsWith(prefix))
				|| environment.keySet().stream().anyMatch(name -> name.startsWith(environmentPrefix));
	}

	private Optional<String> find(String name, List<String> environmentNames) {
		String option = "--" + name + "=";
		// Spring joins repeated options; the last one is what a person typing them meant.
		Optional<String> argument = arguments.stream()
			.filter(arg -> arg.startsWith(option))
			.map(arg -> arg.substring(option.length()))
			.reduce((first, second) -> second);
		return argument.or(() -> Optional.ofNullable(systemProperties.get(name)))
			.or(() -> environmentNames.stream().map(environment::get).filter(value -> value != null).findFirst());
	}
}
