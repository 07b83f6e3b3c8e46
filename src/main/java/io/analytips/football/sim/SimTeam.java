package io.analytips.football.sim;

/** A team of the simulated world, with the id the simulator gives it. */
record SimTeam(long id, String name, String country, int leagueId) {
}
