package io.analytips.football.analysis;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One bookmaker's decimal odds for a match. Arrays are copied in and out, so the record stays
 * immutable.
 *
 * @param bookmaker the bookmaker's name
 * @param oneXTwo home, draw, away odds, or null if not offered
 * @param overUnder total-goals line to {over, under} odds; null is read as empty
 * @param bothTeamsScore yes, no odds, or null if not offered
 */
public record BookmakerPrices(String bookmaker, double[] oneXTwo, Map<Double, double[]> overUnder,
		double[] bothTeamsScore) {

	public BookmakerPrices {
		Objects.requireNonNull(bookmaker, "bookmaker");
		oneXTwo = copy(oneXTwo, 3, "oneXTwo");
		bothTeamsScore = copy(bothTeamsScore, 2, "bothTeamsScore");
		Map<Double, double[]> lines = new TreeMap<>();
		if (overUnder != null) {
			overUnder.forEach((line, odds) -> lines.put(Objects.requireNonNull(line, "line"),
					copy(Objects.requireNonNull(odds, "overUnder odds"), 2, "overUnder " + line)));
		}
		overUnder = Collections.unmodifiableMap(lines);
	}

	/** Home, draw, away odds (a copy), or null. */
	@Override
	public double[] oneXTwo() {
		return oneXTwo == null ? null : oneXTwo.clone();
	}

	/** Line to {over, under} odds, lines ascending; the arrays are copies. */
	@Override
	public Map<Double, double[]> overUnder() {
		Map<Double, double[]> lines = new TreeMap<>();
		overUnder.forEach((line, odds) -> lines.put(line, odds.clone()));
		return lines;
	}

	/** Yes, no odds (a copy), or null. */
	@Override
	public double[] bothTeamsScore() {
		return bothTeamsScore == null ? null : bothTeamsScore.clone();
	}

	@Override
	public boolean equals(Object other) {
		if (!(other instanceof BookmakerPrices that)) {
			return false;
		}
		return bookmaker.equals(that.bookmaker) && Arrays.equals(oneXTwo, that.oneXTwo)
				&& Arrays.equals(bothTeamsScore, that.bothTeamsScore) && linesEqual(overUnder, that.overUnder);
	}

	@Override
	public int hashCode() {
		int hash = Objects.hash(bookmaker, Arrays.hashCode(oneXTwo), Arrays.hashCode(bothTeamsScore));
		for (Map.Entry<Double, double[]> line : overUnder.entrySet()) {
			hash = 31 * hash + line.getKey().hashCode() + Arrays.hashCode(line.getValue());
		}
		return hash;
	}

	@Override
	public String toString() {
		StringBuilder lines = new StringBuilder();
		overUnder.forEach((line, odds) -> lines.append(lines.length() == 0 ? "" : ", ")
			.append(line)
			.append('=')
			.append(Arrays.toString(odds)));
		return "BookmakerPrices[bookmaker=" + bookmaker + ", oneXTwo=" + Arrays.toString(oneXTwo) + ", overUnder={"
				+ lines + "}, bothTeamsScore=" + Arrays.toString(bothTeamsScore) + "]";
	}

	private static boolean linesEqual(Map<Double, double[]> a, Map<Double, double[]> b) {
		if (!a.keySet().equals(b.keySet())) {
			return false;
		}
		for (Map.Entry<Double, double[]> line : a.entrySet()) {
			if (!Arrays.equals(line.getValue(), b.get(line.getKey()))) {
				return false;
			}
		}
		return true;
	}

	private static double[] copy(double[] odds, int length, String name) {
		if (odds == null) {
			return null;
		}
		if (odds.length != length) {
			throw new IllegalArgumentException(name + " needs " + length + " odds: " + Arrays.toString(odds));
		}
		return odds.clone();
	}
}
