package io.analytips.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/** One page of a list shown as buttons, and the buttons to the pages around it. */
final class Pages<T> {

	private final List<T> all;

	private final int size;

	private final int current;

	/** Page {@code requested} of {@code all}, {@code size} a page; a page beyond the ends shows the nearest one. */
	Pages(List<T> all, int size, int requested) {
		this.all = List.copyOf(all);
		this.size = size;
		int count = Math.max(1, (all.size() + size - 1) / size);
		this.current = Math.max(0, Math.min(requested, count - 1));
	}

	int current() {
		return current;
	}

	List<T> items() {
		return all.subList(Math.min(all.size(), current * size), Math.min(all.size(), (current + 1) * size));
	}

	/** Adds a row with "previous" and "next" where there are such pages; {@code page} makes a page's button data. */
	void buttons(Keyboard keyboard, Messages messages, Locale locale, IntFunction<String> page) {
		List<String> row = new ArrayList<>();
		if (current > 0) {
			row.add(messages.get(locale, "button.previous"));
			row.add(page.apply(current - 1));
		}
		if ((current + 1) * size < all.size()) {
			row.add(messages.get(locale, "button.next"));
			row.add(page.apply(current + 1));
		}
		keyboard.row(row.toArray(String[]::new));
	}
}
