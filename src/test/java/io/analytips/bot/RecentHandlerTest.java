package io.analytips.bot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.analytips.football.api.Fixture;
import io.analytips.store.AnalysisRepository;
import io.analytips.store.DatabaseUrl;
import io.analytips.store.StoredAnalysis;
import io.analytips.support.BotTestKit;
import io.analytips.support.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** 📜 My analyses: dated, each reopening what was said, with the result once played and the chance given to it. */
class RecentHandlerTest {

	private final BotTestKit kit = new BotTestKit();

	private final DatabaseUrl url = TestDatabase.migrated();

	private final ConnectionPool pool = TestDatabase.pool(url);

	private final AnalysisRepository history = new AnalysisRepository(TestDatabase.client(pool), kit.clock,
			TestDatabase.CALL_TIMEOUT);

	private final Messages messages = new Messages();

	private final RecentHandler recent = new RecentHandler(history, kit.data, messages, new Menus(messages),
			Readers.preferences(kit.clock), DisplayNames.AS_GIVEN);

	@AfterEach
	void close() {
		pool.dispose();
		kit.close();
	}

	/** A fixture of the simulated season: played before today, or still to come. */
	private Fixture fixture(boolean played) {
		List<Fixture> season = kit.data.season(71, 2023).block().value();
		return season.stream()
			.filter(f -> played ? f.isFinished() : f.isUpcoming() && f.kickoff().isAfter(kit.clock.instant()))
			.findFirst()
			.orElseThrow();
	}

	private long store(long user, Fixture f, String html, Instant at) {
		String payload = "{\"result\":{\"home\":0.47,\"draw\":0.28,\"away\":0.25}}";
		return history.save(0, new StoredAnalysis(0, user, f.id(), "full", f.home().name(), f.away().name(), f.kickoff(), at,
				60, payload, html)).block();
	}

	@Test
	void listsTheAnalysesDatedByTheirGamesNewestFirst() {
		Fixture played = fixture(true);
		Fixture coming = fixture(false);
		long first = store(5, played, "<b>then</b>", kit.clock.instant().minus(Duration.ofDays(2)));
		long second = store(5, coming, "<b>now</b>", kit.clock.instant());

		StepVerifier.create(recent.handle(kit.press(5, "r", "pt-br"))).verifyComplete();

		assertThat(kit.repliesTo(5)).singleElement().asString().contains("Suas análises recentes", "relê-la");
		assertThat(kit.lastScreenButtons(5)).hasSize(4).element(0).asString()
			.matches("\\d\\d/\\d\\d " + coming.home().name() + " x " + coming.away().name() + " • análise completa");
		assertThat(kit.lastScreenData(5)).containsExactly("ra:" + second, "ra:" + first, "m", "m");
	}

	@Test
	void reopensAPlayedAnalysisWithItsResultAndTheChanceTheBotHadGivenIt() {
		Fixture played = fixture(true);
		long id = store(6, played, "⚽ <b>as read then</b>", kit.clock.instant().minus(Duration.ofDays(3)));

		StepVerifier.create(recent.handle(kit.press(6, "ra:" + id, "pt-br"))).verifyComplete();

		String shown = kit.repliesTo(6).get(0);
		int home = played.homeGoals();
		int away = played.awayGoals();
		String said = home > away ? "A análise dava 47% de chance para vitória do " + played.home().name()
				: home < away ? "A análise dava 25% de chance para vitória do " + played.away().name()
						: "A análise dava 28% de chance para empate";
		assertThat(shown).startsWith("📜 <b>Sua análise de ").contains("(análise completa)", "⚽ <b>as read then</b>",
				"🏁 Resultado final: " + played.home().name() + " " + home + "-" + away + " " + played.away().name(), said);
		assertThat(kit.lastButtonsTo(6)).contains("🔄 Analisar de novo", "⬅️ Voltar");
		assertThat(kit.lastScreenData(6)).contains("f:" + played.id() + ":r", "r");
	}

	@Test
	void reopensAnAnalysisOfAGameStillToComeSayingSo() {
		long id = store(7, fixture(false), "<b>soon</b>", kit.clock.instant());
		StepVerifier.create(recent.handle(kit.press(7, "ra:" + id, "en"))).verifyComplete();
		assertThat(kit.repliesTo(7).get(0)).contains("Your analysis of", "<b>soon</b>", "has not been played yet");
	}

	@Test
	void anotherUsersAnalysisIsNotShown() {
		long id = store(8, fixture(true), "<b>secret</b>", kit.clock.instant());
		StepVerifier.create(recent.handle(kit.press(9, "ra:" + id, "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(9)).singleElement().asString().contains("não está mais guardada").doesNotContain("secret");
	}

	@Test
	void aUserWithoutAnalysesIsToldSo() {
		StepVerifier.create(recent.handle(kit.press(10, "r", "en"))).verifyComplete();
		assertThat(kit.repliesTo(10)).singleElement().asString().contains("not asked for any analysis yet");
	}
}
