package io.analytips.follow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.analytips.football.FootballData;
import io.analytips.football.api.Fixture;
import io.analytips.football.cache.Cached;
import io.analytips.store.Alert;
import io.analytips.store.FollowRepository;
import io.analytips.store.Followed;
import io.analytips.telegram.model.SendMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A chat's daily digest: the games of its day (in its own zone) of the teams and leagues it follows, from the days'
 * bulk reads (cached, shared with every other use).
 */
final class Digests {

	private final FootballData data;

	private final FollowRepository follows;

	private final AlertTexts texts;

	Digests(FootballData data, FollowRepository follows, AlertTexts texts) {
		this.data = data;
		this.follows = follows;
		this.texts = texts;
	}

	/**
	 * Emits the digest of this alert's chat and day ({@link Alert#fixtureId()}: the local day's number); empty when
	 * it follows no game that day (nothing is sent); a day whose games cannot be read counts as none. Errors when the
	 * chat's follows cannot be read.
	 */
	Mono<SendMessage> of(Alert alert) {
		LocalDate day = LocalDate.ofEpochDay(alert.fixtureId());
		ZoneId zone = ZoneId.of(alert.reader().timeZone());
		return follows.following(alert.botId(), alert.chatId())
			.collect(Collectors.groupingBy(Followed::kind, Collectors.mapping(Followed::id, Collectors.toSet())))
			.flatMap(followed -> games(day, zone, followed))
			.filter(games -> !games.isEmpty())
			.map(games -> texts.digest(alert, games));
	}

	/** The games of {@code day} in {@code zone}: the bot's days around it, whose zone may differ by a day. */
	private Mono<List<Fixture>> games(LocalDate day, ZoneId zone, Map<Followed.Kind, Set<Long>> followed) {
		Set<Long> teams = followed.getOrDefault(Followed.Kind.TEAM, Set.of());
		Set<Long> leagues = followed.getOrDefault(Followed.Kind.LEAGUE, Set.of());
		return Flux.just(day.minusDays(1), day, day.plusDays(1))
			.concatMap(date -> data.fixturesOn(date).map(Cached::value).onErrorReturn(List.of()))
			.concatMapIterable(list -> list)
			.filter(fixture -> fixture.kickoff().atZone(zone).toLocalDate().equals(day))
			.filter(fixture -> teams.contains(fixture.home().id()) || teams.contains(fixture.away().id())
					|| leagues.contains((long) fixture.league().id()))
			.distinct(Fixture::id)
			.sort(Comparator.comparing(Fixture::kickoff))
			.collectList();
	}
}
