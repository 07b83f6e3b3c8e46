package io.analytips.football;

/** The fixture is unknown to API-Football (an old button, a typo in an id). */
public final class FixtureNotFoundException extends RuntimeException {

	public FixtureNotFoundException(long fixtureId) {
		super("fixture " + fixtureId + " not found");
	}
}
