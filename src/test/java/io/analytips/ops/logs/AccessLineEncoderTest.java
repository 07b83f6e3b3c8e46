package io.analytips.ops.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import io.analytips.pipeline.log.AccessLines;
import io.analytips.pipeline.log.AccessLog;
import io.analytips.telegram.TelegramJson;
import org.junit.jupiter.api.Test;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access line's own encoder writes what Spring Boot's Logstash encoder writes (production's
 * {@code LOG_FORMAT=json}), byte for byte: same keys, same order, same values.
 */
class AccessLineEncoderTest {

	private static final String AWKWARD = "B\u00F8t \"quoted\" \\back\\ \u0001\u001F\u007F\t\n\r\b\f \u20AC \uD83D\uDE00 \u0085 \uD800 /";

	private static StructuredLogEncoder boot(String format, Environment environment) {
		LoggerContext context = new LoggerContext();
		context.putObject(Environment.class.getName(), environment);
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat(format);
		encoder.start();
		return encoder;
	}

	private static StructuredLogEncoder logstash() {
		return boot("logstash", new StandardEnvironment());
	}

	/** Both lines are the same bytes, and so the same JSON tree with its keys in the same order. */
	private static void assertSameLine(byte[] fast, byte[] boot) {
		String expected = new String(boot, StandardCharsets.UTF_8);
		assertThat(fast).as("a line of its own for %s", expected).isNotNull();
		JsonNode fastTree = TelegramJson.mapper().readTree(fast);
		JsonNode bootTree = TelegramJson.mapper().readTree(boot);
		assertThat(fastTree).isEqualTo(bootTree);
		assertThat(keys(fastTree)).containsExactlyElementsOf(keys(bootTree));
		assertThat(new String(fast, StandardCharsets.UTF_8)).isEqualTo(expected);
	}

	private static List<String> keys(JsonNode tree) {
		List<String> keys = new ArrayList<>();
		tree.properties().forEach(entry -> keys.add(entry.getKey()));
		return keys;
	}

	@Test
	void writesEveryAccessLineAsBootsLogstashEncoderDoes() throws InterruptedException {
		StructuredLogEncoder boot = logstash();
		AccessLineEncoder fast = AccessLineEncoder.matching(boot);
		assertThat(fast).isNotNull();
		int lines = 0;
		for (String bot : List.of("", "analytips_bot", AWKWARD)) {
			for (String thread : List.of("reactor-http-epoll-3", "w\u00F6rker \"1\"\t\u0007" + AWKWARD)) {
				List<ILoggingEvent> events = AccessLines.everyShape(bot, thread, Map.of());
				assertThat(events).hasSize(9);
				for (ILoggingEvent event : events) {
					assertSameLine(fast.encode(event), boot.encode(event));
					lines++;
				}
			}
		}
		assertThat(lines).isEqualTo(54);
	}

	@Test
	void writesTheTimestampAsBootDoesInAnyZoneAndToAnyFraction() {
		TimeZone before = TimeZone.getDefault();
		try {
			for (String zone : List.of("UTC", "America/Sao_Paulo", "Asia/Kolkata", "Europe/Lisbon", "Asia/Kathmandu")) {
				TimeZone.setDefault(TimeZone.getTimeZone(zone));
				StructuredLogEncoder boot = logstash();
				AccessLineEncoder fast = AccessLineEncoder.matching(boot);
				assertThat(fast).as(zone).isNotNull();
				// the whole minute, a fraction of each length, the last nanosecond, a daylight-saving change (Lisbon)
				for (Instant second : List.of(Instant.parse("2026-12-06T21:54:00Z"), Instant.parse("2026-03-29T00:59:59Z"),
						Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("1969-12-31T23:59:59Z"))) {
					for (int nanos : new int[] { 0, 1, 1_000, 120_000_000, 123_456_789, 999_999_999, 100_000_000 }) {
						LoggingEvent event = accessEvent(second.plusNanos(nanos), Map.of("update_id", "1"));
						assertSameLine(fast.encode(event), boot.encode(event));
					}
				}
			}
		}
		finally {
			TimeZone.setDefault(before);
		}
	}

	@Test
	void writesNumbersOfAnySizeAsBootDoes() {
		StructuredLogEncoder boot = logstash();
		AccessLineEncoder fast = AccessLineEncoder.matching(boot);
		for (long value : new long[] { 0, 7, -1, 10, 999, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE }) {
			LoggingEvent event = accessEvent(Instant.parse("2026-12-06T21:54:16.5Z"), Map.of());
			event.addKeyValuePair(new KeyValuePair("latency_ms", value));
			event.addKeyValuePair(new KeyValuePair("upstream_calls", (int) value));
			assertSameLine(fast.encode(event), boot.encode(event));
		}
	}

