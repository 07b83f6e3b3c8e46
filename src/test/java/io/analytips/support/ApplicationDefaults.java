package io.analytips.support;

import java.io.IOException;

import io.analytips.pipeline.PipelineProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings as shipped: bound from {@code application.yml} alone, every {@code ${VARIABLE:default}} taking its
 * default whatever the environment of the test run says. For tests whose point is that the defaults fit.
 */
public final class ApplicationDefaults {

	private ApplicationDefaults() {
	}

	/** {@code analytips.bot.*} as shipped. */
	public static PipelineProperties pipeline() {
		return binder().bind("analytips.bot", PipelineProperties.class).get();
	}

	private static Binder binder() {
		MutablePropertySources sources = new MutablePropertySources();
		try {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
					new ClassPathResource("application.yml"))) {
				sources.addLast(source);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("application.yml could not be read", ex);
		}
		return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
	}
}
