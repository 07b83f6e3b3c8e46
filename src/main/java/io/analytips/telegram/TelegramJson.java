package io.analytips.telegram;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of the Bot API: snake_case names, nulls left out of requests, unknown
 * fields ignored, and missing or null primitives read as zero so one odd field does not
 * make an update unreadable (the update is then checked by {@link ReceivedUpdate#parse}).
 */
public final class TelegramJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
		.build();

	private TelegramJson() {
	}

	/** The shared, thread-safe mapper for Bot API payloads. */
	public static JsonMapper mapper() {
		return MAPPER;
	}
}
