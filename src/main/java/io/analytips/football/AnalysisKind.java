package io.analytips.football;

import java.util.Locale;

/** What the user asked to see. */
public enum AnalysisKind {
	FULL, GOALS, CORNERS, BTTS, RESULT;

	/** The short code used in callback data and the {@code analyses} table. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The kind for a code; null for an unknown one. */
	public static AnalysisKind of(String code) {
		for (AnalysisKind kind : values()) {
			if (kind.code().equals(code)) {
				return kind;
			}
		}
		return null;
	}

	/** Whether the analysis needs corner statistics (one call per recent match not cached yet). */
	public boolean needsCorners() {
		return this == FULL || this == CORNERS;
	}
}
