package io.analytips.store;

import java.lang.reflect.Array;
import java.util.List;
import java.util.function.Function;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Binds a batch of rows as one array per column, for the statements that write a whole batch at once with
 * {@code unnest($1::bigint[], $2::text[], ...)}: the n-th column becomes parameter n.
 */
final class Columns {

	private Columns() {
	}

	/** A column: its Java type (the array's element type) and how a row gives its value (null allowed). */
	record Column<R, T>(Class<T> type, Function<? super R, ? extends T> value) {
	}

	static <R> Column<R, Long> longs(Function<? super R, Long> value) {
		return new Column<>(Long.class, value);
	}

	static <R> Column<R, String> texts(Function<? super R, String> value) {
		return new Column<>(String.class, value);
	}

	/** {@code statement} with {@code columns} of {@code rows} bound, in order, from parameter 0. */
	@SafeVarargs
	static <R> DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec statement, List<R> rows,
			Column<R, ?>... columns) {
		DatabaseClient.GenericExecuteSpec bound = statement;
		for (int c = 0; c < columns.length; c++) {
			bound = bound.bind(c, array(rows, columns[c]));
		}
		return bound;
	}

	private static <R, T> Object array(List<R> rows, Column<R, T> column) {
		@SuppressWarnings("unchecked")
		T[] values = (T[]) Array.newInstance(column.type(), rows.size());
		for (int i = 0; i < values.length; i++) {
			values[i] = column.value().apply(rows.get(i));
		}
		return values;
	}
}
