package io.analytips.football.api;

import java.util.List;

/** One page of a paged endpoint ({@code /odds}). */
public record Page<T>(List<T> items, int current, int total) {

	public Page {
		items = List.copyOf(items);
	}

	public boolean isLast() {
		return current >= total;
	}
}