	@Test
	void leavesToBootEveryLineAccessLogDoesNotWrite() {
		AccessLineEncoder fast = AccessLineEncoder.matching(logstash());
		Instant at = Instant.parse("2026-12-06T21:54:16Z");
		LoggingEvent otherMdc = accessEvent(at, Map.of("request_id", "r-1"));
		LoggingEvent thrown = accessEvent(at, Map.of());
		thrown.setThrowableProxy(new ThrowableProxy(new IllegalStateException("boom")));
		LoggingEvent marked = accessEvent(at, Map.of());
		marked.addMarker(MarkerFactory.getMarker("audit"));
		LoggingEvent otherField = accessEvent(at, Map.of());
		otherField.addKeyValuePair(new KeyValuePair("note", "free text"));
		LoggingEvent otherType = accessEvent(at, Map.of());
		otherType.addKeyValuePair(new KeyValuePair("latency_ms", 1.5));
		LoggingEvent twice = accessEvent(at, Map.of());
		twice.addKeyValuePair(new KeyValuePair("type", "message"));
		twice.addKeyValuePair(new KeyValuePair("type", "callback_query"));
		LoggingEvent nullValue = accessEvent(at, Map.of());
		nullValue.addKeyValuePair(new KeyValuePair("action", null));
		for (LoggingEvent event : List.of(otherMdc, thrown, marked, otherField, otherType, twice, nullValue)) {
			assertThat(fast.encode(event)).isNull();
		}
	}

	@Test
	void takesNoEncoderThatWritesTheLineOtherwise() {
		assertThat(AccessLineEncoder.matching(boot("ecs", new StandardEnvironment()))).isNull();
		assertThat(AccessLineEncoder.matching(boot("gelf", new MockEnvironment().withProperty("spring.application.name", "a"))))
			.isNull();
		StructuredLogEncoder utf16 = new StructuredLogEncoder();
		LoggerContext context = new LoggerContext();
		context.putObject(Environment.class.getName(), new StandardEnvironment());
		utf16.setContext(context);
		utf16.setFormat("logstash");
		utf16.setCharset(StandardCharsets.UTF_16);
		utf16.start();
		assertThat(AccessLineEncoder.matching(utf16)).isNull();
		assertThat(AccessLineEncoder.matching(boot("logstash",
				new MockEnvironment().withProperty("logging.structured.json.exclude", "thread_name")))).isNull();
		assertThat(AccessLineEncoder.matching(boot("logstash",
				new MockEnvironment().withProperty("logging.structured.json.context.prefix", "ctx")))).isNull();
	}

	@Test
	void theRedactingEncoderWritesAccessLinesItselfAndEveryOtherLineThroughBootRedacted() throws InterruptedException {
		StructuredLogEncoder boot = logstash();
		RedactingEncoder redacting = new RedactingEncoder(logstash());
		redacting.setContext(new LoggerContext());
		redacting.start();
		assertThat(redacting.accessLines()).isNotNull();
		List<ILoggingEvent> events = new ArrayList<>(AccessLines.everyShape("analytips_bot", "main", Map.of()));
		events.addAll(AccessLines.everyShape("analytips_bot", "main", Map.of("request_id", "r-1")));
		for (ILoggingEvent event : events) {
			assertSameLine(redacting.encode(event), boot.encode(event));
		}
		LoggingEvent other = new LoggingEvent();
		other.setLoggerName("reactor.netty.http.client");
		other.setLevel(Level.DEBUG);
		other.setThreadName("reactor-http-epoll-1");
		other.setMessage("GET /bot123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ra/getMe");
		other.setInstant(Instant.parse("2026-12-06T21:54:16Z"));
		other.setMDCPropertyMap(Map.of());
		assertThat(new String(redacting.encode(other), StandardCharsets.UTF_8)).contains("GET /bot<bot-token>/getMe")
			.doesNotContain("AAEhBOweik6ad9r");
		StructuredLogEncoder ecs = boot("ecs", new StandardEnvironment());
		RedactingEncoder notLogstash = new RedactingEncoder(ecs);
		notLogstash.start();
		assertThat(notLogstash.accessLines()).isNull();
	}

	private static LoggingEvent accessEvent(Instant instant, Map<String, String> mdc) {
		LoggingEvent event = new LoggingEvent();
		event.setLoggerName(AccessLog.LOGGER);
		event.setLevel(Level.INFO);
		event.setThreadName("main");
		event.setMessage("update 1 message: done in 0 ms, 0 upstream calls");
		event.setInstant(instant);
		event.setMDCPropertyMap(new HashMap<>(mdc));
		return event;
	}
}
