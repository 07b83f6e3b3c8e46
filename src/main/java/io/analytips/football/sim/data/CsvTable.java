package io.analytips.football.sim.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/** A parsed CSV file with a header line: its data rows, read by column name. Rows of blank cells are dropped. */
final class CsvTable {

	private final String name;

	private final Map<String, Integer> columns = new HashMap<>();

	private final List<CsvRow> rows;

	private CsvTable(String name, List<List<String>> records) {
		this.name = name;
		List<String> header = records.isEmpty() ? List.of() : records.get(0);
		for (int i = 0; i < header.size(); i++) {
			columns.putIfAbsent(header.get(i).trim(), i);
		}
		// Record numbers count the header as 1, so that messages point at the line a reader would look for.
		this.rows = IntStream.range(1, records.size())
			.filter(i -> !records.get(i).stream().allMatch(String::isBlank))
			.mapToObj(i -> new CsvRow(this, i + 1, records.get(i)))
			.toList();
	}

	/**
	 * Parses {@code text}; the first record is the header.
	 *
	 * @param name the file name, used in error messages
	 */
	static CsvTable parse(String name, String text) {
		Objects.requireNonNull(name, "name");
		return new CsvTable(name, CsvParser.parse(text));
	}

	String name() {
		return name;
	}

	List<CsvRow> rows() {
		return rows;
	}

	/** The position of {@code column} in the header, or -1 if the file has no such column. */
	int indexOf(String column) {
		return columns.getOrDefault(column, -1);
	}
}
