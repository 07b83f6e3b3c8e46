package io.analytips.ops.logs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable, per-thread byte buffer that writes JSON values as UTF-8 exactly as Spring Boot's
 * {@code JsonValueWriter} writes them and its encoder turns them into bytes: {@code "}, {@code \},
 * backspace, form feed, new line, carriage return and tab as two-character escapes, every other ISO
 * control character (U+0000–U+001F, U+007F–U+009F) as {@code \}{@code uXXXX} in upper-case hex, the
 * rest as it is; an unpaired surrogate becomes {@code ?}, as {@link String#getBytes} makes it.
 * Numbers go as their decimal digits.
 */
final class JsonBytes {

	private static final ThreadLocal<JsonBytes> PER_THREAD = ThreadLocal.withInitial(JsonBytes::new);

	private static final int INITIAL = 512;

	/** A buffer grown past this by an unusually long line is dropped, so no thread keeps it. */
	private static final int KEPT = 64 * 1024;

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

	private byte[] bytes = new byte[INITIAL];

	private int length;

	private JsonBytes() {
	}

	/** This thread's buffer, emptied. Not to be held across calls that may use it too. */
	static JsonBytes start() {
		JsonBytes buffer = PER_THREAD.get();
		if (buffer.bytes.length > KEPT) {
			buffer.bytes = new byte[INITIAL];
		}
		buffer.length = 0;
		return buffer;
	}

	/** Bytes written as they are (ASCII punctuation and names known to need no escape). */
	JsonBytes raw(byte[] ascii) {
		room(ascii.length);
		System.arraycopy(ascii, 0, bytes, length, ascii.length);
		length += ascii.length;
		return this;
	}

	JsonBytes raw(char ascii) {
		room(1);
		bytes[length++] = (byte) ascii;
		return this;
	}

	/** {@code value} in decimal digits. */
	JsonBytes number(long value) {
		if (value == Long.MIN_VALUE) {
			return raw(LONG_MIN);
		}
		room(20);
		if (value < 0) {
			bytes[length++] = '-';
			value = -value;
		}
		int digits = 1;
		for (long rest = value / 10; rest > 0; rest /= 10) {
			digits++;
		}
		int at = length + digits;
		do {
			bytes[--at] = (byte) ('0' + (int) (value % 10));
			value /= 10;
		}
		while (value > 0);
		length += digits;
		return this;
	}

	/** The nine digits of a nano-of-second {@code nanos} (1–999 999 999) without their trailing zeros, as ISO-8601 writes a fraction. */
	JsonBytes fraction(int nanos) {
		int digits = 9;
		while (nanos % 10 == 0) {
			nanos /= 10;
			digits--;
		}
		room(digits);
		for (int at = length + digits - 1; at >= length; at--) {
			bytes[at] = (byte) ('0' + nanos % 10);
			nanos /= 10;
		}
		length += digits;
		return this;
	}

	/** {@code text} as a JSON string, quotes included. */
	JsonBytes string(String text) {
		int count = text.length();
		room(2 + 6 * count);
		bytes[length++] = '"';
		for (int i = 0; i < count; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) {
					bytes[length++] = (byte) c;
				}
				else {
					escape(c);
				}
			}
			else if (c < 0xA0) {
				unicodeEscape(c); // C1 controls
			}
			else if (c < 0x800) {
				bytes[length++] = (byte) (0xC0 | (c >> 6));
				bytes[length++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (!Character.isSurrogate(c)) {
				bytes[length++] = (byte) (0xE0 | (c >> 12));
				bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				bytes[length++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < count && Character.isLowSurrogate(text.charAt(i + 1))) {
				int point = Character.toCodePoint(c, text.charAt(++i));
				bytes[length++] = (byte) (0xF0 | (point >> 18));
				bytes[length++] = (byte) (0x80 | ((point >> 12) & 0x3F));
				bytes[length++] = (byte) (0x80 | ((point >> 6) & 0x3F));
				bytes[length++] = (byte) (0x80 | (point & 0x3F));
			}
			else {
				bytes[length++] = '?';
			}
		}
		bytes[length++] = '"';
		return this;
	}

	private void escape(char c) {
		char escaped = switch (c) {
			case '"' -> '"';
			case '\\' -> '\\';
			case '\b' -> 'b';
			case '\f' -> 'f';
			case '\n' -> 'n';
			case '\r' -> 'r';
			case '\t' -> 't';
			default -> 0;
		};
		if (escaped == 0) {
			unicodeEscape(c);
		}
		else {
			bytes[length++] = '\\';
			bytes[length++] = (byte) escaped;
		}
	}

	private void unicodeEscape(char c) {
		bytes[length++] = '\\';
		bytes[length++] = 'u';
		bytes[length++] = HEX[(c >> 12) & 0xF];
		bytes[length++] = HEX[(c >> 8) & 0xF];
		bytes[length++] = HEX[(c >> 4) & 0xF];
		bytes[length++] = HEX[c & 0xF];
	}

	/** A copy of what was written. */
	byte[] toByteArray() {
		return Arrays.copyOf(bytes, length);
	}

	private void room(int more) {
		if (length + more > bytes.length) {
			bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
		}
	}
}
