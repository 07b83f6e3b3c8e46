package io.analytips.football.analysis;

/** How far to trust a value bet, from how much data stands behind the model's probability. */
public enum Confidence {

	LOW, MEDIUM, HIGH;

	/** Below this many matches for the less-seen team, the strengths are mostly prior. */
	static final int MEDIUM_FROM = 8;

	/** From this many matches, about half a season, the strengths are mostly data. */
	static final int HIGH_FROM = 20;

	/** Confidence from the smaller of the two teams' match counts. */
	static Confidence of(int dataSize) {
		if (dataSize < MEDIUM_FROM) {
			return LOW;
		}
		return dataSize < HIGH_FROM ? MEDIUM : HIGH;
	}

	/** One level lower, LOW staying LOW. */
	Confidence lower() {
		return this == LOW ? LOW : values()[ordinal() - 1];
	}
}
