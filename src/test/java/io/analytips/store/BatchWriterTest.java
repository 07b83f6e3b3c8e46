package io.analytips.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BatchWriterTest {

	private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

	private BatchWriter<Integer, String> writer(int maxBatch) {
		return new BatchWriter<>("test", maxBatch, Duration.ofMillis(5), Duration.ofSeconds(5), items -> {
			batches.add(items);
			return Mono.just(items.stream().map(i -> "w" + i).toList());
		});
	}

	@Test
	void answersEachItemWithItsOwnResult() {
		BatchWriter<Integer, String> writer = writer(10);
		StepVerifier.create(writer.submit(7)).expectNext("w7").verifyComplete();
	}

	@Test
	void groupsConcurrentSubmissionsIntoFewBatches() {
		BatchWriter<Integer, String> writer = writer(100);
		StepVerifier.create(Flux.range(0, 1000).flatMap(writer::submit, 1000).collectList())
			.assertNext(results -> assertThat(results).hasSize(1000).contains("w0", "w999"))
			.verifyComplete();
		assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(100));
		assertThat(batches.size()).isLessThan(100);
	}

	@Test
	void retriesAFailedBatchThenSucceeds() {
		AtomicInteger attempts = new AtomicInteger();
		BatchWriter<Integer, String> writer = new BatchWriter<>("flaky", 10, Duration.ofMillis(1), Duration.ofSeconds(5),
				items -> attempts.incrementAndGet() < 3 ? Mono.error(new IllegalStateException("down"))
						: Mono.just(items.stream().map(String::valueOf).toList()));
		StepVerifier.create(writer.submit(1)).expectNext("1").verifyComplete();
		assertThat(attempts).hasValue(3);
	}

	@Test
	void failsTheItemsOfABatchThatKeepsFailing() {
		BatchWriter<Integer, String> writer = new BatchWriter<>("broken", 10, Duration.ofMillis(1),
				Duration.ofMillis(300), items -> Mono.error(new IllegalStateException("down")));
		StepVerifier.create(writer.submit(1)).expectError().verify(Duration.ofSeconds(5));
		// the writer goes on with the next batch
		StepVerifier.create(writer.submit(2)).expectError().verify(Duration.ofSeconds(5));
	}

	/** A writer whose writes wait until the test opens the gate. */
	private BatchWriter<Integer, String> gated(Sinks.Empty<Void> gate, int maxBatch, int capacity) {
		return new BatchWriter<>("gated", maxBatch, capacity, Duration.ofMillis(1), Duration.ofSeconds(30),
				items -> gate.asMono().thenReturn(items.stream().map(i -> "w" + i).toList()));
	}

	@Test
	void aReaderFailsTheKeysOfAFailedBatchAtOnceWithoutRetrying() {
		AtomicInteger attempts = new AtomicInteger();
		BatchWriter<Integer, String> reader = BatchWriter.reads("reads", 10, Duration.ofMillis(1), keys -> {
			attempts.incrementAndGet();
			return Mono.error(new IllegalStateException("down"));
		});
		StepVerifier.create(reader.submit(1)).expectErrorMessage("down").verify(Duration.ofSeconds(5));
		assertThat(attempts).hasValue(1);
		assertThat(reader.queued()).isZero();
	}

	@Test
	void aReaderAnswersEachKeyOfABatchWithItsOwnResult() {
		BatchWriter<Integer, String> reader = BatchWriter.reads("reads", 100, Duration.ofMillis(5), keys -> {
			batches.add(keys);
			return Mono.just(keys.stream().map(key -> "r" + key).toList());
		});
		StepVerifier.create(Flux.range(0, 300).flatMapSequential(reader::submit, 300).collectList())
			.assertNext(results -> assertThat(results).hasSize(300).startsWith("r0", "r1").endsWith("r299"))
			.verifyComplete();
		assertThat(batches.size()).isLessThan(300);
	}

	@Test
	void refusesAtOnceBeyondItsCapacityAndAcceptsAgainOnceWritten() {
		Sinks.Empty<Void> gate = Sinks.empty();
		BatchWriter<Integer, String> writer = gated(gate, 2, 4);
		List<String> results = new CopyOnWriteArrayList<>();
		Flux.range(1, 4).flatMap(writer::submit).subscribe(results::add);
		assertThat(writer.queued()).isEqualTo(4);
		StepVerifier.create(writer.submit(5))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(BatchWriter.QueueFullException.class)
				.hasMessageContaining("gated writer is full (4 items"))
			.verify(Duration.ofSeconds(1));
		assertThat(writer.queued()).isEqualTo(4);
		gate.tryEmitEmpty();
		await().until(() -> results.size() == 4);
		assertThat(results).containsExactlyInAnyOrder("w1", "w2", "w3", "w4");
		assertThat(writer.queued()).isZero();
		StepVerifier.create(writer.submit(5)).expectNext("w5").verifyComplete();
	}

	@Test
	void takesASubmissionOfSeveralItemsWholeOrNotAtAll() {
		Sinks.Empty<Void> gate = Sinks.empty();
		BatchWriter<Integer, String> writer = gated(gate, 2, 4);
		List<List<String>> results = new CopyOnWriteArrayList<>();
		writer.submitAll(List.of(1, 2, 3)).subscribe(results::add);
		StepVerifier.create(writer.submitAll(List.of(4, 5))).expectError(BatchWriter.QueueFullException.class).verify(Duration.ofSeconds(1));
		assertThat(writer.queued()).isEqualTo(3);
		writer.submitAll(List.of(4)).subscribe(results::add);
		gate.tryEmitEmpty();
		await().until(() -> results.size() == 2);
		assertThat(results).containsExactlyInAnyOrder(List.of("w1", "w2", "w3"), List.of("w4"));
		StepVerifier.create(writer.submitAll(List.of())).expectNext(List.of()).verifyComplete();
		StepVerifier.create(writer.submitAll(List.of(6, 7, 8, 9))).expectNext(List.of("w6", "w7", "w8", "w9")).verifyComplete();
	}

	@Test
	void givesBackTheRoomOfItemsWhoseBatchFailed() {
		// a long linger: the two items fill one batch at once and fail together, however busy the machine (with 1 ms
		// a loaded machine could flush the first alone and leave the second retrying when the first error arrives)
		BatchWriter<Integer, String> writer = new BatchWriter<>("broken", 2, 2, Duration.ofSeconds(30), Duration.ofMillis(200),
				items -> Mono.error(new IllegalStateException("down")));
		StepVerifier.create(writer.submitAll(List.of(1, 2))).expectError(IllegalStateException.class).verify(Duration.ofSeconds(5));
		assertThat(writer.queued()).isZero();
		StepVerifier.create(writer.submitAll(List.of(3, 4))).expectError(IllegalStateException.class).verify(Duration.ofSeconds(5));
	}

	@Test
	void holdsTwentyBatchesByDefault() {
		assertThat(writer(500).capacity()).isEqualTo(10_000);
	}

	@Test
	void closeWritesWhatIsQueuedThenRefusesMore() {
		BatchWriter<Integer, String> writer = new BatchWriter<>("slow", 10, Duration.ofMillis(1), Duration.ofSeconds(5),
				items -> Mono.delay(Duration.ofMillis(100)).thenReturn(items.stream().map(String::valueOf).toList()));
		List<String> results = new CopyOnWriteArrayList<>();
		writer.submit(1).subscribe(results::add);
		writer.submit(2).subscribe(results::add);
		StepVerifier.create(writer.close()).verifyComplete();
		assertThat(results).containsExactlyInAnyOrder("1", "2");
		StepVerifier.create(writer.submit(3)).expectError(IllegalStateException.class).verify();
		StepVerifier.create(writer.submitAll(List.of(3))).expectError(IllegalStateException.class).verify();
	}

	/** Submit and close raced on two threads, many times: the item is written or refused, never left unanswered. */
	@Test
	void aSubmissionRacingTheCloseIsAnsweredAndGivesBackItsRoom() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 2_000; round++) {
				BatchWriter<Integer, String> writer = writer(10);
				CyclicBarrier start = new CyclicBarrier(2);
				int item = round;
				boolean several = round % 2 == 1;
				Future<CompletableFuture<?>> submitted = threads.submit(() -> {
					start.await();
					return several ? writer.submitAll(List.of(item, item)).toFuture() : writer.submit(item).toFuture();
				});
				Future<CompletableFuture<Void>> closing = threads.submit(() -> {
					start.await();
					return writer.close().toFuture();
				});
				closing.get(5, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS);
				String answer = submitted.get(5, TimeUnit.SECONDS)
					.handle((value, error) -> error == null ? String.valueOf(value) : error.getMessage())
					.get(5, TimeUnit.SECONDS);
				assertThat(answer).as("round %d", round)
					.isIn(several ? List.of("[w" + item + ", w" + item + "]", "test writer is closed")
							: List.of("w" + item, "test writer is closed"));
				assertThat(writer.queued()).as("round %d", round).isZero();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}
}
