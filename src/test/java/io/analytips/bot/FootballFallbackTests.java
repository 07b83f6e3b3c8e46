package io.analytips.bot;

import io.analytips.support.AppIntegrationTest;
import io.analytips.support.AppTestEnvironment;
import io.analytips.support.Conversation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** When API-Football fails and nothing is cached, users get one clear sentence, never silence or a trace. */
@AppIntegrationTest
class FootballFallbackTests {

	static final AppTestEnvironment environment = new AppTestEnvironment();

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment.register(registry);
		registry.add("analytips.football.retry-attempts", () -> "1");
	}

	@AfterAll
	static void close() {
		environment.close();
	}

	@AfterEach
	void healthyAgain() {
		environment.football.simulator().faults().reset();
	}

	@Test
	void tellsTheUserWhenTheDataSourceIsDown() {
		environment.football.simulator().faults().failNext(10_000, 503);
		Conversation user = new Conversation(environment.telegram, 41, "pt-br");
		user.press(1, "t");
		Conversation.Screen screen = user.next(text -> text.contains("indisponível"));
		assertThat(screen.text()).contains("fonte de dados de futebol está indisponível").doesNotContain("Exception", "503");
		assertThat(screen.button(label -> label.contains("Voltar"))).isPresent();
	}
}
