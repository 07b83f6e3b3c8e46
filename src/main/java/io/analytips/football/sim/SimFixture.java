package io.analytips.football.sim;

import java.time.Instant;

import io.analytips.football.sim.data.HistoricalMatch;

/**
 * A historical match placed in the simulated present: its kick-off moved by the league's replay
 * offset; finished (with its real result) if it falls before today, not started otherwise.
 */
record SimFixture(long id, HistoricalMatch match, Instant kickoff, SimTeam home, SimTeam away, boolean finished) {
}
