package io.analytips.pipeline.log;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.LoggerContext;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.UpdateContext;
import io.analytips.support.CapturedLogs;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.TelegramJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In production's JSON format ({@code LOG_FORMAT=json}: Spring Boot's structured logging, Logstash
 * field names) the access line's ids and fields are top-level JSON fields, numbers as numbers.
 */
class AccessLogJsonTest {

	private final CapturedLogs logs = CapturedLogs.of(AccessLog.LOGGER);

	@AfterEach
	void close() {
		logs.close();
	}

	/** The line as the application's console appender writes it with {@code LOG_FORMAT=json}. */
	private static String json(ch.qos.logback.classic.spi.ILoggingEvent event) {
		LoggerContext context = new LoggerContext();
		context.putObject(Environment.class.getName(), new StandardEnvironment());
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat("logstash");
		encoder.start();
		return new String(encoder.encode(event), StandardCharsets.UTF_8);
	}

	@Test
	void rendersTheIdsAndFieldsAsTopLevelJsonFields() {
		UpdateContext start = new UpdateContext(ReceivedUpdate.parse(Updates.message(45, "/start").put("update_id", 123)),
				null);
		new AccessLog(true, () -> start.admittedAt() + 12_000_000).finished(start, null, Outcome.DONE, 2);

		String line = json(logs.events().get(0));
		JsonNode fields = TelegramJson.mapper().readTree(line);

		assertThat(fields.path("logger_name").asString()).isEqualTo("io.analytips.access");
		assertThat(fields.path("level").asString()).isEqualTo("INFO");
		assertThat(fields.path("message").asString())
			.isEqualTo("update 123 message by user 45 in chat 45: done in 12 ms, 2 upstream calls");
		assertThat(fields.path("update_id").asString()).isEqualTo("123");
		assertThat(fields.path("chat_id").asString()).isEqualTo("45");
		assertThat(fields.path("user_id").asString()).isEqualTo("45");
		assertThat(fields.path("type").asString()).isEqualTo("message");
		assertThat(fields.path("action").asString()).isEqualTo("none");
		assertThat(fields.path("outcome").asString()).isEqualTo("done");
		assertThat(fields.path("latency_ms").isIntegralNumber()).isTrue();
		assertThat(fields.path("latency_ms").asLong()).isEqualTo(12);
		assertThat(fields.path("upstream_calls").isIntegralNumber()).isTrue();
		assertThat(fields.path("upstream_calls").asInt()).isEqualTo(2);
		assertThat(line.split("\"update_id\"", -1)).as("update_id once").hasSize(2);
	}
}
