package io.analytips.football;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import io.analytips.football.TeamNames.Club;
import io.analytips.football.api.ApiFootballException;
import io.analytips.football.api.Team;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Team search that forgives: accents, case and punctuation do not matter ("sao paulo", "SÃO PAULO",
 * "nott'm forest", "man. city"), and a team is found by any of its names: API-Football's, the bundled
 * data's, the name fans write and their nicknames and abbreviations ({@link TeamNames}). In order:
 * <ol>
 * <li>the teams of the leagues the bot offers, in their current season ({@link FootballData#teamsOf}:
 * one {@code /leagues?current=true} and one {@code /teams?league&season} per league, each fresh for a
 * day), matched by {@link TeamMatcher#matching} (equal name, then start of a word, then a name inside
 * the text): "Atlético" offers Atlético-MG, Athletico-PR and Atlético-GO, "Tricolor" several clubs;</li>
 * <li>failing that, API-Football's own {@code /teams?search=} (cached a day): by the club's
 * API-Football name where the table knows the name ("Spurs" in a deployment without the Premier
 * League), by the name as typed otherwise;</li>
 * <li>failing that too, the offered teams whose names are a few edits away ({@link TeamMatcher#nearMisses}):
 * "Palmeras" → Palmeiras.</li>
 * </ol>
 * Teams are named for people ({@link TeamNames#display}).
 */
public final class TeamSearch {

	/** How many clubs of the table one name looks up upstream, at most (an alias may name several). */
	static final int MOST_CLUBS_UPSTREAM = 3;

	/** How many teams a "did you mean" offers, at most. */
	static final int MOST_NEAR_MISSES = 3;

	/** API-Football refuses shorter searches. */
	static final int SHORTEST_UPSTREAM_SEARCH = 3;

	private final FootballData data;

	private final TeamNames names;

	private final List<Integer> leagues;

	private final TeamMatcher<Club> table = new TeamMatcher<>();

	/**
	 * @param leagues the leagues offered ({@code API_FOOTBALL_LEAGUES}), in menu order: their teams come
	 *        first, in that order
	 */
	public TeamSearch(FootballData data, TeamNames names, List<Integer> leagues) {
		this.data = data;
		this.names = names;
		this.leagues = List.copyOf(leagues);
		names.clubs().forEach(club -> table.add(club, folded(club.names())));
	}

	/**
	 * The teams {@code query} names. Emits one {@link TeamMatches}, never completes empty: the teams found
	 * (offered leagues first, in menu order, then by display name), or else the near misses, or neither.
	 * A league whose teams cannot be read is left out; errors with the {@link ApiFootballException} of
	 * {@code /teams?search=} when the name has to be looked up there and no copy of the answer exists.
	 * Its reads, one after the other, share one upstream budget ({@link FootballData#withinBudget}).
	 */
	public Mono<TeamMatches> search(String query) {
		String folded = TeamNames.fold(query);
		if (folded.isEmpty()) {
			return Mono.just(TeamMatches.NONE);
		}
		return data.withinBudget(offered().flatMap(offered -> {
			TeamMatcher<FoundTeam> matcher = new TeamMatcher<>();
			offered.forEach(team -> matcher.add(found(team), namesOf(team)));
			List<FoundTeam> found = matcher.matching(folded);
			if (!found.isEmpty()) {
				return Mono.just(TeamMatches.found(found));
			}
			return upstream(query, folded).map(teams -> teams.isEmpty()
					? TeamMatches.nearMisses(matcher.nearMisses(folded, MOST_NEAR_MISSES))
					: TeamMatches.found(teams));
		}));
	}

	/** The offered leagues' teams, league by league; a league that cannot be read now is left out. */
	private Mono<List<Team>> offered() {
		return Flux.fromIterable(leagues)
			.flatMapSequential(league -> data.teamsOf(league)
				.map(cached -> cached.value().stream()
					.sorted(Comparator.comparing((Team team) -> TeamNames.display(team.name())))
					.toList())
				.onErrorResume(ApiFootballException.class, error -> Mono.empty()))
			.flatMapIterable(teams -> teams)
			.distinct(Team::id)
			.collectList();
	}

	private Mono<List<FoundTeam>> upstream(String query, String folded) {
		List<Club> clubs = table.matching(folded);
		if (!clubs.isEmpty()) {
			return Flux.fromIterable(clubs)
				.take(MOST_CLUBS_UPSTREAM)
				.concatMap(club -> data.searchTeams(searchable(club.apiName())).map(cached -> ofClub(club, cached.value())))
				.flatMapIterable(teams -> teams)
				.distinct(FoundTeam::id)
				.collectList();
		}
		String searchable = searchable(query);
		if (searchable.length() < SHORTEST_UPSTREAM_SEARCH) {
			return Mono.just(List.of());
		}
		return data.searchTeams(searchable).map(cached -> cached.value().stream().map(this::found).toList());
	}

	/** The club's teams among those a search by its name found (all of them if none is the club's own). */
	private List<FoundTeam> ofClub(Club club, List<Team> teams) {
		List<Team> own = teams.stream().filter(team -> names.club(team.name()).filter(club::equals).isPresent()).toList();
		return (own.isEmpty() ? teams : own).stream().map(this::found).toList();
	}

	private FoundTeam found(Team team) {
		return new FoundTeam(team.id(), TeamNames.display(team.name()), team.country());
	}

	private List<String> namesOf(Team team) {
		Optional<Club> club = names.club(team.name());
		Stream<String> all = club.map(Club::names).orElseGet(Stream::empty);
		return folded(Stream.concat(Stream.of(team.name()), all));
	}

	private static List<String> folded(Stream<String> names) {
		return names.map(TeamNames::fold).filter(name -> !name.isEmpty()).distinct().toList();
	}

	/**
	 * A name as sent to {@code /teams?search=}: accents off, lower case (equal searches are one cache
	 * entry), apostrophes dropped, other punctuation but hyphens made spaces ("Atletico-MG" stays whole,
	 * as API-Football spells it).
	 */
	static String searchable(String text) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT)
			.replace("'", "")
			.replace("\u2019", "");
		return plain.replaceAll("[^\\p{L}\\p{N}-]+", " ").strip();
	}
}
