package io.analytips.bot;

import io.analytips.football.FixtureNotFoundException;
import reactor.core.publisher.Mono;

/**
 * What a deep link ({@link DeepLinks}) opens: a fixture's analysis menu, as browsing today's games shows it
 * ({@link BrowseHandler}), or a team's next games, as a search shows them ({@link TeamScreens}).
 */
final class DeepLinkScreens {

	private final BrowseHandler browse;

	private final TeamScreens teams;

	DeepLinkScreens(BrowseHandler browse, TeamScreens teams) {
		this.browse = browse;
		this.teams = teams;
	}

	/**
	 * The screen {@code link} opens for {@code reader} (follow buttons for {@code follower}, none if null); empty for a
	 * fixture API-Football does not know (an expired or made-up link). Errors as the screens do when upstream fails.
	 */
	Mono<Screen> open(DeepLinks.Link link, Reader reader, Follower follower) {
		return switch (link.kind()) {
			case FIXTURE -> browse.fixture(link.id(), CallbackData.TODAY, reader)
				.onErrorResume(FixtureNotFoundException.class, unknown -> Mono.empty());
			case TEAM -> teams.games(link.id(), null, reader, follower);
		};
	}
}
