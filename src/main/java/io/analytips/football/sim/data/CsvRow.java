package io.analytips.football.sim.data;

import java.util.List;

/**
 * One data row of a {@link CsvTable}, read by column name. A missing column, a blank cell and, for numbers,
 * the string {@code None} (how adaoduque's files write a missing statistic) all read as {@code null}.
 */
final class CsvRow {

	private final CsvTable table;

	private final int record;

	private final List<String> values;

	CsvRow(CsvTable table, int record, List<String> values) {
		this.table = table;
		this.record = record;
		this.values = values;
	}

	/** The trimmed cell, or {@code null} if blank or absent. */
	String text(String column) {
		int index = table.indexOf(column);
		if (index < 0 || index >= values.size()) {
			return null;
		}
		String value = values.get(index).trim();
		return value.isEmpty() ? null : value;
	}

	/** The trimmed cell; fails naming the file, record and column if it is blank or absent. */
	String required(String column) {
		String value = text(column);
		if (value == null) {
			throw malformed(column, "is blank");
		}
		return value;
	}

	/** The cell as a whole number, or {@code null}; a trailing percent sign ({@code 59%}) is dropped. */
	Integer integer(String column) {
		String value = number(column);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value.endsWith("%") ? value.substring(0, value.length() - 1) : value);
		}
		catch (NumberFormatException ex) {
			throw malformed(column, "is not a whole number: " + value);
		}
	}

	/** The cell as a whole number; fails if it is blank. */
	int requiredInteger(String column) {
		Integer value = integer(column);
		if (value == null) {
			throw malformed(column, "is blank");
		}
		return value;
	}

	/** The cell as a decimal number, or {@code null}. */
	Double decimal(String column) {
		String value = number(column);
		try {
			return value == null ? null : Double.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw malformed(column, "is not a number: " + value);
		}
	}

	/** A failure naming where the bad cell is, so a broken data file can be fixed without a debugger. */
	IllegalStateException malformed(String column, String problem) {
		return new IllegalStateException(table.name() + " record " + record + ": " + column + " " + problem);
	}

	private String number(String column) {
		String value = text(column);
		return "None".equals(value) ? null : value;
	}
}
