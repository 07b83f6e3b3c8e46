package io.analytips;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.analytips.support.JarProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code java -jar target/analytips.jar --demo}: offline, no secrets, driven through stdin and stdout. */
class DemoConsoleIT {

	@Test
	void runsTheWholeConversationInTheTerminalAndExitsWhenInputEnds() throws Exception {
		try (JarProcess demo = JarProcess.start(Map.of("DEMO_LANGUAGE", "pt-br"), Files.createTempDirectory("analytips-demo"),
				List.of("--demo"))) {
			await().atMost(Duration.ofSeconds(120)).until(() -> demo.text().contains("demo offline") || !demo.isAlive());
			demo.type("/start");
			awaitOutput(demo, "[1] ⚽ Jogos de hoje");
			demo.type("1");
			awaitOutput(demo, "Escolha a liga:");
			demo.type("1");
			awaitOutput(demo, "Escolha o jogo:");
			demo.type("1");
			awaitOutput(demo, "Que análise você quer?");
			demo.type("1");
			awaitOutput(demo, "Aposte com responsabilidade");
			String output = demo.text();
			assertThat(output).contains("🏁 Resultado (1X2)", "🥅 Gols", "🤝 Ambas marcam", "🚩 Escanteios", "Força",
					"Valor contra");
			assertThat(output).doesNotContain("<b>", "Exception", "ERROR");

			demo.type("/help");
			awaitOutput(demo, "/cancel");
			demo.closeInput();
			assertThat(demo.waitForExit(Duration.ofSeconds(60))).isZero();
		}
	}

	private static void awaitOutput(JarProcess demo, String expected) {
		await().atMost(Duration.ofSeconds(60)).until(() -> demo.text().contains(expected));
	}
}
