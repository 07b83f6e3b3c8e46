package io.analytips.ops.logs;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class LogStreamTest {

	private static final Logger football = LoggerFactory.getLogger("io.analytips.football.Example");

	private static final Logger pipeline = LoggerFactory.getLogger("io.analytips.pipeline.Example");

	private static final Logger access = LoggerFactory.getLogger("io.analytips.access");

	private final LogStream stream = new LogStream(100, 2);

	@AfterEach
	void close() {
		stream.destroy();
	}

	@Test
	void deliversTheLinesThatMatchTheFilter() {
		StepVerifier.create(stream.lines("WARN", "io.analytips.football", "42", null))
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
	void keepsOnlyTheLinesOfTheBotAskedInAnyCaseWithOrWithoutTheAt() {
		StepVerifier.create(stream.lines(null, null, null, null, "@Beta_Bot"))
			.then(() -> {
				football.warn("nobody's");
				for (String bot : new String[] { "alpha_bot", "beta_bot" }) {
					MDC.put("bot", bot);
					try {
						access.info("update 1 message: done at " + bot);
					}
					finally {
						MDC.remove("bot");
					}
				}
			})
			.assertNext(line -> assertThat(line.message()).isEqualTo("update 1 message: done at beta_bot"))
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void keepsOnlyTheAccessLinesOfTheOutcomeAskedWithTheirFields() {
		StepVerifier.create(stream.lines(null, null, null, "rate_limited"))
			.then(() -> {
				access.atInfo().addKeyValue("outcome", "done").log("update 1 message: done in 3 ms, 0 upstream calls");
				football.warn("not an access line");
				access.atInfo()
					.addKeyValue("outcome", "rate_limited")
					.addKeyValue("latency_ms", 0L)
					.addKeyValue("note", "bot123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ra")
					.log("update 2 message: rate_limited in 0 ms, 0 upstream calls");
			})
			.assertNext(line -> {
				assertThat(line.message()).startsWith("update 2 message");
				assertThat(line.fields()).containsEntry("outcome", "rate_limited")
					.containsEntry("latency_ms", 0L)
					.containsEntry("note", "bot<bot-token>");
			})
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void endsWithoutALineWhenNoneHasTheOutcomeBeforeTheStreamCloses() {
		LogStream closing = new LogStream(100, 2);
		StepVerifier.create(closing.lines(null, null, null, "failed"))
			.then(() -> {
				access.atInfo().addKeyValue("outcome", "done").log("update 3 message: done in 1 ms, 0 upstream calls");
				football.warn("no outcome at all");
				closing.destroy();
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(closing.clients()).isZero();
	}

	@Test
	void refusesAnOutcomeNoUpdateCanHave() {
		StepVerifier.create(stream.lines(null, null, null, "exploded"))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("outcome must be one of done, rate_limited, rejected, failed, invalid"))
			.verify();
		assertThat(stream.clients()).isZero();
	}

	@Test
	void dropsAClientThatStopsReadingWithoutHoldingMoreThanItsBuffer() {
		StepVerifier.create(stream.lines(null, "io.analytips.football", null, null), 0)
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
		StepVerifier.create(stream.lines(null, "io.analytips.football", null, null), 0)
			.then(() -> {
				for (int i = 0; i < 500; i++) {
					football.warn("line {}", i);
				}
			})
			.expectError(LogStream.ClientTooSlowException.class)
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(stream.lines(null, "io.analytips.football", null, null).take(500))
			.then(() -> {
				for (int i = 0; i < 500; i++) {
					football.warn("again {}", i);
				}
			})
			.expectNextCount(500)
			.verifyComplete();
	}

	@Test
	void aThreadHoldingTheAppendersMonitorDoesNotStopAnotherFromLoggingToAClient() throws InterruptedException {
		CountDownLatch received = new CountDownLatch(1000);
		Disposable client = stream.lines(null, "io.analytips.football", null, null).subscribe(line -> received.countDown());
		try {
			Thread writer = new Thread(() -> {
				for (int i = 0; i < 1000; i++) {
					football.info("line {}", i);
				}
			}, "writer");
			synchronized (stream) {
				writer.start();
				assertThat(received.await(10, TimeUnit.SECONDS)).as("1 000 lines streamed while the monitor is held").isTrue();
			}
			writer.join();
		}
		finally {
			client.dispose();
		}
	}

	@Test
	void refusesMoreClientsThanAllowedAndABadLevel() {
		var first = stream.lines(null, null, null, null).subscribe();
		var second = stream.lines(null, null, null, null).subscribe();
		StepVerifier.create(stream.lines(null, null, null, null)).expectError(LogStream.TooManyClientsException.class).verify();
		first.dispose();
		second.dispose();
		assertThat(stream.clients()).isZero();
		StepVerifier.create(stream.lines("LOUD", null, null, null)).expectError(IllegalArgumentException.class).verify();
	}
}
