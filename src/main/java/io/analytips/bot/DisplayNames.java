package io.analytips.bot;

/** How a team is named on screen: the name fans write (with its accents), for the name API-Football gives. */
@FunctionalInterface
interface DisplayNames {

	/** API-Football's names as they are. */
	DisplayNames AS_GIVEN = name -> name;

	/** The display name of the team API-Football calls {@code apiName}; {@code apiName} itself when none is known. */
	String display(String apiName);

	/**
	 * The name to show where at most {@code width} characters fit: the display name if it fits, else a shorter
	 * name fans know, else the display name cut with a dot. By default only the cut.
	 */
	default String display(String apiName, int width) {
		String shown = display(apiName);
		return shown.length() <= width ? shown : shown.substring(0, width - 1).strip() + ".";
	}
}
