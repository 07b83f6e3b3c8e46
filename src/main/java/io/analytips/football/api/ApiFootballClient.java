package io.analytips.football.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Typed API-Football calls over {@link ResilientApiFootball}, uncached (the bot goes through the
 * cache; this is the plain client, also used by tests and tools). Every method is cold and errors
 * with an {@link ApiFootballException}.
 */
public class ApiFootballClient {

	private final ResilientApiFootball api;

	public ApiFootballClient(ResilientApiFootball api) {
		this.api = api;
	}

	public Mono<ApiStatus> status() {
		return api.fetch(Requests.status()).map(Wire::status);
	}

	public Mono<List<League>> league(int id) {
		return api.fetch(Requests.league(id)).map(Wire::leagues);
	}

	public Mono<List<Team>> searchTeams(String query) {
		return api.fetch(Requests.teamSearch(query)).map(Wire::teams);
	}

	public Mono<List<Fixture>> fixturesOn(LocalDate date, ZoneId zone) {
		return fixtures(Requests.fixturesOn(date, zone));
	}

	public Mono<List<Fixture>> fixturesOfSeason(int league, int season) {
		return fixtures(Requests.fixturesOfSeason(league, season));
	}

	/** The fixture, or empty if API-Football does not know it. */
	public Mono<Fixture> fixture(long id) {
		return fixtures(Requests.fixture(id)).flatMap(list -> Mono.justOrEmpty(list.stream().findFirst()));
	}

	public Mono<List<Fixture>> nextFixtures(long team, int count, ZoneId zone) {
		return fixtures(Requests.nextFixtures(team, count, zone));
	}

	public Mono<List<Fixture>> lastFixtures(long team, int count) {
		return fixtures(Requests.lastFixtures(team, count));
	}

	public Mono<List<Fixture>> headToHead(long home, long away, int last) {
		return fixtures(Requests.headToHead(home, away, last));
	}

	public Mono<List<FixtureTeamStatistics>> fixtureStatistics(long fixture) {
		return api.fetch(Requests.fixtureStatistics(fixture)).map(Wire::fixtureStatistics);
	}

	public Mono<List<StandingRow>> standings(int league, int season) {
		return api.fetch(Requests.standings(league, season)).map(Wire::standings);
	}

	/** The team's season statistics, or empty when API-Football has none. */
	public Mono<TeamStatistics> teamStatistics(int league, int season, long team) {
		return api.fetch(Requests.teamStatistics(league, season, team)).mapNotNull(Wire::teamStatistics);
	}

	/** The fixture's odds, or empty when no bookmaker prices it. */
	public Mono<FixtureOdds> oddsForFixture(long fixture) {
		return api.fetch(Requests.oddsForFixture(fixture))
			.map(Wire::odds)
			.flatMap(page -> Mono.justOrEmpty(page.items().stream().findFirst()));
	}

	/** Every fixture's odds in a league on a day, page after page (10 fixtures a page). */
	public Flux<FixtureOdds> oddsOn(int league, int season, LocalDate date, ZoneId zone) {
		return page(league, season, date, 1, zone)
			.expand(page -> page.isLast() ? Mono.empty() : page(league, season, date, page.current() + 1, zone))
			.concatMapIterable(Page::items);
	}

	private Mono<Page<FixtureOdds>> page(int league, int season, LocalDate date, int page, ZoneId zone) {
		return api.fetch(Requests.oddsOn(league, season, date, page, zone)).map(Wire::odds);
	}

	private Mono<List<Fixture>> fixtures(ApiRequest request) {
		return api.fetch(request).map(Wire::fixtures);
	}

	/** The raw envelope of any request (for the cache). */
	public Mono<JsonNode> raw(ApiRequest request) {
		return api.fetch(request);
	}
}
