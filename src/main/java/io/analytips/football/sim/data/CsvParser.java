package io.analytips.football.sim.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 4180 reader: quoted fields (with {@code ""} escapes, commas and line breaks inside), CRLF, LF or CR
 * line ends, and a leading UTF-8 byte order mark, which football-data's {@code BRA.csv} carries.
 */
final class CsvParser {

	private static final char BOM = '\uFEFF';

	private final String text;

	private final List<List<String>> records = new ArrayList<>();

	private List<String> record = new ArrayList<>();

	private final StringBuilder field = new StringBuilder();

	/** Whether the current line has anything: an empty line is dropped, not read as one blank field. */
	private boolean lineStarted;

	private CsvParser(String text) {
		this.text = text;
	}

	/**
	 * The records of {@code text}, each a list of raw field values; empty lines are skipped.
	 *
	 * @throws IllegalArgumentException if a quoted field is never closed
	 */
	static List<List<String>> parse(String text) {
		Objects.requireNonNull(text, "text");
		return new CsvParser(text).run();
	}

	private List<List<String>> run() {
		int i = !text.isEmpty() && text.charAt(0) == BOM ? 1 : 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '"' && field.isEmpty()) {
				i = quoted(i + 1);
			}
			else if (c == ',') {
				endField();
				i++;
			}
			else if (c == '\r' || c == '\n') {
				endRecord();
				i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
			}
			else {
				// A quote inside an unquoted field breaks RFC 4180; keeping it as text is the forgiving reading.
				field.append(c);
				lineStarted = true;
				i++;
			}
		}
		endRecord();
		return records;
	}

	/** Reads a quoted field's content from {@code start} and returns the index just past its closing quote. */
	private int quoted(int start) {
		lineStarted = true;
		int i = start;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c != '"') {
				field.append(c);
				i++;
			}
			else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
				field.append('"');
				i += 2;
			}
			else {
				return i + 1;
			}
		}
		throw new IllegalArgumentException("quoted field never closed in record " + (records.size() + 1));
	}

	private void endField() {
		record.add(field.toString());
		field.setLength(0);
		lineStarted = true;
	}

	private void endRecord() {
		if (lineStarted) {
			endField();
			records.add(List.copyOf(record));
		}
		record = new ArrayList<>();
		field.setLength(0);
		lineStarted = false;
	}
}
