package io.analytips.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import io.analytips.common.Caches;
import io.analytips.football.FootballData;
import io.analytips.football.FoundTeam;
import io.analytips.football.TeamNames;
import io.analytips.football.api.Fixture;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The fixtures an inline query offers, at most {@link #MOST}: for a name, the next games of the teams it names (the
 * first {@link #MOST_TEAMS} found, else the near misses of a misspelt name), by kick-off; for an empty query, today's
 * games still to be played in the bot's leagues, leagues in menu order, then by kick-off. Each list found is
 * remembered for {@link #REMEMBERED}, so a query whose upstream is slow can still be answered with it.
 */
final class InlineFixtures {

	/** Cards in one answer. */
	static final int MOST = 10;

	/** Teams whose games one name offers. */
	static final int MOST_TEAMS = 3;

	/**
	 * How long a list found is kept for a slow upstream: longer than the football cache keeps a team's next games
	 * (an hour), since a day's fixtures rarely move; their numbers are kept apart, for less ({@link InlineOdds#KEPT}).
	 */
	static final Duration REMEMBERED = Duration.ofHours(3);

	private final TeamScreens teams;

	private final FootballData data;

	private final List<Integer> leagues;

	private final Cache<Key, List<Fixture>> remembered;

	/** One bot's query (folded: "São Paulo" and "sao paulo" are one) on one day. */
	private record Key(long bot, String query, LocalDate day) {
	}

	/** @param leagues the deployment's leagues in menu order ({@code API_FOOTBALL_LEAGUES}) */
	InlineFixtures(TeamScreens teams, FootballData data, List<Integer> leagues, Clock clock) {
		this.teams = teams;
		this.data = data;
		this.leagues = List.copyOf(leagues);
		this.remembered = Caches.on(clock).expireAfterWrite(REMEMBERED).maximumSize(10_000).build();
	}

	/**
	 * The fixtures {@code query} offers in {@code offered} leagues (the bot's choice among the deployment's), possibly
	 * none; errors with the upstream error of a read that had no cached copy. Emits once; remembers what it found.
	 */
	Mono<List<Fixture>> find(long bot, String query, List<Integer> offered) {
		Key key = key(bot, query);
		Mono<List<Fixture>> found = key.query().isEmpty() ? today(offered) : ofTeams(query);
		return found.doOnNext(fixtures -> remembered.put(key, fixtures));
	}

	/** What {@link #find} last found for the query within {@link #REMEMBERED}, if anything. */
	Optional<List<Fixture>> remembered(long bot, String query) {
		return Optional.ofNullable(remembered.getIfPresent(key(bot, query)));
	}

	/** The deployment's leagues, for {@code BotProfile#offered}. */
	List<Integer> leagues() {
		return leagues;
	}

	private Key key(long bot, String query) {
		return new Key(bot, TeamNames.fold(query == null ? "" : query), data.today());
	}

	private Mono<List<Fixture>> ofTeams(String query) {
		return teams.find(query)
			.flatMapMany(matches -> Flux.fromIterable(matches.found().isEmpty() ? matches.nearMisses() : matches.found()))
			.take(MOST_TEAMS)
			.map(FoundTeam::id)
			.flatMapSequential(team -> data.nextFixtures(team, TeamScreens.NEXT_GAMES))
			.flatMapIterable(cached -> cached.value())
			.filter(fixture -> !fixture.isFinished())
			.distinct(Fixture::id)
			.sort(Comparator.comparing(Fixture::kickoff, Comparator.nullsLast(Comparator.naturalOrder())))
			.take(MOST)
			.collectList();
	}

	private Mono<List<Fixture>> today(List<Integer> offered) {
		return data.fixturesOn(data.today()).map(cached -> cached.value()
			.stream()
			.filter(fixture -> offered.contains(fixture.league().id()) && !fixture.isFinished())
			.sorted(Comparator.comparingInt((Fixture fixture) -> offered.indexOf(fixture.league().id()))
				.thenComparing(Fixture::kickoff, Comparator.nullsLast(Comparator.naturalOrder())))
			.limit(MOST)
			.toList());
	}
}
