package io.analytips.picture;

import io.analytips.store.PictureFileRepository;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The analysis pictures: their pool and their settings (their file_ids are the store's, {@link PictureFileRepository}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PictureProperties.class)
class PictureConfiguration {

	@Bean(destroyMethod = "close")
	Pictures pictures(PictureProperties properties, PictureFileRepository files, MeterRegistry registry) {
		return new Pictures(properties, files, registry);
	}
}
