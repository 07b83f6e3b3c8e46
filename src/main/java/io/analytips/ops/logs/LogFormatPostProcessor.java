package io.analytips.ops.logs;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOG_FORMAT}: {@code json} (one JSON object per line, Logstash field names, Spring Boot's
 * structured logging) or {@code text}; by default JSON when the output is not a terminal. Runs
 * before the logging system starts, so it applies from the first line.
 */
public final class LogFormatPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String format = environment.getProperty("LOG_FORMAT", System.console() == null ? "json" : "text");
		if ("json".equals(format.toLowerCase(Locale.ROOT))
				&& !environment.containsProperty("logging.structured.format.console")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("analytipsLogFormat",
						Map.of("logging.structured.format.console", "logstash")));
		}
	}
}
