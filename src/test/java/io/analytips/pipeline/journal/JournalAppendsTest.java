package io.analytips.pipeline.journal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static io.analytips.pipeline.journal.JournalRecord.Kind.SENDING;
import static org.assertj.core.api.Assertions.assertThat;

/** The journal's appends: gathered into batches on its thread, never interrupting it, fair to the journals sharing it. */
class JournalAppendsTest {

	/** Tasks handed to the journal's "thread", run when the test says. */
	private final Queue<Runnable> tasks = new ArrayDeque<>();

	private final Scheduler held = Schedulers.fromExecutor(tasks::add);

	private final List<Integer> batches = new CopyOnWriteArrayList<>();

	private ExecutorService thread;

	@AfterEach
	void stopTheThread() {
		if (thread != null) {
			thread.shutdownNow();
		}
	}

	private static JournalRecord record(long updateId) {
		return new JournalRecord(updateId, SENDING, 0);
	}

	private Consumer<List<JournalAppends.Pending>> writingAll() {
		return batch -> {
			batches.add(batch.size());
			batch.forEach(JournalAppends.Pending::written);
		};
	}

	private void runTasks() {
		Runnable task;
		while ((task = tasks.poll()) != null) {
			task.run();
		}
	}

	@Test
	void appendsWaitingTogetherAreWrittenInBatchesOfAtMostTheLimit() {
		JournalAppends appends = new JournalAppends(held, writingAll());
		AtomicInteger written = new AtomicInteger();
		for (int i = 0; i < 1_000; i++) {
			appends.append(record(i)).subscribe(null, error -> { }, written::incrementAndGet);
		}
		assertThat(tasks).as("one wake-up for the whole burst").hasSize(1);

		runTasks();

		assertThat(batches).containsExactly(JournalAppends.MAX_BATCH, 1_000 - JournalAppends.MAX_BATCH);
		assertThat(written).hasValue(1_000);
	}

	@Test
	void aFullBatchGivesTheThreadBackBeforeWritingTheNext() {
		JournalAppends appends = new JournalAppends(held, writingAll());
		for (int i = 0; i < JournalAppends.MAX_BATCH + 1; i++) {
			appends.append(record(i)).subscribe();
		}
		tasks.add(() -> batches.add(-1)); // another journal's work, handed to the shared thread meanwhile

		runTasks();

		assertThat(batches).as("the next batch waits its turn").containsExactly(JournalAppends.MAX_BATCH, -1, 1);
	}

	@Test
	void cancellingAnAppendBeingWrittenNeverInterruptsTheJournalsThread() throws InterruptedException {
		thread = Executors.newSingleThreadExecutor();
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch cancelled = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		JournalAppends appends = new JournalAppends(Schedulers.fromExecutorService(thread), batch -> {
			writing.countDown();
			try {
				cancelled.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			// A FileChannel written now by an interrupted thread would close for good.
			interrupted.set(Thread.interrupted());
			batch.forEach(JournalAppends.Pending::written);
		});

		Disposable append = appends.append(record(1)).subscribe();
		assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
		append.dispose();
		cancelled.countDown();

		StepVerifier.create(appends.append(record(2))).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(interrupted).isFalse();
	}

	@Test
	void anAppendCancelledBeforeItsTurnIsNotWritten() {
		JournalAppends appends = new JournalAppends(held, writingAll());
		appends.append(record(1)).subscribe().dispose();
		StepVerifier.create(appends.append(record(2)).doOnSubscribe(subscription -> runTasks()))
			.then(this::runTasks)
			.verifyComplete();

		assertThat(batches).containsExactly(1);
	}

	@Test
	void aBatchTheWriterFailsErrorsItsAppendsAndTheNextIsWritten() {
		AtomicBoolean failing = new AtomicBoolean(true);
		JournalAppends appends = new JournalAppends(held, batch -> {
			if (failing.getAndSet(false)) {
				throw new IllegalStateException("disk gone");
			}
			batch.forEach(JournalAppends.Pending::written);
		});

		StepVerifier.create(appends.append(record(1))).then(this::runTasks)
			.expectErrorMessage("disk gone").verify(Duration.ofSeconds(5));
		StepVerifier.create(appends.append(record(2))).then(this::runTasks).verifyComplete();
	}

	@Test
	void appendsAfterTheThreadIsGoneFailAtOnce() {
		Scheduler gone = Schedulers.newSingle("journal-gone", true);
		gone.dispose();
		JournalAppends appends = new JournalAppends(gone, writingAll());

		StepVerifier.create(appends.append(record(1))).expectError(RejectedExecutionException.class)
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(appends.append(record(2))).expectError(RejectedExecutionException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(batches).isEmpty();
	}

	@Test
	void appendsFromManyThreadsAreEachWrittenOnce() {
		thread = Executors.newSingleThreadExecutor();
		AtomicInteger records = new AtomicInteger();
		JournalAppends appends = new JournalAppends(Schedulers.fromExecutorService(thread), batch -> {
			records.addAndGet(batch.size());
			batch.forEach(JournalAppends.Pending::written);
		});

		StepVerifier.create(Flux.range(0, 20_000)
			.parallel(4).runOn(Schedulers.parallel())
			.flatMap(i -> appends.append(record(i)).thenReturn(i))
			.sequential()
			.count())
			.expectNext(20_000L)
			.expectComplete()
			.verify(Duration.ofSeconds(30));
		assertThat(records).hasValue(20_000);
	}
}
