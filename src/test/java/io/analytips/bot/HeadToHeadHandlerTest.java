package io.analytips.bot;

import java.util.List;

import java.time.Instant;

import io.analytips.football.api.Fixture;
import io.analytips.football.api.LeagueRef;
import io.analytips.football.api.TeamRef;
import io.analytips.support.BotTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** A fixture's head-to-head: its teams' last meetings with dates, competitions, scores and venues, and who won more. */
class HeadToHeadHandlerTest {

	private final BotTestKit kit = new BotTestKit();

	private final Messages messages = new Messages();

	private final HeadToHeadHandler h2h = new HeadToHeadHandler(kit.data, messages, new Menus(messages),
			new Leagues(messages), Readers.preferences(kit.clock), DisplayNames.AS_GIVEN);

	@AfterEach
	void close() {
		kit.close();
	}

	@Test
	void listsTheLastMeetingsMostRecentFirstWithASummaryAndComesBackToTheFixturesMenu() {
		long id = kit.football.todaysFixtureIds().get(0);
		StepVerifier.create(h2h.handle(kit.press(5, "hh:" + id + ":l:71:0", "en"))).verifyComplete();
		String screen = kit.repliesTo(5).get(0);
		assertThat(screen).startsWith("⚔️ <b>Leicester vs Chelsea</b> — head-to-head\nTheir last 2 meetings (dates in London time):")
			.contains("\n\n10/03/2025 • Premier League\nLeicester <b>1-3</b> Chelsea\n\n26/08/2024 • Premier League\n"
					+ "Chelsea <b>2-1</b> Leicester\n\n")
			.endsWith("<b>Leicester</b> won 0 • 0 draw(s) • <b>Chelsea</b> won 2");
		assertThat(kit.lastScreenData(5)).containsExactly("f:" + id + ":l:71:0", "m");
	}

	@Test
	void aMeetingShowsItsVenueInTheReadersZoneAndTheSummaryCountsWinsWhicheverSideWasAtHome() {
		Fixture next = played(1, "2026-11-23T20:00:00Z", 10, 20, null, null, null);
		List<Fixture> found = List.of(played(2, "2025-03-01T23:30:00Z", 20, 10, 0, 2, "Allianz Parque"),
				played(3, "2025-09-01T19:00:00Z", 10, 20, 1, 1, " "), played(4, "2024-05-01T19:00:00Z", 10, 20, 3, 0, "Morumbis"),
				played(5, "2026-12-01T19:00:00Z", 10, 20, null, null, null)); // not played yet: not a meeting
		String screen = h2h.screen(next, found, "f:1:t", new Reader(java.util.Locale.ENGLISH,
				java.time.ZoneId.of("America/Sao_Paulo"))).html();
		assertThat(screen).contains("Their last 3 meetings (dates in Brasília time):",
				"\n\n01/09/2025 • Brasileirão Série A\nHome FC <b>1-1</b> Away FC\n\n",
				"\n\n01/03/2025 • Brasileirão Série A\nAway FC <b>0-2</b> Home FC • 🏟 Allianz Parque\n\n",
				"\n\n01/05/2024 • Brasileirão Série A\nHome FC <b>3-0</b> Away FC • 🏟 Morumbis\n\n")
			.endsWith("<b>Home FC</b> won 2 • 1 draw(s) • <b>Away FC</b> won 0");
	}

	@Test
	void teamsThatNeverMetAreToldSoWithTheWayBack() {
		Screen screen = h2h.screen(played(1, "2026-11-23T20:00:00Z", 10, 20, null, null, null), List.of(), "f:1:l:71:0",
				new Reader(java.util.Locale.forLanguageTag("pt-BR"), java.time.ZoneId.of("America/Sao_Paulo")));
		assertThat(screen.html()).isEqualTo(
				"⚔️ <b>Home FC x Away FC</b>\n\nNão encontrei jogos anteriores entre os dois times.");
		assertThat(screen.keyboard().inlineKeyboard().get(0)).extracting(button -> button.callbackData())
			.containsExactly("f:1:l:71:0", "m");
	}

	private static Fixture played(long id, String kickoff, long home, long away, Integer homeGoals, Integer awayGoals,
			String venue) {
		return new Fixture(id, Instant.parse(kickoff), homeGoals == null ? "NS" : "FT", null,
				new LeagueRef(71, "Serie A", "Brazil", 2025, "Regular Season - 1"),
				new TeamRef(home, home == 10 ? "Home FC" : "Away FC", null),
				new TeamRef(away, away == 10 ? "Home FC" : "Away FC", null), homeGoals, awayGoals, venue, null);
	}

	@Test
	void aSecondLookAtTheSameMeetingsCostsNoUpstreamCall() {
		long id = kit.football.todaysFixtureIds().get(0);
		StepVerifier.create(h2h.handle(kit.press(5, "hh:" + id + ":l:71:0", "en"))).verifyComplete();
		long calls = kit.football.calls();
		StepVerifier.create(h2h.handle(kit.press(6, "hh:" + id + ":l:71:0", "pt-br"))).verifyComplete();
		assertThat(kit.football.calls()).isEqualTo(calls);
		assertThat(kit.repliesTo(6).get(0)).contains("Leicester x Chelsea</b> — confrontos diretos");
	}

	@Test
	void takesOnlyItsOwnButtonAndCountsAsWork() {
		long id = kit.football.todaysFixtureIds().get(0);
		assertThat(h2h.supports(kit.press(5, "hh:" + id + ":l:71:0", "en"))).isTrue();
		assertThat(h2h.supports(kit.press(5, "hh:" + id, "en"))).isTrue();
		assertThat(h2h.isNavigation(kit.press(5, "hh:" + id, "en"))).isFalse();
		assertThat(h2h.supports(kit.press(5, "hh", "en"))).isFalse();
		assertThat(h2h.supports(kit.press(5, "f:" + id, "en"))).isFalse();
		assertThat(h2h.supports(kit.command(5, "/start", "en"))).isFalse();
	}

	@Test
	void anUnknownFixtureIsOneSentenceWithTheWayBack() {
		StepVerifier.create(h2h.handle(kit.press(8, "hh:999999999:t", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(8)).singleElement().asString().contains("Jogo não encontrado");
		assertThat(kit.lastScreenData(8)).containsExactly("f:999999999:t", "m");
	}

	@Test
	void upstreamDownIsTheStandardSentenceWithTheWayBackToTheFixture() {
		long id = kit.football.todaysFixtureIds().get(0);
		kit.football.faults().quotaExhausted(true);
		StepVerifier.create(h2h.handle(kit.press(9, "hh:" + id + ":l:39:0", "en"))).verifyComplete();
		assertThat(kit.repliesTo(9)).singleElement().asString().contains(messages.get(java.util.Locale.ENGLISH, "football.quota"));
		assertThat(kit.lastScreenData(9)).containsExactly("f:" + id + ":l:39:0", "m");
	}
}
