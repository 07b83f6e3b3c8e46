package io.analytips.ops;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class LogStreamTest {

	private static final Logger football = LoggerFactory.getLogger("io.analytips.football.Example");

	private static final Logger pipeline = LoggerFactory.getLogger("io.analytips.pipeline.Example");

	private final LogStream stream = new LogStream(100, 2);

	@AfterEach
	void close() {
		stream.destroy();
	}

	@Test
	void deliversTheLinesThatMatchTheFilter() {
		StepVerifier.create(stream.lines("WARN", "io.analytips.football", "42"))
			.then(() -> {
				football.info("too quiet");
				pipeline.warn("other logger");
				football.warn("someone else's");
				MDC.put("user_id", "42");
				try {
					football.warn("the one with bot123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ra inside");
				}
				finally {
					MDC.remove("user_id");
				}
			})
			.assertNext(line -> {
				assertThat(line.level()).isEqualTo("WARN");
				assertThat(line.message()).isEqualTo("the one with bot<bot-token> inside");
				assertThat(line.mdc()).containsEntry("user_id", "42");
			})
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		assertThat(stream.clients()).isZero();
	}

	@Test
	void dropsAClientThatStopsReadingWithoutHoldingMoreThanItsBuffer() {
		StepVerifier.create(stream.lines(null, "io.analytips.football", null), 0)
			.then(() -> {
				for (int i = 0; i < 10_000; i++) {
					football.warn("line {}", i);
				}
			})
			.expectError(LogStream.ClientTooSlowException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(stream.dropped()).isEqualTo(1);
		assertThat(stream.clients()).isZero();
	}

	@Test
	void keepsAFastClientWhileDroppingASlowOne() {
		StepVerifier.create(stream.lines(null, "io.analytips.football", null), 0)
			.then(() -> {
				for (int i = 0; i < 500; i++) {
					football.warn("line {}", i);
				}
			})
			.expectError(LogStream.ClientTooSlowException.class)
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(stream.lines(null, "io.analytips.football", null).take(500))
			.then(() -> {
				for (int i = 0; i < 500; i++) {
					football.warn("again {}", i);
				}
			})
			.expectNextCount(500)
			.verifyComplete();
	}

	@Test
	void refusesMoreClientsThanAllowedAndABadLevel() {
		var first = stream.lines(null, null, null).subscribe();
		var second = stream.lines(null, null, null).subscribe();
		StepVerifier.create(stream.lines(null, null, null)).expectError(LogStream.TooManyClientsException.class).verify();
		first.dispose();
		second.dispose();
		assertThat(stream.clients()).isZero();
		StepVerifier.create(stream.lines("LOUD", null, null)).expectError(IllegalArgumentException.class).verify();
	}
}
