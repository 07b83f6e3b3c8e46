package io.analytips.ops.logs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LogBufferTest {

	private final LogBuffer buffer = new LogBuffer(3);

	@AfterEach
	void detach() {
		buffer.destroy();
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
}
