package io.analytips.ops.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.analytips.support.FakeBotApi;
import io.analytips.telegram.TelegramClient;
import io.analytips.telegram.TelegramProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** No log line carries the bot token, even with the HTTP clients logging every URL at DEBUG. */
class TokenRedactionTest {

	private static final String TOKEN = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ra";

	private static final List<String> VERBOSE = List.of("reactor.netty", "org.springframework.web.reactive.function.client",
			"org.springframework.http.codec", "io.analytips.telegram", "io.netty");

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

	private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();

	private final LogBuffer buffer = new LogBuffer(10_000);

	@BeforeEach
	void captureEverythingAtDebug() {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern("%level %logger - %msg%n%ex");
		encoder.start();
		appender.setContext(context);
		appender.setName("token-test");
		appender.setEncoder(encoder);
		appender.setOutputStream(captured);
		appender.start();
		context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
		VERBOSE.forEach(name -> context.getLogger(name).setLevel(Level.DEBUG));
		TokenRedactingLogs.install();
	}

	@AfterEach
	void restore() {
		VERBOSE.forEach(name -> context.getLogger(name).setLevel(null));
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.detachAppender(appender);
		appender.stop();
		buffer.destroy();
	}

	private static TelegramProperties properties(String url) {
		return new TelegramProperties(TOKEN, java.net.URI.create(url), TelegramProperties.Mode.POLLING, null, null,
				Duration.ofSeconds(1), 100, Duration.ofSeconds(3), Duration.ofSeconds(2), 30, 3, 20, 100, false, 1000);
	}

	@Test
	void failedBotApiCallsLeaveNoTokenInAnyLogLine() {
		try (FakeBotApi fake = FakeBotApi.start()) {
			TelegramClient rejected = new TelegramClient(properties(fake.url()));
			StepVerifier.create(rejected.getMe()).expectError().verify(Duration.ofSeconds(10));
			rejected.destroy();
		}
		TelegramClient unreachable = new TelegramClient(properties("http://127.0.0.1:1"));
		StepVerifier.create(unreachable.getMe())
			.expectErrorSatisfies(error -> assertThat(error.getMessage()).doesNotContain(TOKEN))
			.verify(Duration.ofSeconds(10));
		unreachable.destroy();

		String output = captured.toString(StandardCharsets.UTF_8);
		assertThat(output).as("DEBUG output was captured").contains("DEBUG");
		assertThat(output).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(TOKEN.indexOf(':') + 1));
		assertThat(String.join("\n", buffer.recent(10_000))).doesNotContain(TOKEN);
	}

	@Test
	void redactsEveryTokenInALine() {
		assertThat(TokenRedaction.redact("POST https://api.telegram.org/bot" + TOKEN + "/getUpdates and bot" + TOKEN))
			.isEqualTo("POST https://api.telegram.org/bot<bot-token>/getUpdates and bot<bot-token>");
		assertThat(TokenRedaction.redact("at 12:30 the score was 2:1")).isEqualTo("at 12:30 the score was 2:1");
		assertThat(TokenRedaction.redact(null)).isNull();
	}

	@Test
	void theQuickScanNeverMissesALineTheExpressionWouldRedact() {
		java.util.Random random = new java.util.Random(7);
		String alphabet = "0123456789:abcXYZ_-\" {}/";
		int tokens = 0;
		for (int n = 0; n < 200_000; n++) {
			StringBuilder line = new StringBuilder();
			int length = random.nextInt(80);
			for (int i = 0; i < length; i++) {
				line.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			if (random.nextInt(50) == 0) {
				line.insert(random.nextInt(line.length() + 1), "12345:" + "a".repeat(29 + random.nextInt(3)));
			}
			boolean found = TokenRedaction.BOT_TOKEN.matcher(line).find();
			tokens += found ? 1 : 0;
			assertThat(TokenRedaction.mayHoldToken(line.toString())).as(line.toString()).isEqualTo(found);
		}
		assertThat(tokens).as("lines holding a token").isGreaterThan(1000);
		assertThat(TokenRedaction.mayHoldToken("{\"message\":\"update 5\",\"chat_id\":\"1000000123\"}")).isFalse();
	}
}
