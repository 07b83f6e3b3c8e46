package io.analytips.follow;

/**
 * The bot's record in one league: its forecasts sent before kick-off and settled since, scored against what happened
 * (lower is better), beside the market's over the matches it priced.
 *
 * @param matches forecasts settled
 * @param rps the model's mean ranked probability score over them
 * @param logScore the model's mean log score (−ln of the probability given to the result)
 * @param priced how many of them the market priced
 * @param modelRpsPriced the model's mean RPS over those alone (compared like with like)
 * @param marketRps the market's mean RPS over them (its prices with the margin removed); NaN if none
 * @param modelLogPriced the model's mean log score over the priced ones
 * @param marketLogScore the market's mean log score over them; NaN if none
 */
public record LeagueRecord(int leagueId, int matches, double rps, double logScore, int priced, double modelRpsPriced,
		double marketRps, double modelLogPriced, double marketLogScore) {
}
