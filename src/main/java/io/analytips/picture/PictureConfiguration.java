package io.analytips.picture;

import io.analytips.store.DatabaseProperties;
import io.analytips.store.PictureFileRepository;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The analysis pictures: their pool, their file_ids, their settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PictureProperties.class)
class PictureConfiguration {

	@Bean
	PictureFileRepository pictureFileRepository(DatabaseClient client, DatabaseProperties database) {
		return new PictureFileRepository(client, database.callTimeout());
	}

	@Bean(destroyMethod = "close")
	Pictures pictures(PictureProperties properties, PictureFileRepository files, MeterRegistry registry) {
		return new Pictures(properties, files, registry);
	}
}
