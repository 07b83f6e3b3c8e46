package io.analytips.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** An update's counter, send record and log ids, carried as one context entry and found by each reader. */
class UpdateScopeTest {

	private final UpstreamCalls calls = new UpstreamCalls();

	private final List<String> recorded = new ArrayList<>();

	private final SendRecord sends = new SendRecord() {
		@Override
		public <T> Mono<T> around(Mono<T> send) {
			return send.doOnNext(sent -> recorded.add(String.valueOf(sent)));
		}
	};

	private final UpdateScope scope = new UpdateScope(calls, sends, Map.of("update_id", "7"));

	@AfterEach
	void clearTheMdc() {
		MDC.clear();
	}

	@Test
	void isOneEntryOfTheContext() {
		Context context = scope.addTo(Context.of("lease", "term 3"));
		assertThat(context.size()).isEqualTo(2);
	}

	@Test
	void theCounterInTheScopeCountsEachCallSent() {
		StepVerifier.create(UpstreamCalls.counted(Mono.just("answer")).repeat(2).contextWrite(scope::addTo))
			.expectNext("answer", "answer", "answer")
			.verifyComplete();
		assertThat(calls.count()).isEqualTo(3);
	}

	@Test
	void theSendRecordInTheScopeWrapsTheSend() {
		StepVerifier.create(Mono.deferContextual(context -> SendRecord.recorded(context, Mono.just("hello")))
			.contextWrite(scope::addTo)).expectNext("hello").verifyComplete();
		assertThat(recorded).containsExactly("hello");
	}

	@Test
	void theLogIdsInTheScopeAreInTheMdcOnlyForTheLogCall() {
		String during = LogContext.in(scope.addTo(Context.empty()), () -> MDC.get("update_id"));
		assertThat(during).isEqualTo("7");
		assertThat(MDC.get("update_id")).isNull();
	}

	@Test
	void aValueWrittenUnderItsOwnKeyWinsOverTheScopes() {
		UpstreamCalls own = new UpstreamCalls();
		StepVerifier.create(UpstreamCalls.counted(Mono.just(1)).contextWrite(own::addTo).contextWrite(scope::addTo))
			.expectNext(1)
			.verifyComplete();
		assertThat(own.count()).isEqualTo(1);
		assertThat(calls.count()).isZero();
		String id = LogContext.in(scope.addTo(LogContext.of(Map.of("update_id", "8"))), () -> MDC.get("update_id"));
		assertThat(id).isEqualTo("8");
	}

	@Test
	void withoutAScopeNothingIsCountedRecordedOrLogged() {
		StepVerifier.create(UpstreamCalls.counted(Mono.just(1))).expectNext(1).verifyComplete();
		StepVerifier.create(Mono.deferContextual(context -> SendRecord.recorded(context, Mono.<String>empty())))
			.verifyComplete();
		assertThat(LogContext.in(Context.empty(), () -> MDC.getCopyOfContextMap())).isNullOrEmpty();
		assertThat(recorded).isEmpty();
	}

	@Test
	void itsLogIdsAreACopyAndMayNotBeNull() {
		Map<String, String> ids = new java.util.HashMap<>(Map.of("update_id", "1"));
		UpdateScope copied = new UpdateScope(calls, sends, ids);
		ids.put("update_id", "2");
		assertThat(copied.logIds()).containsEntry("update_id", "1");
		assertThatNullPointerException().isThrownBy(() -> new UpdateScope(calls, sends, null));
	}
}
