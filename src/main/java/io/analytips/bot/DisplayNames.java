package io.analytips.bot;

/** How a team is named on screen: the name fans write (with its accents), for the name API-Football gives. */
@FunctionalInterface
interface DisplayNames {

	/** API-Football's names as they are. */
	DisplayNames AS_GIVEN = name -> name;

	/** The display name of the team API-Football calls {@code apiName}; {@code apiName} itself when none is known. */
	String display(String apiName);
}
