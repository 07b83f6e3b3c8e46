package io.analytips.bot;

import java.util.List;

import io.analytips.follow.LeagueRecord;
import io.analytips.follow.TrackRecords;
import io.analytips.support.BotTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /historico}: the bot's live record per league, in plain words, honest when there is none yet. */
class RecordHandlerTest {

	private final BotTestKit kit = new BotTestKit();

	private final Messages messages = new Messages();

	private Mono<List<LeagueRecord>> record = Mono.just(List.of());

	private final RecordHandler handler = new RecordHandler(new TrackRecords(null) {
		@Override
		public Mono<List<LeagueRecord>> record() {
			return record;
		}
	}, new Leagues(messages), messages, new Menus(messages), Readers.preferences(kit.clock));

	@AfterEach
	void close() {
		kit.close();
	}

	@Test
	void takesHistoricoAndRecordOnly() {
		assertThat(handler.supports(kit.command(5, "/historico", "pt-br"))).isTrue();
		assertThat(handler.supports(kit.command(5, "/Histórico", "pt-br"))).isTrue();
		assertThat(handler.supports(kit.command(5, "/record", "en"))).isTrue();
		assertThat(handler.supports(kit.command(5, "/start", "en"))).isFalse();
		assertThat(handler.supports(kit.press(5, "m", "en"))).isFalse();
	}

	@Test
	void showsEachLeaguesScoresWithTheMarketsOverThePricedGames() {
		record = Mono.just(List.of(new LeagueRecord(39, 12, 0.19843, 0.98212, 10, 0.2011, 0.1904, 0.9902, 0.9617),
				new LeagueRecord(71, 1, 0.25, 1.2, 0, 0.0, Double.NaN, 0.0, Double.NaN)));

		StepVerifier.create(handler.handle(kit.command(5, "/historico", "pt-br"))).verifyComplete();
		StepVerifier.create(handler.handle(kit.command(6, "/record", "en"))).verifyComplete();

		assertThat(kit.repliesTo(5)).singleElement().asString().startsWith("📈 <b>Histórico do bot</b>")
			.contains("Quanto menor, melhor: o RPS (de 0 a 1)")
			.endsWith("""
					🏆 <b>Premier League</b>: 12 jogos
					Previsão: RPS 0,198 • log 0,982
					Nos jogos com odds das casas (10 jogos): previsão RPS 0,201 • log 0,990; mercado RPS 0,190 • log 0,962

					🏆 <b>Brasileirão Série A</b>: 1 jogo
					Previsão: RPS 0,250 • log 1,200
					Sem odds das casas para comparar nestes jogos.""");
		assertThat(kit.repliesTo(6)).singleElement().asString().startsWith("📈 <b>The bot's record</b>")
			.contains("Lower is better")
			.contains("""
					🏆 <b>Premier League</b>: 12 games
					Forecast: RPS 0.198 • log 0.982
					In the games with bookmaker odds (10 games): forecast RPS 0.201 • log 0.990; market RPS 0.190 • log 0.962""");
	}

	@Test
	void saysHonestlyWhenNothingHasBeenSettledYet() {
		StepVerifier.create(handler.handle(kit.command(7, "/historico", "pt-br"))).verifyComplete();
		StepVerifier.create(handler.handle(kit.command(8, "/record", "en"))).verifyComplete();

		assertThat(kit.repliesTo(7)).containsExactly(
				"📈 Ainda não há previsões encerradas: o histórico começa com o primeiro jogo seguido que terminar.");
		assertThat(kit.repliesTo(8)).containsExactly(
				"📈 No forecast has been settled yet: the record starts with the first followed game that ends.");
	}

	@Test
	void apologisesWhenTheRecordCannotBeRead() {
		record = Mono.error(new IllegalStateException("store down"));

		StepVerifier.create(handler.handle(kit.command(9, "/historico", "pt-br"))).verifyComplete();

		assertThat(kit.repliesTo(9)).containsExactly("😕 Não consegui ler o histórico agora. Tente de novo em instantes.");
		assertThat(kit.lastButtonsTo(9)).contains("⚽ Jogos de hoje");
	}
}
