package io.analytips.bot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.analytips.football.api.Fixture;
import io.analytips.football.api.LeagueRef;
import io.analytips.football.api.TeamRef;
import io.analytips.store.Alert;
import io.analytips.store.Forecast;
import io.analytips.store.Subscriber;
import io.analytips.store.WatchedFixture;
import io.analytips.telegram.model.SendMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The alerts' words in both languages and in two zones, at fixed instants. */
class AlertScreensTest {

	private static final Instant KICKOFF = Instant.parse("2024-11-23T19:00:00Z");

	/** Half past midnight in London is still the evening before in Brasília. */
	private static final Instant LATE_KICKOFF = Instant.parse("2024-11-24T00:30:00Z");

	private static final Subscriber PT_BRASILIA = Subscriber.of(7, "pt-BR", "America/Sao_Paulo");

	private static final Subscriber EN_LONDON = Subscriber.of(8, "en", "Europe/London");

	private final Messages messages = new Messages();

	private final AlertScreens alerts = new AlertScreens(messages, new Leagues(messages),
			name -> name.equals("Sao Paulo") ? "São Paulo" : name);

	private static WatchedFixture fixture(Instant kickoff, String status, Integer home, Integer away) {
		return new WatchedFixture(1001, 71, 2024, 121, 128, "Palmeiras", "Sao Paulo", kickoff, status, home, away, null);
	}

	private static Forecast forecast(Double over25, boolean market, Integer home, Integer away) {
		return new Forecast(1001, 71, KICKOFF, KICKOFF.minusSeconds(3600), 0.52, 0.27, 0.21, over25,
				market ? 1.80 : null, market ? 3.60 : null, market ? 4.80 : null, market ? "Pinnacle" : null, home, away);
	}

	private static Alert alert(Subscriber reader, Alert.Kind kind, Instant due) {
		return new Alert(42, kind == Alert.Kind.DIGEST ? LocalDate.of(2024, 11, 23).toEpochDay() : 1001, kind, due, reader);
	}

	@Test
	void beforeKickOffSaysTheGameTheTimeTodayInTheReadersZoneAndTheForecastInThreeLines() {
		SendMessage pt = alerts.before(alert(PT_BRASILIA, Alert.Kind.BEFORE, KICKOFF.minusSeconds(3600)),
				fixture(KICKOFF, "NS", null, null), forecast(0.51, true, null, null));
		SendMessage en = alerts.before(alert(EN_LONDON, Alert.Kind.BEFORE, KICKOFF.minusSeconds(3600)),
				fixture(KICKOFF, "NS", null, null), forecast(0.51, true, null, null));

		assertThat(pt.chatId()).isEqualTo(7);
		assertThat(pt.text()).isEqualTo("""
				⏰ <b>Palmeiras x São Paulo</b>
				Brasileirão Série A • hoje 16:00 (Brasília)

				📊 Palmeiras 52% • Empate 27% • São Paulo 21%
				🥅 Mais de 2,5 gols: 51% • Menos: 49%
				🔎 Favorito: Palmeiras.""");
		assertThat(en.text()).isEqualTo("""
				⏰ <b>Palmeiras vs São Paulo</b>
				Brasileirão Série A • today 19:00 (London)

				📊 Palmeiras 52% • Draw 27% • São Paulo 21%
				🥅 Over 2.5 goals: 51% • Under: 49%
				🔎 Favourite: Palmeiras.""");
		assertThat(pt.replyMarkup().inlineKeyboard()).singleElement().satisfies(row -> assertThat(row).singleElement()
			.satisfies(button -> assertThat(button.callbackData()).isEqualTo("f:1001")));
		assertThat(en.replyMarkup().inlineKeyboard().get(0).get(0).text()).isEqualTo("📊 See the analysis");
	}

	@Test
	void aKickOffOnAnotherDayInTheReadersZoneShowsTheDayAndWithoutAForecastTheAlertSaysTheKickOffAlone() {
		Instant due = LATE_KICKOFF.minusSeconds(3600);
		SendMessage pt = alerts.before(alert(PT_BRASILIA, Alert.Kind.BEFORE, due), fixture(LATE_KICKOFF, "NS", null, null),
				null);
		SendMessage en = alerts.before(alert(EN_LONDON, Alert.Kind.BEFORE, due), fixture(LATE_KICKOFF, "NS", null, null),
				null);

		assertThat(pt.text()).isEqualTo("⏰ <b>Palmeiras x São Paulo</b>\nBrasileirão Série A • hoje 21:30 (Brasília)");
		assertThat(en.text()).isEqualTo("⏰ <b>Palmeiras vs São Paulo</b>\nBrasileirão Série A • 24/11 00:30 (London)");
	}

	@Test
	void anEvenGameOrADrawAheadIsSaidPlainlyAndAMissingGoalsForecastIsLeftOut() {
		Forecast even = new Forecast(1001, 71, KICKOFF, KICKOFF, 0.40, 0.32, 0.28, null, null, null, null, null, null, null);
		Forecast draw = new Forecast(1001, 71, KICKOFF, KICKOFF, 0.30, 0.40, 0.30, 0.4, null, null, null, null, null, null);
		Alert alert = alert(PT_BRASILIA, Alert.Kind.BEFORE, KICKOFF);

		assertThat(alerts.before(alert, fixture(KICKOFF, "NS", null, null), even).text())
			.endsWith("São Paulo 28%\n🔎 Jogo equilibrado: ninguém passa de 50%.");
		assertThat(alerts.before(alert(EN_LONDON, Alert.Kind.BEFORE, KICKOFF), fixture(KICKOFF, "NS", null, null), draw)
			.text()).endsWith("🥅 Over 2.5 goals: 40% • Under: 60%\n🔎 A draw is the likeliest result.");
	}

