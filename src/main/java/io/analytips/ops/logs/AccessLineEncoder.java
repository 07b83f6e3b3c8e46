package io.analytips.ops.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import io.analytips.pipeline.log.AccessLog;
import org.slf4j.event.KeyValuePair;

/**
 * The access line ({@link AccessLog}: one per update, the most frequent line by far) as the JSON
 * bytes Spring Boot's Logstash {@code StructuredLogEncoder} writes for it: the same keys in the same
 * order with the same values ({@code @timestamp}, {@code @version}, {@code message},
 * {@code logger_name}, {@code thread_name}, {@code level}, {@code level_value}, the MDC entries in the
 * map's order, then the key-value pairs in theirs), one line ending in {@code \n}. It skips Boot's
 * general machinery: the line is built in a per-thread buffer, field names are bytes made once, the
 * timestamp up to its seconds and its offset are formatted once per second, numbers go as digits and
 * strings are escaped only where a character needs it.
 * <p>
 * It writes only what it knows {@code AccessLog} puts on the line, whose values are ids, the bot's
 * username, the handler's class name and fixed codes (no user text, no URL, so nothing to redact);
 * for any other event (a throwable, a marker, another MDC key or field, a value of another type) it
 * answers null and the caller uses Boot's encoder. {@link #matching} checks once that Boot's encoder
 * writes a sample line byte for byte as this one does (format, charset, customisations, zone).
 */
final class AccessLineEncoder {

	/** MDC keys AccessLog (and the update's log context) set, then its key-value fields, each with its own bit. */
	private static final List<String> KEYS = List.of("bot", "update_id", "chat_id", "user_id", "handler", "type",
			"action", "outcome", "latency_ms", "upstream_calls");

	private static final Map<String, Integer> BITS = new HashMap<>();

	/** {@code ,"key":} for each key, by the key's bit's position. */
	private static final byte[][] NAMES = new byte[KEYS.size()][];

	static {
		for (int i = 0; i < KEYS.size(); i++) {
			BITS.put(KEYS.get(i), i);
			NAMES[i] = ascii(",\"" + KEYS.get(i) + "\":");
		}
	}

	private static final byte[] TIMESTAMP = ascii("{\"@timestamp\":\"");

	private static final byte[] VERSION_AND_MESSAGE = ascii("\",\"@version\":\"1\",\"message\":");

	private static final byte[] LOGGER_NAME = ascii(",\"logger_name\":");

	private static final byte[] THREAD_NAME = ascii(",\"thread_name\":");

	private static final byte[] LEVEL = ascii(",\"level\":");

	private static final byte[] LEVEL_VALUE = ascii(",\"level_value\":");

	private static final byte[] END = ascii("}\n");

	/** The second last written: its local date-time up to the seconds, and its offset. */
	private volatile Second second = new Second(Long.MIN_VALUE, new byte[0], new byte[0]);

	private AccessLineEncoder() {
	}

