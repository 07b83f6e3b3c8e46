package io.analytips.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.analytips.cli.CommandLine.Mode;
import io.analytips.common.ClockProperties;
import io.analytips.console.ConsoleProperties;
import io.analytips.host.BotsProperties;
import io.analytips.football.MarketProperties;
import io.analytips.follow.FollowProperties;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.ops.admin.AdminProperties;
import io.analytips.ops.startup.InvalidSettings;
import io.analytips.picture.PictureProperties;
import io.analytips.pipeline.PipelineProperties;
import io.analytips.replica.ReplicaProperties;
import io.analytips.replica.internal.LeadProperties;
import io.analytips.store.DatabaseProperties;
import io.analytips.telegram.TelegramProperties;
import io.analytips.telegram.WebhookAccess;

import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.RandomValuePropertySource;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Every setting's value, checked before Spring and the embedded database start, as Spring will read it: the
 * same sources (command line, system properties, environment, {@code SPRING_APPLICATION_JSON}, the
 * {@code application*.yml} of the jar and of the working directory or {@code spring.config.*}, the profiles),
 * bound by Spring Boot's {@link Binder} to the application's own {@code @ConfigurationProperties} records with
 * the same conversions and validation. So the records stay the one place a rule is written, and a value that
 * would stop the start inside Spring (after the embedded database started, when its record happens to be made
 * late) stops it here, before anything heavy, with one line each naming the variable and saying what a good value
 * looks like ({@link InvalidSettings}).
 */
public final class SettingsBinding {

	/**
	 * Every settings record of the application, each bound under its {@code @ConfigurationProperties} prefix;
	 * SettingsBindingTest checks that none is missing.
	 */
	static final List<Class<?>> RECORDS = List.of(TelegramProperties.class, WebhookAccess.class,
			ApiFootballProperties.class, MarketProperties.class, PipelineProperties.class, DatabaseProperties.class,
			LeadProperties.class, ReplicaProperties.class, AdminProperties.class, ClockProperties.class,
			ConsoleProperties.class, BotsProperties.class, FollowProperties.class, PictureProperties.class);

	private SettingsBinding() {
	}

	/**
	 * What stops the bot from starting in {@code mode} with these settings under these profiles (those
	 * {@code main} adds: {@code demo}, {@code console}), one line each; empty when every value binds and
	 * nothing required is missing (which {@link SettingsPreflight} may have left to Spring: here the
	 * configuration files are read too).
	 */
	public static List<String> problems(Mode mode, SettingSources given, List<String> profiles) {
		ConfigurableEnvironment environment = environment(given, profiles);
		List<String> problems = new ArrayList<>(logFormat(environment));
		Binder binder = Binder.get(environment);
		Map<Class<?>, Object> bound = new HashMap<>();
		LocalValidatorFactoryBean validator = validator();
		try {
			for (Class<?> type : RECORDS) {
				try {
					bound.put(type, bind(binder, type, validator));
				}
				catch (BindException invalid) {
					problems.addAll(InvalidSettings.lines(invalid));
				}
			}
		}
		finally {
			validator.close();
		}
		problems.addAll(serverPort(binder));
		if (mode == Mode.RUN) {
			if (bound.get(TelegramProperties.class) instanceof TelegramProperties telegram && !telegram.hasToken()
					&& !(bound.get(BotsProperties.class) instanceof BotsProperties bots && !bots.tokens().isBlank())) {
				problems.add(SettingsPreflight.TOKEN_MISSING);
			}
			if (bound.get(ApiFootballProperties.class) instanceof ApiFootballProperties football && !football.hasKey()) {
				problems.add(SettingsPreflight.KEY_MISSING);
			}
		}
		return problems;
	}

	/**
	 * The environment Spring Boot prepares before it creates the context, built the same way: its property
	 * sources in its order, then the config data (application*.yml, profiles, imports).
	 */
	static ConfigurableEnvironment environment(SettingSources given, List<String> profiles) {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, new MapPropertySource(
				StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, new HashMap<>(given.systemProperties())));
		sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(given.environment())));
		if (!given.arguments().isEmpty()) {
			sources.addFirst(new SimpleCommandLinePropertySource(given.arguments().toArray(String[]::new)));
		}
		ConfigurationPropertySources.attach(environment);
		RandomValuePropertySource.addToEnvironment(environment);
		new SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment, null);
		ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(SettingsBinding.class.getClassLoader()),
				new DefaultBootstrapContext(), profiles);
		return environment;
	}

	/** The record as Spring will make it ({@code ConfigurationPropertiesBinder}'s handlers); throws what it would. */
	private static Object bind(Binder binder, Class<?> type, LocalValidatorFactoryBean validator) {
		BindHandler handler = new IgnoreTopLevelConverterNotFoundBindHandler();
		if (type.isAnnotationPresent(Validated.class)) {
			handler = new ValidationBindHandler(handler, validator);
		}
		return binder.bindOrCreate(prefix(type), Bindable.of(type), handler);
	}

	static String prefix(Class<?> type) {
		ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
		return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
	}

	/** The validator Spring Boot gives {@code @Validated} settings: Hibernate Validator, Boot's message interpolation. */
	private static LocalValidatorFactoryBean validator() {
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.setMessageInterpolator(new MessageInterpolatorFactory().getObject());
		validator.afterPropertiesSet();
		return validator;
	}

	/** Spring Boot's {@code server.port}: no record of ours, and a port out of range fails only when the server starts. */
	private static List<String> serverPort(Binder binder) {
		try {
			Integer port = binder.bind("server.port", Integer.class).orElse(null);
			if (port != null && (port < -1 || port > 65_535)) {
				return List.of("SERVER_PORT is invalid: a port from 0 to 65535, 0 for any free one (was \"" + port + "\")");
			}
			return List.of();
		}
		catch (BindException invalid) {
			return InvalidSettings.lines(invalid);
		}
	}

	/** {@code LOG_FORMAT}, which {@code LogFormatPostProcessor} reads as text when it is not json. */
	private static List<String> logFormat(ConfigurableEnvironment environment) {
		String format = environment.getProperty("LOG_FORMAT");
		if (format == null || List.of("json", "text").contains(format.strip().toLowerCase(Locale.ROOT))) {
			return List.of();
		}
		return List.of("LOG_FORMAT is invalid: json or text (was \"" + format + "\")");
	}
}
