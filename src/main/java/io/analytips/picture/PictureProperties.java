package io.analytips.picture;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The analysis picture ({@code analytips.picture.*}; defaults in application.yml).
 *
 * @param enabled whether a full analysis comes as a picture (else as text alone, as before)
 * @param threads the rendering pool's threads: pictures drawn at once
 * @param queue pictures waiting for a thread, at most; beyond them the text goes alone
 * @param timeout how long a picture may take to draw, waiting included, before the text goes alone
 * @param remembered file_ids kept in memory in front of the database
 */
@ConfigurationProperties("analytips.picture")
@Validated
public record PictureProperties(boolean enabled, @Positive @Max(64) int threads, @Positive @Max(10_000) int queue,
		@NotNull Duration timeout, @Positive int remembered) {

	public PictureProperties {
		if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
			throw new IllegalArgumentException("analytips.picture.timeout must be positive, was " + timeout);
		}
	}
}