	@Test
	void theResultSaysTheScoreAndWhatTheForecastAndTheMarketGaveIt() {
		WatchedFixture ended = fixture(KICKOFF, "FT", 1, 1);
		Instant due = KICKOFF.plusSeconds(7200);

		assertThat(alerts.result(alert(PT_BRASILIA, Alert.Kind.RESULT, due), ended, forecast(0.51, true, 1, 1)).text())
			.isEqualTo("🏁 <b>Palmeiras 1 x 1 São Paulo</b>\nBrasileirão Série A\n\n"
					+ "A previsão dava 27% para empate; o mercado, 26%.");
		assertThat(alerts.result(alert(EN_LONDON, Alert.Kind.RESULT, due), fixture(KICKOFF, "FT", 0, 2),
				forecast(0.51, false, 0, 2)).text())
			.isEqualTo("🏁 <b>Palmeiras 0-2 São Paulo</b>\nBrasileirão Série A\n\nThe forecast gave 21% to a São Paulo win.");
	}

	@Test
	void withoutAForecastTheResultIsTheScoreAlone() {
		SendMessage pt = alerts.result(alert(PT_BRASILIA, Alert.Kind.RESULT, KICKOFF), fixture(KICKOFF, "AET", 3, 2), null);
		SendMessage en = alerts.result(alert(EN_LONDON, Alert.Kind.RESULT, KICKOFF), fixture(KICKOFF, "PEN", 3, 2), null);

		assertThat(pt.text()).isEqualTo("🏁 <b>Palmeiras 3 x 2 São Paulo</b>\nBrasileirão Série A");
		assertThat(en.text()).isEqualTo("🏁 <b>Palmeiras 3-2 São Paulo</b>\nBrasileirão Série A");
		assertThat(pt.replyMarkup()).isNull();
	}

	@Test
	void aMatchCalledOffIsOneSentenceForEachStatus() {
		Alert pt = alert(PT_BRASILIA, Alert.Kind.NOTICE, KICKOFF);
		Alert en = alert(EN_LONDON, Alert.Kind.NOTICE, KICKOFF);

		assertThat(alerts.notice(pt, fixture(KICKOFF, "PST", null, null)).text())
			.isEqualTo("⚠️ <b>Palmeiras x São Paulo</b> (Brasileirão Série A) foi adiado.");
		assertThat(alerts.notice(en, fixture(KICKOFF, "PST", null, null)).text())
			.isEqualTo("⚠️ <b>Palmeiras vs São Paulo</b> (Brasileirão Série A) has been postponed.");
		assertThat(alerts.notice(pt, fixture(KICKOFF, "CANC", null, null)).text()).endsWith("foi cancelado.");
		assertThat(alerts.notice(en, fixture(KICKOFF, "ABD", null, null)).text()).endsWith("was abandoned before the end.");
		assertThat(alerts.notice(pt, fixture(KICKOFF, "SUSP", null, null)).text()).endsWith("foi suspenso.");
		assertThat(alerts.notice(en, fixture(KICKOFF, "INT", null, null)).text()).endsWith("has been interrupted.");
		assertThat(alerts.notice(pt, fixture(KICKOFF, "AWD", null, null)).text()).endsWith("decidido fora de campo.");
		assertThat(alerts.notice(en, fixture(KICKOFF, "WO", null, null)).text()).endsWith("one team did not play.");
		assertThat(alerts.notice(pt, fixture(KICKOFF, "TBD", null, null)).text()).endsWith("não vai acontecer como marcado.");
	}

	@Test
	void theDigestListsTheDaysGamesInTheReadersZoneWithAButtonEach() {
		List<Fixture> games = List.of(game(1, KICKOFF, "Palmeiras", "Sao Paulo", 71),
				game(2, LATE_KICKOFF, "Brighton & Hove", "Chelsea", 39));
		Instant due = Instant.parse("2024-11-23T12:00:00Z");

		SendMessage pt = alerts.digest(alert(PT_BRASILIA, Alert.Kind.DIGEST, due), games);
		SendMessage en = alerts.digest(alert(EN_LONDON, Alert.Kind.DIGEST, due), games);

		assertThat(pt.text()).isEqualTo("""
				📰 <b>Seus jogos de hoje</b> (23/11)
				Horário de Brasília

				16:00 Palmeiras x São Paulo — Brasileirão Série A
				21:30 Brighton &amp; Hove x Chelsea — Premier League""");
		assertThat(en.text()).isEqualTo("""
				📰 <b>Your games today</b> (23/11)
				London time

				19:00 Palmeiras vs São Paulo — Brasileirão Série A
				24/11 00:30 Brighton &amp; Hove vs Chelsea — Premier League""");
		assertThat(pt.replyMarkup().inlineKeyboard()).extracting(row -> row.get(0).callbackData()).containsExactly("f:1", "f:2");
	}

	private static Fixture game(long id, Instant kickoff, String home, String away, int league) {
		return new Fixture(id, kickoff, "NS", null, new LeagueRef(league, "x", "x", 2024, null), new TeamRef(id * 10, home, null),
				new TeamRef(id * 10 + 1, away, null), null, null, null, null);
	}
}
