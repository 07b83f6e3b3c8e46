package io.analytips.common;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;

class LogContextTest {

	@AfterEach
	void clearTheMdc() {
		MDC.clear();
	}

	@Test
	void putsTheContextsIdsInTheMdcOnlyForTheLogCall() {
		AtomicReference<Map<String, String>> during = new AtomicReference<>();
		LogContext.in(LogContext.of(Map.of("update_id", "5", "chat_id", "9")),
				() -> during.set(MDC.getCopyOfContextMap()));
		assertThat(during.get()).containsEntry("update_id", "5").containsEntry("chat_id", "9");
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void putsBackWhatTheThreadsMdcHeld() {
		MDC.put("update_id", "1");
		MDC.put("other", "kept");
		String returned = LogContext.in(LogContext.of(Map.of("update_id", "2", "user_id", "3")), () -> MDC.get("update_id"));
		assertThat(returned).isEqualTo("2");
		assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("update_id", "1", "other", "kept"));
	}

	@Test
	void addsNothingWithoutIds() {
		AtomicReference<Map<String, String>> during = new AtomicReference<>();
		LogContext.in(Context.empty(), () -> during.set(MDC.getCopyOfContextMap()));
		assertThat(during.get()).isNullOrEmpty();
	}

	@Test
	void theIdsReachALogCallOnAnotherThreadThroughTheReactorContext() {
		Map<String, String> ids = new HashMap<>(Map.of("update_id", "42"));
		Mono<String> logged = Mono.delay(java.time.Duration.ofMillis(1), Schedulers.parallel())
			.flatMap(tick -> Mono.deferContextual(context -> Mono.just(LogContext.in(context, () -> MDC.get("update_id")))))
			.contextWrite(LogContext.of(ids));
		ids.put("update_id", "changed after"); // the context keeps its own copy
		StepVerifier.create(logged).expectNext("42").verifyComplete();
	}
}