	/**
	 * An encoder for the access lines {@code boot} would write, or null when {@code boot} (started)
	 * does not write the sample access line exactly as this encoder does: another format or charset,
	 * fields renamed, added or left out, or an error.
	 */
	static AccessLineEncoder matching(Encoder<ILoggingEvent> boot) {
		AccessLineEncoder fast = new AccessLineEncoder();
		try {
			for (ILoggingEvent sample : samples()) {
				if (!Arrays.equals(boot.encode(sample), fast.encode(sample))) {
					return null;
				}
			}
			return fast;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** Lines of every shape the fast path takes, with characters that need escaping and a fraction of a second. */
	private static List<ILoggingEvent> samples() {
		Map<String, String> mdc = new HashMap<>();
		mdc.put("bot", "\"B\u00F8t\\\u0001\t\u20AC\uD83D\uDE00\u0085");
		mdc.put("update_id", "123");
		mdc.put("chat_id", "-100");
		mdc.put("user_id", "45");
		mdc.put("handler", "StartHandler");
		LoggingEvent full = sample(Instant.ofEpochSecond(1_796_593_856L, 120_450_000), mdc);
		full.addKeyValuePair(new KeyValuePair("type", "message"));
		full.addKeyValuePair(new KeyValuePair("action", "start"));
		full.addKeyValuePair(new KeyValuePair("outcome", "done"));
		full.addKeyValuePair(new KeyValuePair("latency_ms", 12L));
		full.addKeyValuePair(new KeyValuePair("upstream_calls", 2));
		LoggingEvent bare = sample(Instant.ofEpochSecond(1_796_593_860L), Map.of());
		return List.of(full, bare);
	}

	private static LoggingEvent sample(Instant instant, Map<String, String> mdc) {
		LoggingEvent event = new LoggingEvent();
		event.setLoggerName(AccessLog.LOGGER);
		event.setLevel(Level.INFO);
		event.setThreadName("sample \"thread\"\n");
		event.setMessage("update 123 message start by user 45 in chat -100: done in 12 ms, 2 upstream calls");
		event.setInstant(instant);
		event.setMDCPropertyMap(mdc);
		return event;
	}

	/** The JSON line, or null when {@code event} holds anything but what AccessLog puts on its lines. */
	byte[] encode(ILoggingEvent event) {
		if (event.getThrowableProxy() != null || !(event.getMarkerList() == null || event.getMarkerList().isEmpty())) {
			return null;
		}
		JsonBytes json = JsonBytes.start();
		timestamp(json, event.getInstant());
		Level level = event.getLevel();
		json.raw(VERSION_AND_MESSAGE)
			.string(event.getFormattedMessage())
			.raw(LOGGER_NAME)
			.string(event.getLoggerName())
			.raw(THREAD_NAME)
			.string(event.getThreadName())
			.raw(LEVEL)
			.string(level.levelStr)
			.raw(LEVEL_VALUE)
			.number(level.levelInt);
		int seen = 0;
		Map<String, String> mdc = event.getMDCPropertyMap();
		for (Map.Entry<String, String> entry : mdc == null ? Map.<String, String>of().entrySet() : mdc.entrySet()) {
			Integer bit = BITS.get(entry.getKey());
			if (bit == null || (seen & (1 << bit)) != 0 || entry.getValue() == null) {
				return null;
			}
			seen |= 1 << bit;
			json.raw(NAMES[bit]).string(entry.getValue());
		}
		List<KeyValuePair> pairs = event.getKeyValuePairs();
		if (pairs != null) {
			for (KeyValuePair pair : pairs) {
				Integer bit = pair.key == null ? null : BITS.get(pair.key);
				if (bit == null || (seen & (1 << bit)) != 0) {
					return null;
				}
				seen |= 1 << bit;
				json.raw(NAMES[bit]);
				if (pair.value instanceof String text) {
					json.string(text);
				}
				else if (pair.value instanceof Long || pair.value instanceof Integer) {
					json.number(((Number) pair.value).longValue());
				}
				else {
					return null;
				}
			}
		}
		return json.raw(END).toByteArray();
	}

	/** {@code {"@timestamp":"2026-12-06T21:54:16.12Z}: ISO-8601 with the offset of the system's zone then. */
	private void timestamp(JsonBytes json, Instant instant) {
		Second current = second;
		if (current.epochSecond != instant.getEpochSecond()) {
			current = Second.of(instant.getEpochSecond());
			second = current;
		}
		json.raw(TIMESTAMP).raw(current.dateTime);
		if (instant.getNano() != 0) {
			json.raw('.').fraction(instant.getNano());
		}
		json.raw(current.offset);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * One second's timestamp as Boot writes it ({@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} in
	 * {@link ZoneId#systemDefault()}), cut before the offset so the fraction goes between. Offsets
	 * change only on whole seconds, and the zone is read again each new second.
	 */
	private record Second(long epochSecond, byte[] dateTime, byte[] offset) {

		static Second of(long epochSecond) {
			OffsetDateTime time = OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneId.systemDefault());
			String whole = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
			String offset = time.getOffset().getId();
			return new Second(epochSecond, ascii(whole.substring(0, whole.length() - offset.length())), ascii(offset));
		}
	}
}
