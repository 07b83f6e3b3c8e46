package io.analytips.football;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.analytips.football.api.ApiFootballProperties;
import io.analytips.football.api.ApiRequest;
import io.analytips.football.api.ApiStatus;
import io.analytips.football.api.Deadline;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.FixtureOdds;
import io.analytips.football.api.FixtureTeamStatistics;
import io.analytips.football.api.League;
import io.analytips.football.api.Page;
import io.analytips.football.api.Requests;
import io.analytips.football.api.ResilientApiFootball;
import io.analytips.football.api.StandingRow;
import io.analytips.football.api.Team;
import io.analytips.football.api.TeamStatistics;
import io.analytips.football.api.Wire;
import io.analytips.football.cache.Cached;
import io.analytips.football.cache.FootballCache;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * API-Football data as the bot uses it: every read goes through the two-tier cache (single flight,
 * stale-if-error) and comes back as {@link Cached} with its age. Bulk calls wherever the API has
 * them: one {@code /fixtures?date=} for a whole day, one {@code /fixtures?league&season} per
 * league for results, {@code /odds?league&season&date} (a league's day) page by page. Errors are
 * {@code ApiFootballException}s, only when no copy at all exists. Each read's upstream work ends within
 * the API's budget ({@link ResilientApiFootball#budget()}), or within the {@link Deadline} its caller set
 * ({@link #withinBudget}).
 */
public class FootballData {

	private final FootballCache cache;

	private final ResilientApiFootball api;

	private final ApiFootballProperties properties;

	private final Clock clock;

	/** Keyed by the identity of the cached envelope, dropped with it. */
	private final Cache<JsonNode, Parsed> parsed = Caffeine.newBuilder().weakKeys().maximumSize(2_000).build();

	public FootballData(FootballCache cache, ResilientApiFootball api, ApiFootballProperties properties, Clock clock) {
		this.cache = cache;
		this.api = api;
		this.properties = properties;
		this.clock = clock;
	}

	/** Today in the users' time zone. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone()));
	}

	public ZoneId zone() {
		return properties.timezone();
	}

	/** The day's fixtures in the leagues the bot offers, in kick-off order. */
	public Mono<Cached<List<Fixture>>> fixturesOn(LocalDate date) {
		return fixturesOn(date, Duration.ZERO);
	}

	/**
	 * {@link #fixturesOn(LocalDate)}, content with a copy younger than {@code maxAge} even once it is no longer fresh:
	 * for background work that needs kick-off times, not the minute's score, and should not spend the quota.
	 */
	public Mono<Cached<List<Fixture>>> fixturesOn(LocalDate date, Duration maxAge) {
		return read(Requests.fixturesOn(date, zone()), Wire::fixtures, maxAge)
			.map(cached -> cached.map(fixtures -> fixtures.stream()
				.filter(f -> properties.leagues().isEmpty() || properties.leagues().contains(f.league().id()))
				.sorted(Comparator.comparing(Fixture::kickoff))
				.toList()));
	}

	/**
	 * A fixture by id; empty if API-Football does not know it. One of today's is taken from the
	 * day's fixtures (the bulk read every visit makes anyway: no call of its own, where a read by id
	 * cost one call per fixture every 10 minutes); any other is read by id.
	 */
	public Mono<Cached<Fixture>> fixture(long id) {
		Mono<Cached<Fixture>> today = fixturesOn(today())
			.onErrorResume(error -> Mono.empty()) // the read by id has its own copy, or says why not
			.flatMap(cached -> Mono.justOrEmpty(cached.value().stream().filter(f -> f.id() == id).findFirst()
				.map(found -> cached.map(list -> found))));
		return today.switchIfEmpty(Mono.defer(() -> read(Requests.fixture(id), Wire::fixtures)
			.flatMap(cached -> cached.value().isEmpty() ? Mono.empty() : Mono.just(cached.map(list -> list.get(0))))));
	}

	/** A league's season: finished matches with results and those still to play. */
	public Mono<Cached<List<Fixture>>> season(int league, int season) {
		return read(Requests.fixturesOfSeason(league, season), Wire::fixtures);
	}

	/**
	 * The league as API-Football describes it, with its current season (the start year: 2024 for 2024/25); empty when
	 * API-Football does not know it or marks no season current. Every league's is in one
	 * {@code /leagues?current=true} a day (cached 24 h), shared with the team search.
	 */
	public Mono<Cached<League>> league(int id) {
		return read(Requests.currentLeagues(), Wire::leagues).flatMap(cached -> Mono.justOrEmpty(cached.value().stream()
			.filter(found -> found.id() == id && found.currentSeason() != null)
			.findFirst()
			.map(found -> cached.map(all -> found))));
	}

	public Mono<Cached<List<StandingRow>>> standings(int league, int season) {
		return read(Requests.standings(league, season), Wire::standings);
	}

	public Mono<Cached<TeamStatistics>> teamStatistics(int league, int season, long team) {
		return read(Requests.teamStatistics(league, season, team), Wire::teamStatistics)
			.filter(cached -> cached.value() != null);
	}

	public Mono<Cached<List<Team>>> searchTeams(String query) {
		return read(Requests.teamSearch(query), Wire::teams);
	}

	/**
	 * The league's current season as API-Football marks it, from {@code /leagues?current=true} (one call
	 * a day for every league); empty when it marks none (or does not know the league).
	 */
	Mono<Integer> currentSeason(int league) {
		return league(league).map(cached -> cached.value().currentSeason());
	}

	/**
	 * The league's teams in its current season ({@code /teams?league&season}, fresh for a day); empty when
	 * API-Football marks no current season for it.
	 */
	Mono<Cached<List<Team>>> teamsOf(int league) {
		return currentSeason(league).flatMap(season -> read(Requests.teamsOf(league, season), Wire::teams));
	}

	public Mono<Cached<List<Fixture>>> nextFixtures(long team, int count) {
		return read(Requests.nextFixtures(team, count, zone()), Wire::fixtures);
	}

	public Mono<Cached<List<Fixture>>> headToHead(long home, long away, int last) {
		return read(Requests.headToHead(home, away, last), Wire::fixtures);
	}

	public Mono<Cached<List<FixtureTeamStatistics>>> fixtureStatistics(long fixture) {
		return read(Requests.fixtureStatistics(fixture), Wire::fixtureStatistics);
	}

	/**
	 * Many fixtures by id, as API-Football has them now ({@code /fixtures?ids=}, 20 a call, a copy at most a minute old
	 * while any of them is not over): the result watch's read of the followed fixtures. Those API-Football does not know
	 * are left out. Errors with the {@code ApiFootballException} of a call that failed without a copy.
	 */
	public Mono<List<Fixture>> fixtures(List<Long> ids) {
		return Flux.fromIterable(chunks(ids))
			.concatMap(chunk -> read(Requests.fixturesWithDetails(chunk), Wire::fixtures))
			.concatMapIterable(Cached::value)
			.collectList();
	}

	private static List<List<Long>> chunks(List<Long> ids) {
		List<List<Long>> chunks = new ArrayList<>();
		for (int i = 0; i < ids.size(); i += 20) {
			chunks.add(ids.subList(i, Math.min(ids.size(), i + 20)));
		}
		return chunks;
	}

	/**
	 * The statistics of many fixtures in bulk ({@code /fixtures?ids=}, 20 a call): by fixture id,
	 * an empty list where API-Football has none.
	 */
	public Mono<Cached<Map<Long, List<FixtureTeamStatistics>>>> statisticsOf(List<Long> fixtures) {
		return Flux.fromIterable(chunks(fixtures))
			.concatMap(chunk -> read(Requests.fixturesWithDetails(chunk), Wire::embeddedStatistics))
			.reduce((a, b) -> a.combine(b, (x, y) -> {
				Map<Long, List<FixtureTeamStatistics>> all = new LinkedHashMap<>(x);
				all.putAll(y);
				return all;
			}));
	}

	/**
	 * A fixture's pre-match odds, from the bulk pages of its league's day (API-Football's narrowest bulk
	 * query: league, season and date; 10 fixtures a page, each page cached): the pages are read in order
	 * until the fixture turns up. Empty when no bookmaker prices it.
	 */
	public Mono<Cached<FixtureOdds>> odds(Fixture fixture) {
		LocalDate day = fixture.kickoff().atZone(zone()).toLocalDate();
		return oddsPage(fixture.league().id(), fixture.league().season(), day, 1, fixture.id());
	}

	private Mono<Cached<FixtureOdds>> oddsPage(int league, int season, LocalDate day, int page, long fixtureId) {
		return read(Requests.oddsOn(league, season, day, page, zone()), Wire::odds).flatMap(cached -> {
			Page<FixtureOdds> odds = cached.value();
			for (FixtureOdds item : odds.items()) {
				if (item.fixtureId() == fixtureId) {
					return Mono.just(cached.map(p -> item));
				}
			}
			return odds.isLast() || odds.items().isEmpty() ? Mono.empty()
					: oddsPage(league, season, day, page + 1, fixtureId);
		});
	}

	/** {@code /status}, uncached: one attempt, for the start-up check and the admin status. */
	public Mono<ApiStatus> status() {
		return api.probe(Requests.status()).map(Wire::status);
	}

	/**
	 * {@code work} with one deadline for all its reads, {@link ResilientApiFootball#budget()} from its
	 * subscription (unless its own subscriber set an earlier one): an analysis's reads, one after the other,
	 * share one budget instead of each starting its own.
	 */
	public <T> Mono<T> withinBudget(Mono<T> work) {
		return work.contextWrite(context -> Deadline.within(context, clock, api.budget()));
	}

	private <T> Mono<Cached<T>> read(ApiRequest request, Function<JsonNode, T> parser) {
		return read(request, parser, Duration.ZERO);
	}

	private <T> Mono<Cached<T>> read(ApiRequest request, Function<JsonNode, T> parser, Duration maxAge) {
		return withinBudget(cache.get(request, api::fetch, maxAge)
			.map(cached -> cached.map(envelope -> parse(envelope, parser))));
	}

	/**
	 * Parses an answer once per cached copy: every waiter of a single flight, and every memory hit,
	 * gets the same parsed value instead of parsing (a season is 380 fixtures) on the thread that
	 * answers them all, one after the other.
	 */
	@SuppressWarnings("unchecked")
	private <T> T parse(JsonNode envelope, Function<JsonNode, T> parser) {
		Parsed memo = parsed.getIfPresent(envelope);
		if (memo != null && memo.parser() == parser) {
			return (T) memo.value();
		}
		T value = parser.apply(envelope);
		parsed.put(envelope, new Parsed(parser, value));
		return value;
	}

	/** A parsed answer and the parser that made it (a request is always read with the same one). */
	private record Parsed(Function<?, ?> parser, Object value) {
	}
}
