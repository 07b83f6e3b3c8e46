package io.analytips.common;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the offline demo shows as "today": which real day each league's games are replayed from,
 * so the person trying it is told that the games are years old (and which ones).
 */
public interface DemoToday {

	/** By league, in display order: the real day replayed today. */
	Map<String, LocalDate> replayedDays();
}
