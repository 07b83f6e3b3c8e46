package io.analytips.bot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.analytips.football.BundledValueRule;
import io.analytips.support.AppIntegrationTest;
import io.analytips.support.AppTestEnvironment;
import io.analytips.support.Conversation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole conversation, from /start to every analysis of a fixture, on 24 dates over two years:
 * the European summer break, the Brazilian off-season, season ends and starts, Christmas. The
 * application and the simulator share one clock that each case moves to its date, so the suite
 * passes whatever day it runs, and every day of the year has games in every league offered.
 */
@AppIntegrationTest
@Import(ConversationOnAnyDateTests.SharedClock.class)
class ConversationOnAnyDateTests {

	static final AppTestEnvironment environment = new AppTestEnvironment();

	private static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");

	private static final AtomicLong users = new AtomicLong(70_000);

	/** The application reads the simulator's clock, so one move changes "today" for both. */
	@TestConfiguration(proxyBeanMethods = false)
	static class SharedClock {

		@Bean
		@Primary
		Clock sharedClock() {
			return environment.clock;
		}
	}

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment.register(registry);
		registry.add("analytips.bot.rate-limit", () -> "1000");
		registry.add("analytips.market.sweep-enabled", () -> "false");
	}

	@AfterAll
	static void close() {
		environment.close();
	}

	@Autowired
	WebTestClient web;

	private static final Pattern CAUTION = Pattern.compile("Atenção: .*\\(vantagem \\+([0-9]+,[0-9])%\\)");

	/** In order: the shared clock only moves forward, as a real one does. */
	static Stream<LocalDate> dates() {
		return Stream.of("2026-01-10", "2026-02-14", "2026-03-21", "2026-04-18", "2026-05-30", "2026-06-13",
				"2026-07-04", "2026-07-25", "2026-08-15", "2026-09-12", "2026-10-17", "2026-11-29", "2026-12-20",
				"2027-01-09", "2027-01-30", "2027-02-27", "2027-03-27", "2027-04-24", "2027-05-22", "2027-06-26",
				"2027-07-17", "2027-08-07", "2027-10-02", "2027-12-26")
			.map(LocalDate::parse);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dates")
	void walksFromStartToEveryAnalysisOfAFixture(LocalDate date) {
		environment.clock.set(date.atTime(LocalTime.NOON).atZone(BRASILIA).toInstant());
		web.delete().uri("/admin/cache").headers(h -> h.setBearerAuth(AppTestEnvironment.ADMIN_TOKEN)).exchange()
			.expectStatus().isOk();
		Conversation user = new Conversation(environment.telegram, users.incrementAndGet(), "pt-br");
		user.send("/start");
		user.next(text -> text.contains("Bem-vindo ao Analytips"));
		user.press(label -> label.contains("Jogos de hoje"));
		Conversation.Screen today = user.next(text -> text.contains("Jogos de hoje"));
		assertThat(today.text()).contains(date.format(DateTimeFormatter.ofPattern("dd/MM")));
		assertThat(today.buttons()).extracting(b -> b.path("text").asString())
			.anyMatch(label -> label.matches("Brasileirão Série A \\(\\d+\\)"))
			.anyMatch(label -> label.matches("Premier League \\(\\d+\\)"));

		user.press(label -> label.startsWith("Premier League"));
		Conversation.Screen league = user.next(text -> text.contains("Premier League") && text.contains("Escolha o jogo"));
		assertThat(league.text()).contains("horário de Brasília");
		user.press(label -> label.matches("\\d\\d:\\d\\d .+ x .+"));
		Conversation.Screen fixture = user.next(text -> text.contains("Que análise você quer?"));
		assertThat(fixture.text()).contains("Premier League").containsPattern("\\d\\d/\\d\\d \\d\\d:\\d\\d \\(Brasília\\)");
		assertThat(fixture.buttons()).extracting(b -> b.path("text").asString())
			.contains("📊 Análise completa", "🥅 Gols (mais/menos)", "🚩 Escanteios", "🤝 Ambas marcam",
					"🏁 Resultado (1X2)", "⬅️ Voltar");
		String[][] analyses = { { "Análise completa", "Resultado (1X2)" }, { "Gols (mais/menos)", "Mais de 2,5" },
				{ "Escanteios", "Escanteios" }, { "Ambas marcam", "Ambas marcam" }, { "Resultado (1X2)", "odd justa" } };
		for (String[] analysis : analyses) {
			user.press(label -> label.endsWith(analysis[0]));
			Conversation.Screen result = user.next(text -> text.contains("Aposte com responsabilidade"));
			assertThat(result.text()).contains(analysis[1]).contains("Dados de").doesNotContain("Exception");
			assertThat(result.button(label -> label.contains("Voltar"))).isPresent();
		}
		Conversation.Screen full = fullAnalysis(user.screens());
		assertThat(full.text()).contains("Gols esperados", "Placares mais prováveis", "Escanteios", "(Brasília)")
			.containsPattern("Forma \\(mais recente primeiro\\): .+ [VED—]( [VED])* • .+ [VED—]( [VED])*")
			.contains("Força no modelo")
			.containsAnyOf("Modelo x mercado", "Sem odds disponíveis");
		// every caution is an edge above its league's plausibility cap, so above the smallest of them
		double cap = BundledValueRule.LEAGUES.stream().mapToDouble(id -> BundledValueRule.forLeague(id).maxEdge())
			.min().orElseThrow();
		// no bundled rule is supported by its league's backtest: nothing is ever called value
		assertThat(BundledValueRule.LEAGUES).noneMatch(id -> BundledValueRule.forLeague(id).supported());
		for (Conversation.Screen screen : user.screens()) {
			assertThat(screen.text()).doesNotContain("Valor contra", "confiança alta");
			Matcher caution = CAUTION.matcher(screen.text());
			while (caution.find()) {
				assertThat(Double.parseDouble(caution.group(1).replace(',', '.')) / 100).isGreaterThan(cap);
			}
		}

		user.press(label -> label.contains("Menu"));
		user.next(text -> text.contains("Escolha uma opção"));
		user.press(label -> label.contains("Jogos de hoje"));
		user.next(text -> text.contains("Jogos de hoje"));
		user.press(label -> label.startsWith("Brasileirão Série A"));
		user.next(text -> text.contains("Brasileirão Série A") && text.contains("Escolha o jogo"));
		user.press(label -> label.matches("\\d\\d:\\d\\d .+ x .+"));
		user.next(text -> text.contains("Que análise você quer?") && text.contains("Brasileirão Série A"));
		user.press(label -> label.endsWith("Análise completa"));
		assertThat(user.next(text -> text.contains("Aposte com responsabilidade")).text())
			.contains("Brasileirão Série A", "Gols esperados", "(Brasília)");
	}

	private static Conversation.Screen fullAnalysis(List<Conversation.Screen> screens) {
		return screens.stream().filter(s -> s.text().contains("Placares mais prováveis") && s.text().contains("Forma"))
			.findFirst()
			.orElseThrow();
	}
}
