package io.analytips.pipeline.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.util.concurrent.Queues;

/**
 * The {@link SendJournal}'s appends on their way to its thread: a queue that any thread adds to and the journal's
 * thread drains, handing the records waiting (up to {@link #MAX_BATCH}) to the writer at once, so that a burst costs
 * one {@code write(2)} and one wake-up per batch instead of per record.
 * <p>
 * <b>Never interrupted.</b> The task that drains is handed to the scheduler and never disposed: cancelling an append
 * must not cancel that task, because Reactor cancels a running task by interrupting its thread, and an interrupted
 * {@code FileChannel} closes for good (every later record of the segment then failed with
 * {@code ClosedChannelException}). An append cancelled before the journal's thread took it is not written; one
 * cancelled after is written, and its subscriber no longer hears of it.
 * <p>
 * <b>Fair on a shared thread.</b> One drain writes at most one batch, then gives the thread back (scheduling itself
 * again if more is waiting): the journals of a deployment's bots share one thread.
 */
final class JournalAppends {

	/** Records written by one {@code write(2)} at most: 8 KiB. */
	static final int MAX_BATCH = 512;

	private final Queue<Pending> waiting = Queues.<Pending>unboundedMultiproducer().get();

	/** Appends added and not yet seen by a drain; the drain that moves it from 0 is the only one running. */
	private final AtomicInteger work = new AtomicInteger();

	private final List<Pending> batch = new ArrayList<>(MAX_BATCH);

	private final Scheduler writing;

	private final Consumer<List<Pending>> writer;

	/**
	 * @param writing the journal's thread
	 * @param writer called on that thread with each batch; it completes or fails every append it is given
	 */
	JournalAppends(Scheduler writing, Consumer<List<Pending>> writer) {
		this.writing = writing;
		this.writer = writer;
	}

	/** Completes once {@code record} is written (on the journal's thread); errors as the writer fails it. */
	Mono<Void> append(JournalRecord record) {
		return Mono.create(sink -> {
			Pending append = new Pending(record, sink);
			sink.onCancel(append::cancel);
			waiting.offer(append);
			if (work.getAndIncrement() == 0) {
				drainLater();
			}
		});
	}

	private void drainLater() {
		try {
			writing.schedule(this::drain);
		}
		catch (RejectedExecutionException closed) {
			// The journal's thread is gone (the journal was closed): nothing will drain, so say so to whoever waits.
			int seen;
			do {
				seen = work.get();
				Pending append;
				while ((append = waiting.poll()) != null) {
					append.fail(closed);
				}
			}
			while (work.addAndGet(-seen) != 0);
		}
	}

	private void drain() {
		int seen = work.get();
		Pending append;
		while (batch.size() < MAX_BATCH && (append = waiting.poll()) != null) {
			if (!append.cancelled) {
				batch.add(append);
			}
		}
		boolean full = batch.size() == MAX_BATCH;
		try {
			if (!batch.isEmpty()) {
				writer.accept(batch);
			}
		}
		catch (RuntimeException unexpected) {
			batch.forEach(failed -> failed.fail(unexpected));
		}
		finally {
			batch.clear();
		}
		if (full || work.addAndGet(-seen) != 0) {
			drainLater();
		}
	}

	/** One record waiting to be written, and who waits for it. */
	static final class Pending {

		final JournalRecord record;

		private final MonoSink<Void> sink;

		private volatile boolean cancelled;

		/** Set by the writer, on the journal's thread. */
		UnreleasedUpdate update;

		Pending(JournalRecord record, MonoSink<Void> sink) {
			this.record = record;
			this.sink = sink;
		}

		private void cancel() {
			cancelled = true;
		}

		void written() {
			sink.success();
		}

		void fail(Throwable error) {
			sink.error(error);
		}
	}
}
