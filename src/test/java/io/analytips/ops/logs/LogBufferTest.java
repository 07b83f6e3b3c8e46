package io.analytips.ops.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LogBufferTest {

	private final LogBuffer buffer = new LogBuffer(3);

	/** A logger whose lines reach only the appenders a test adds (not the console). */
	private final Logger alone = ((LoggerContext) LoggerFactory.getILoggerFactory())
		.getLogger("io.analytips.test.LogBufferTest.alone");

	@AfterEach
	void detach() {
		buffer.destroy();
		alone.detachAndStopAllAppenders();
		alone.setAdditive(true);
	}

	@Test
	void keepsTheMostRecentLinesUpToItsCapacity() {
		var log = LoggerFactory.getLogger("io.analytips.test.LogBufferTest");
		for (int i = 1; i <= 5; i++) {
			log.info("line {}", i);
		}
		assertThat(buffer.recent(10)).hasSize(3).last().asString().contains("INFO", "io.analytips.test.LogBufferTest", "line 5");
		assertThat(buffer.recent(1)).singleElement().asString().endsWith("line 5");
	}

	@Test
	void keepsStackTraces() {
		LoggerFactory.getLogger("x").warn("failed", new IllegalStateException("boom"));
		assertThat(buffer.recent(1).get(0)).contains("WARN", "failed", "IllegalStateException: boom");
	}

	@Test
	void formatsALineWhenAskedAsItWasFormattedWhenLoggedWithTheTokenCutOut() {
		LogBuffer own = new LogBuffer(2);
		try {
			LoggingEvent event = new LoggingEvent();
			event.setTimeStamp(Instant.parse("2026-12-06T21:54:16.120Z").toEpochMilli());
			event.setLevel(Level.WARN);
			event.setThreadName("reactor-http-epoll-2");
			event.setLoggerName("io.netty.Example");
			event.setMessage("GET /bot{}/getMe failed");
			event.setArgumentArray(new Object[] { "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ra" });
			own.doAppend(event);

			assertThat(own.recent(5)).containsExactly(
					"2026-12-06T21:54:16.120Z WARN [reactor-http-epoll-2] io.netty.Example - GET /bot<bot-token>/getMe failed");
		}
		finally {
			own.destroy();
		}
	}

	@Test
	void aThreadHoldingTheAppendersMonitorDoesNotStopAnotherFromLogging() throws InterruptedException {
		LogBuffer own = new LogBuffer(1000);
		try {
			alone.setAdditive(false);
			alone.addAppender(own);
			CountDownLatch logged = new CountDownLatch(1);
			Thread writer = new Thread(() -> {
				for (int i = 0; i < 1000; i++) {
					alone.info("line {}", i);
				}
				logged.countDown();
			}, "writer");
			synchronized (own) {
				writer.start();
				assertThat(logged.await(10, TimeUnit.SECONDS)).as("1 000 lines logged while the monitor is held").isTrue();
			}
			writer.join();
			assertThat(own.recent(1000)).hasSize(1000).last().asString().endsWith(" - line 999");
		}
		finally {
			own.destroy();
		}
	}

	@Test
	void eightThreadsLoggingAtOnceLeaveExactlyItsCapacityOfWholeLines() throws InterruptedException {
		int capacity = 1000;
		int threads = 8;
		int linesEach = 50_000;
		LogBuffer own = new LogBuffer(capacity);
		try {
			alone.setAdditive(false);
			alone.addAppender(own);
			CountDownLatch start = new CountDownLatch(1);
			List<Thread> writers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int writer = t;
				writers.add(new Thread(() -> {
					try {
						start.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
					for (int i = 0; i < linesEach; i++) {
						alone.info("writer {} line {}", writer, i);
					}
				}, "writer-" + t));
			}
			writers.forEach(Thread::start);
			start.countDown();
			for (Thread writer : writers) {
				writer.join();
			}

			List<String> lines = own.recent(capacity * 2);
			assertThat(lines).hasSize(capacity);
			Pattern whole = Pattern.compile(
					"\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z INFO \\[writer-(\\d)] io\\.analytips\\.test\\.LogBufferTest\\.alone - writer (\\d) line (\\d+)");
			Map<String, Integer> lastLine = new HashMap<>();
			for (String line : lines) {
				Matcher matcher = whole.matcher(line);
				assertThat(matcher.matches()).as(line).isTrue();
				assertThat(matcher.group(2)).isEqualTo(matcher.group(1));
				int number = Integer.parseInt(matcher.group(3));
				assertThat(number).isLessThan(linesEach);
				Integer before = lastLine.put(matcher.group(1), number);
				assertThat(before == null || before < number).as("each writer's lines in its order").isTrue();
			}
		}
		finally {
			own.destroy();
		}
	}
}
