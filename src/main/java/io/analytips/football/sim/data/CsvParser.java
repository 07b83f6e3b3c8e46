package io.analytips.football.sim.data;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 text read by Apache Commons CSV: quoted fields (with {@code ""} escapes, commas and line breaks
 * inside), CRLF, LF or CR line ends, empty lines skipped. What it leaves to us: a leading UTF-8 byte order mark,
 * which football-data's {@code BRA.csv} carries, is dropped here.
 */
final class CsvParser {

	private static final char BOM = '\uFEFF';

	/** RFC 4180, without dropping blank lines' meaning: an empty line is no record. */
	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

	private CsvParser() {
	}

	/**
	 * The records of {@code text}, each a list of raw field values; empty lines are skipped.
	 *
	 * @throws IllegalArgumentException if a quoted field is never closed
	 */
	static List<List<String>> parse(String text) {
		Objects.requireNonNull(text, "text");
		String body = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
		List<List<String>> records = new ArrayList<>();
		try (CSVParser parser = CSVParser.builder().setReader(new StringReader(body)).setFormat(FORMAT).get()) {
			for (CSVRecord record : parser) {
				records.add(List.copyOf(record.toList()));
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw new IllegalArgumentException("quoted field never closed in record " + (records.size() + 1), ex);
		}
		return records;
	}
}
