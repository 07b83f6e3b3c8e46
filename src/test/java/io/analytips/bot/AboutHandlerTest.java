package io.analytips.bot;

import java.util.List;

import io.analytips.football.BundledValueRule;
import io.analytips.support.BotTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /sobre} and ℹ️: how the model works, and each league's own record against the market. */
class AboutHandlerTest {

	private final BotTestKit kit = new BotTestKit();

	private final Messages messages = new Messages();

	private final AboutHandler about = new AboutHandler(messages, new Menus(messages), new Leagues(messages),
			List.of(71, 39, 140), BundledValueRule::forLeague, Readers.preferences(kit.clock));

	@AfterEach
	void close() {
		kit.close();
	}

	@Test
	void eachLeagueShowsItsOwnBacktestAndOneWithoutSaysSo() {
		StepVerifier.create(about.handle(kit.command(5, "/sobre", "pt-br"))).verifyComplete();
		String text = kit.repliesTo(5).get(0);
		assertThat(text).contains("Como o Analytips calcula", "Odd justa",
				"Brasileirão Série A</b>, 2019–2024: nas 613 vezes", "retorno foi de -6,5% (entre -19,0% e +7,2%",
				"Premier League</b>, 2019/20–2024/25: nas 873 vezes", "em relação às odds de fechamento",
				"La Liga</b>: o modelo ainda não foi testado contra o mercado nesta liga")
			.doesNotContain("[", "vantagem +");
	}

	@Test
	void theButtonUnderABrasileiraoAnalysisNeverShowsThePremierLeaguesFigures() {
		StepVerifier.create(about.handle(kit.press(6, "ab:71", "pt-br"))).verifyComplete();
		assertThat(kit.repliesTo(6)).singleElement().asString().contains("Brasileirão Série A", "613")
			.doesNotContain("873", "2019/20", "Premier League");

		StepVerifier.create(about.handle(kit.press(6, "ab:39", "en"))).verifyComplete();
		assertThat(kit.repliesTo(6).get(1)).contains("Premier League</b>, 2019/20–2024/25: in the 873 times",
				"the market has been the better estimate").doesNotContain("613", "Brasileirão");
	}

	@Test
	void takesSobreAndAboutAndItsButtons() {
		assertThat(about.supports(kit.command(7, "/sobre", "pt-br"))).isTrue();
		assertThat(about.supports(kit.command(7, "/about", "en"))).isTrue();
		assertThat(about.supports(kit.press(7, "ab", "en"))).isTrue();
		assertThat(about.supports(kit.press(7, "ab:71", "en"))).isTrue();
		assertThat(about.supports(kit.command(7, "/start", "en"))).isFalse();
	}
}
