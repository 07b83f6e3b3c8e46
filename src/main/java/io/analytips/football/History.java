package io.analytips.football;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.analytips.football.analysis.ExpectedGoals;
import io.analytips.football.analysis.MatchResult;
import io.analytips.football.api.Fixture;

/** What finished fixtures before a kick-off say: results for the model, form, head-to-head, recent matches. */
final class History {

	private final List<Fixture> finished;

	private final ZoneId zone;

	/** The finished fixtures among {@code fixtures} that kicked off before {@code before}, most recent first. */
	History(List<Fixture> fixtures, Instant before, ZoneId zone) {
		this.finished = fixtures.stream()
			.filter(Fixture::isFinished)
			.filter(f -> f.homeGoals() != null && f.awayGoals() != null)
			.filter(f -> f.kickoff().isBefore(before))
			.sorted(Comparator.comparing(Fixture::kickoff).reversed())
			.toList();
		this.zone = zone;
	}

	/** The results, each with the goals its market prices implied when {@code implied} has them. */
	List<MatchResult> results(Map<Long, ExpectedGoals> implied) {
		return finished.stream()
			.filter(f -> f.home().id() != f.away().id())
			.map(f -> new MatchResult(f.home().id(), f.away().id(), f.homeGoals(), f.awayGoals(),
					f.kickoff().atZone(zone).toLocalDate(), implied.get(f.id())))
			.toList();
	}

	/** The ids of the finished fixtures. */
	List<Long> fixtureIds() {
		return finished.stream().map(Fixture::id).toList();
	}

	/** A team's last {@code count} finished matches, most recent first. */
	List<Fixture> lastOf(long team, int count) {
		return of(team).limit(count).toList();
	}

	/** A team's last results as W/D/L, most recent first. */
	String form(long team, int count) {
		StringBuilder form = new StringBuilder();
		of(team).limit(count).forEach(f -> {
			int scored = f.home().id() == team ? f.homeGoals() : f.awayGoals();
			int conceded = f.home().id() == team ? f.awayGoals() : f.homeGoals();
			form.append(scored > conceded ? 'W' : scored == conceded ? 'D' : 'L');
		});
		return form.toString();
	}

	/** Previous meetings of the two teams, most recent first. */
	List<Fixture> headToHead(long a, long b, int count) {
		return finished.stream()
			.filter(f -> (f.home().id() == a && f.away().id() == b) || (f.home().id() == b && f.away().id() == a))
			.limit(count)
			.toList();
	}

	private Stream<Fixture> of(long team) {
		return finished.stream().filter(f -> f.home().id() == team || f.away().id() == team);
	}
}
