package io.analytips.football.sim.data;

/**
 * One side's statistics in a match. Every field is {@code null} when the source does not give it:
 * the Premier League files have no offsides or possession, for example.
 *
 * @param shots total shots
 * @param shotsOnTarget shots on target
 * @param fouls fouls committed
 * @param corners corner kicks won
 * @param yellowCards yellow cards
 * @param redCards red cards
 * @param offsides offsides
 * @param possession ball possession in percent (0–100)
 */
public record MatchStats(Integer shots, Integer shotsOnTarget, Integer fouls, Integer corners, Integer yellowCards,
		Integer redCards, Integer offsides, Integer possession) {
}
