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

/**
 * A spent daily quota with nothing cached: the user is told, in one sentence, to come back tomorrow.
 * A context of its own: a spent quota stops calls until the next day, which no reset of the simulator undoes.
 */
@AppIntegrationTest
class QuotaFallbackTests {

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
	void tellsTheUserWhenTheDailyQuotaIsSpent() {
		environment.football.simulator().faults().quotaExhausted(true);
		Conversation user = new Conversation(environment.telegram, 42, "en");
		user.press(1, "a:7100123:full");
		Conversation.Screen screen = user.next(text -> text.contains("quota"));
		assertThat(screen.text()).contains("daily data quota has been reached").contains("tomorrow");
	}
}
