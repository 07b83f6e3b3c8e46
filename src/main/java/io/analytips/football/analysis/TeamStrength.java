package io.analytips.football.analysis;

/**
 * One team's fitted log-scale strengths: 0 is league average, a higher attack scores more and a
 * higher defence concedes more.
 */
record TeamStrength(double attack, double defence, int matches) {

	static final TeamStrength AVERAGE = new TeamStrength(0, 0, 0);
}
