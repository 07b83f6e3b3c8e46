package io.analytips.football.sim;

import java.time.Instant;

import io.analytips.football.sim.data.HistoricalMatch;

/**
 * A historical match placed in the simulated present: its kick-off moved by the league's replay
 * offset. Where it stands (not started, in play, finished) depends on the clock at each request:
 * {@link SimulatedWorld#status}.
 */
record SimFixture(long id, HistoricalMatch match, Instant kickoff, SimTeam home, SimTeam away) {
}
