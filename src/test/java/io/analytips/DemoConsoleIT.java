package io.analytips;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.analytips.support.JarProcess;
import io.analytips.support.Scratch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar target/analytips.jar --demo}: offline, no secrets, driven through stdin and
 * stdout, three times in the same folder (each run answers; none is taken for a redelivery of the
 * one before), on a normal day, in the European summer and in the Brazilian off-season, with the
 * default rate limits.
 */
class DemoConsoleIT {

	private static final Pattern BUTTON = Pattern.compile("\\[(\\d+)\\] ([^\\[]+)");

	@Test
	void answersEveryRunInTheSameFolderAndWalksTheMenusWithoutMeetingTheLimit() throws Exception {
		Path folder = Scratch.directory("analytips-demo");

		// 1. A November Sunday: the whole walk, then a search that forgives a wrong name. DATABASE_URL is
		// ignored: the demo keeps its own database.
		try (Demo demo = Demo.start(folder, "2026-11-29", Map.of("DATABASE_URL", "postgres://nobody@127.0.0.1:1/nothing"))) {
			long started = System.nanoTime();
			demo.type("/start");
			demo.await("Bem-vindo ao Analytips");
			demo.press("Jogos de hoje");
			demo.await("Escolha a liga:");
			assertThat(demo.buttons()).anyMatch(label -> label.matches("Brasileirão Série A \\(\\d+\\)"))
				.anyMatch(label -> label.matches("Premier League \\(\\d+\\)"));
			demo.press("Premier League");
			demo.await("horário de Brasília");
			demo.pressFirst();
			demo.await("Que análise você quer?");
			for (String analysis : List.of("Análise completa", "Gols", "Escanteios", "Ambas marcam", "Resultado (1X2)")) {
				demo.press(analysis);
				if (analysis.equals("Análise completa")) { // a picture, written to the demo's folder, its path printed
					demo.await(".png");
					assertThat(demo.text()).containsPattern("data/demo/pictures/\\d+-pt-br-[0-9a-f]{16}\\.png");
					demo.press("Análise completa em texto");
				}
				demo.await("Aposte com responsabilidade");
				demo.press("Voltar");
				demo.await("Que análise você quer?");
			}
			demo.press("Menu");
			demo.await("Escolha uma opção");
			Duration walk = Duration.ofNanos(System.nanoTime() - started);
			System.out.printf("demo walk from /start through five analyses: %d ms%n", walk.toMillis());
			assertThat(walk).isLessThan(Duration.ofMinutes(1));
			demo.press("Buscar time");
			demo.await("Digite o nome do time");
			demo.type("Xyzzy FC");
			demo.await("Nenhum time encontrado para Xyzzy FC");
			demo.type("flamengo");
			demo.await("Próximos jogos — Flamengo");
			// Inline mode, as typed in any chat: cards with the model's 1X2, whose link opens the fixture's analysis here.
			demo.type("@ palmeiras");
			demo.await("Resultados inline:");
			demo.await("Empate");
			demo.await("(aqui: /start f");
			Matcher link = Pattern.compile("\\(aqui: (/start f\\d+)\\)").matcher(demo.text());
			assertThat(link.find()).isTrue();
			demo.type(link.group(1));
			demo.await("data/demo/pictures/" + link.group(1).substring("/start f".length()) + "-pt-br-");
			demo.await("Análise completa em texto");
			String output = demo.text();
			assertThat(output).contains("Força no modelo", "Forma (mais recente primeiro)", "(Brasília)", "Brasileirão Série A")
				.doesNotContain("Muitos pedidos seguidos", "Não entendi", "<b>", "Exception", "ERROR");
			demo.type("/sair");
			demo.await("Até logo!");
			assertThat(demo.waitForExit()).isZero();
		}

		// 2. The European summer, in the same folder: Ctrl-D ends it.
		try (Demo demo = Demo.start(folder, "2026-06-13", Map.of())) {
			demo.type("/start");
			demo.await("Bem-vindo ao Analytips");
			demo.press("Jogos de hoje");
			demo.await("Escolha a liga:");
			assertThat(demo.buttons()).anyMatch(label -> label.startsWith("Premier League ("))
				.anyMatch(label -> label.startsWith("Brasileirão Série A ("));
			demo.closeInput();
			demo.await("Até logo!");
			assertThat(demo.waitForExit()).isZero();
		}

		// 3. The Brazilian off-season, still the same folder: /quit in English.
		try (Demo demo = Demo.start(folder, "2027-01-09", Map.of("DEMO_LANGUAGE", "en"))) {
			demo.type("/start");
			demo.await("Welcome to Analytips");
			demo.press("Today");
			demo.await("Choose a league:");
			demo.press("Brasileirão Série A");
			demo.await("Choose a game (London time)"); // an English client reads kick-offs in London time
			assertThat(demo.buttons()).anyMatch(label -> label.contains(" vs "));
			demo.type("/quit");
			demo.await("Bye!");
			assertThat(demo.waitForExit()).isZero();
		}
		assertThat(folder.resolve("data/demo/postgres")).isDirectory();
		assertThat(folder.resolve("data/postgres")).doesNotExist();
	}

	/** One run of the demo, and what a person at the terminal does. */
	private static final class Demo implements AutoCloseable {

		private final JarProcess process;

		private int seen;

		private Demo(JarProcess process) {
			this.process = process;
		}

		static Demo start(Path folder, String date, Map<String, String> environment) {
			Map<String, String> all = new java.util.HashMap<>(Map.of("DEMO_LANGUAGE", "pt-br", "DEMO_DATE", date));
			all.putAll(environment);
			Demo demo = new Demo(JarProcess.start(all, folder, List.of("--demo")));
			boolean english = all.get("DEMO_LANGUAGE").equals("en");
			demo.await(english ? "/quit (or Ctrl-D) leaves" : "/sair (ou Ctrl-D) encerra");
			demo.await(english ? "Today's games are real matches replayed" : "Os jogos de hoje são partidas reais repetidas");
			return demo;
		}

		void type(String line) {
			process.type(line);
		}

		void closeInput() {
			process.closeInput();
		}

		String text() {
			return process.text();
		}

		/** Waits for the text in what was printed since the last wait. */
		void await(String expected) {
			Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
				String text = process.text();
				int at = text.indexOf(expected, seen);
				if (at < 0) {
					if (!process.isAlive()) {
						throw new AssertionError("the demo exited; last output:\n" + process.tail(40));
					}
					return false;
				}
				seen = at + expected.length();
				return true;
			});
		}

		/** The labels of the last keyboard printed. */
		List<String> buttons() {
			String text = process.text();
			int from = text.lastIndexOf("[1] ");
			Matcher matcher = BUTTON.matcher(text.substring(from));
			List<String> labels = new java.util.ArrayList<>();
			while (matcher.find()) {
				labels.add(matcher.group(2).strip());
			}
			return labels;
		}

		/** Presses the last keyboard's first button whose label contains {@code label}. */
		void press(String label) {
			List<String> labels = buttons();
			for (int i = 0; i < labels.size(); i++) {
				if (labels.get(i).contains(label)) {
					type(String.valueOf(i + 1));
					return;
				}
			}
			throw new AssertionError("no button '" + label + "' in " + labels);
		}

		void pressFirst() {
			type("1");
		}

		int waitForExit() throws InterruptedException {
			return process.waitForExit(Duration.ofSeconds(60));
		}

		@Override
		public void close() {
			process.close();
		}
	}
}
