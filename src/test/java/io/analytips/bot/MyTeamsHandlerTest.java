package io.analytips.bot;

import java.util.LinkedHashSet;
import java.util.List;

import io.analytips.store.Followed;
import io.analytips.store.Subscriber;
import io.analytips.support.BotTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /meus_times}: what the chat follows, each with 🔕, and when the alerts and the digest come. */
class MyTeamsHandlerTest {

	private final BotTestKit kit = new BotTestKit();

	private final Messages messages = new Messages();

	private final MemoryFollowing following = new MemoryFollowing(kit.clock);

	private final MyTeamsHandler handler = new MyTeamsHandler(following, new Leagues(messages), DisplayNames.AS_GIVEN,
			messages, new Menus(messages), Readers.preferences(kit.clock));

	@AfterEach
	void close() {
		kit.close();
	}

	private void follows(long chat, Followed... followed) {
		following.follows.computeIfAbsent(chat, c -> new LinkedHashSet<>()).addAll(List.of(followed));
		following.subscribers.putIfAbsent(chat, Subscriber.of(chat, "pt-BR", "America/Sao_Paulo"));
	}

	@Test
	void takesItsCommandsAndButtons() {
		for (String command : new String[] { "/meus_times", "/my_teams", "/meustimes" }) {
			assertThat(handler.supports(kit.command(5, command, "pt-br"))).as(command).isTrue();
		}
		for (String data : new String[] { "mt", "al", "al:30", "dg", "dg:9", "dg:off", "mu:t:121", "mu:l:39" }) {
			assertThat(handler.supports(kit.press(5, data, "pt-br"))).as(data).isTrue();
		}
		for (String data : new String[] { "mu:x:1", "mu:t", "mt:1" }) {
			assertThat(handler.supports(kit.press(5, data, "pt-br"))).as(data).isFalse();
		}
	}

	@Test
	void listsLeaguesThenTeamsWithWhatWillBeSentAndWhen() {
		follows(5, Followed.team(121, "Palmeiras"), Followed.league(39, "Premier League"));

		StepVerifier.create(handler.handle(kit.command(5, "/meus_times", "pt-br"))).verifyComplete();

		assertThat(kit.repliesTo(5)).containsExactly("""
				🔔 <b>O que você segue</b>

				🏆 Premier League
				⚽ Palmeiras

				⏰ Um aviso 60 min antes de cada jogo, com a previsão do modelo, e o resultado no fim.
				📰 Resumo do dia: desligado.""");
		assertThat(kit.lastButtonsTo(5)).containsExactly("🔕 Premier League", "🔕 Palmeiras", "⏰ Aviso: 60 min antes",
				"📰 Resumo do dia: desligado", "⬅️ Voltar", "🏠 Menu");
		assertThat(kit.lastScreenData(5)).startsWith("mu:l:39", "mu:t:121", "al", "dg");
	}

	@Test
	void nothingFollowedSaysHowToFollow() {
		StepVerifier.create(handler.handle(kit.command(6, "/my_teams", "en"))).verifyComplete();

		assertThat(kit.repliesTo(6)).containsExactly("🔔 <b>What you follow</b>\n\nYou do not follow any team yet. Type "
				+ "/follow and the team's name (for example: /follow Arsenal), or tap 🔔 Follow on a team's or a league's screen.");
		assertThat(kit.lastButtonsTo(6)).startsWith("🔎 Find a team", "🏆 Leagues");
	}

	@Test
	void theLeadIsChosenFromTheOffersAndConfirmedAboveTheList() {
		follows(7, Followed.team(121, "Palmeiras"));

		StepVerifier.create(handler.handle(kit.press(7, "al", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(7).get(0)).isEqualTo("⏰ <b>Aviso antes do jogo</b>\n\nQuanto tempo antes do início você "
				+ "quer o aviso? Agora: 60 min.");
		assertThat(kit.lastScreenButtons(7)).startsWith("15 min", "30 min", "✅ 60 min", "2 h", "3 h");

		StepVerifier.create(handler.handle(kit.press(7, "al:30", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(7).get(1)).startsWith("✅ Pronto: o aviso vai chegar 30 min antes de cada jogo.\n\n🔔 <b>O que")
			.contains("⏰ Um aviso 30 min antes de cada jogo");
		assertThat(following.subscribers.get(7L).alertMinutes()).isEqualTo(30);

		StepVerifier.create(handler.handle(kit.press(7, "al:7", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(7).get(2)).startsWith("⏰ <b>Aviso antes do jogo</b>");
		assertThat(following.subscribers.get(7L).alertMinutes()).isEqualTo(30);
	}

	@Test
	void theDigestsHourIsInTheReadersZoneAndCanBeTurnedOff() {
		follows(8, Followed.team(42, "Arsenal"));

		StepVerifier.create(handler.handle(kit.press(8, "dg", "en"))).verifyComplete();
		assertThat(kit.repliesTo(8).get(0)).contains("at the hour you choose (London time). Now: off.");
		assertThat(kit.lastScreenButtons(8)).startsWith("08:00", "09:00", "12:00", "18:00", "✅ off");

		StepVerifier.create(handler.handle(kit.press(8, "dg:9", "en"))).verifyComplete();
		assertThat(kit.repliesTo(8).get(1)).startsWith("✅ Done: the daily digest will come every day at 09:00 (London time).")
			.contains("📰 Daily digest: every day at 09:00 (London time), with the day's games.");
		assertThat(following.subscribers.get(8L).digestHour()).isEqualTo(9);
		assertThat(following.subscribers.get(8L).alertMinutes()).isNull();

		StepVerifier.create(handler.handle(kit.press(8, "dg:off", "en"))).verifyComplete();
		assertThat(kit.repliesTo(8).get(2)).startsWith("✅ Done: no daily digest.");
		assertThat(following.subscribers.get(8L).digestHour()).isNull();
	}

	@Test
	void unfollowingFromTheListSaysSoAndShowsWhatIsLeft() {
		follows(9, Followed.team(121, "Palmeiras"), Followed.league(71, "Brasileirão"));

		StepVerifier.create(handler.handle(kit.press(9, "mu:t:121", "pt-br"))).verifyComplete();

		assertThat(kit.repliesTo(9).get(0)).startsWith("🔕 Você não segue mais o Palmeiras: não vai receber mais avisos dos "
				+ "jogos dele.\n\n🔔 <b>O que você segue</b>\n\n🏆 Brasileirão Série A\n\n");
		assertThat(following.follows.get(9L)).containsExactly(Followed.league(71, "Brasileirão"));
	}

	@Test
	void aStoreThatCannotBeReadGetsAShortApology() {
		following.failing = true;

		StepVerifier.create(handler.handle(kit.command(10, "/meus_times", "pt-br"))).verifyComplete();
		StepVerifier.create(handler.handle(kit.press(10, "al:30", "en"))).verifyComplete();

		assertThat(kit.repliesTo(10)).containsExactly("😕 Não consegui salvar isto agora. Tente de novo em instantes.",
				"😕 I could not save that just now. Please try again in a moment.");
	}
}
