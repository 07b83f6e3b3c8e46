package io.analytips.football.analysis;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link ValueRule} of each league, by API-Football's league id: each chosen by the backtest of that league's
 * own flags on its own seasons, so a screen never shows one league's track record for another's match.
 *
 * <p>A league no backtest has judged gets {@link ValueRule#untested}: it calls nothing value and has no track
 * record. Its plausibility cap is the strictest (smallest) cap of the leagues that have a backtest. The cap is
 * the edge above which the model's claim is no longer believed against a sharp book, and no backtest has found the
 * model more believable in one league than its cap says; a league without one has no evidence either way, and the
 * model there is fitted with settings tuned elsewhere, so its cautions start no later than those of any league
 * measured.
 */
public final class ValueRules {

	private final Map<Integer, ValueRule> byLeague;

	private final ValueRule untested;

	/**
	 * @param byLeague each backtested league's rule, by API-Football league id
	 * @throws IllegalArgumentException if there is none: an untested league's cap comes from the tested ones
	 */
	public ValueRules(Map<Integer, ValueRule> byLeague) {
		Objects.requireNonNull(byLeague, "byLeague");
		if (byLeague.isEmpty()) {
			throw new IllegalArgumentException("need the rule of at least one backtested league");
		}
		this.byLeague = Map.copyOf(byLeague);
		this.untested = ValueRule.untested(byLeague.values().stream().mapToDouble(ValueRule::maxEdge).min().orElseThrow());
	}

	/** The league's own rule, or {@link #untested()} for a league without a backtest. */
	public ValueRule forLeague(int leagueId) {
		return byLeague.getOrDefault(leagueId, untested);
	}

	/** The leagues that have their own rule. */
	public Set<Integer> leagues() {
		return byLeague.keySet();
	}

	/** The rule of a league without a backtest: nothing flagged, no track record, the strictest cap. */
	public ValueRule untested() {
		return untested;
	}
}
