package io.analytips.pipeline.journal;

import java.util.concurrent.RejectedExecutionException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The thread a {@link SendJournal} does its file work on: one per process, shared by the journals of a deployment's
 * bots, or a journal's own (a test's scheduler). A Reactor scheduler rather than a plain executor: handing it work
 * from an event loop must not block, and Reactor's own queue is known not to (BlockHound).
 * <p>
 * Work handed over here is never cancelled: Reactor cancels a running task by interrupting its thread, and an
 * interrupted {@code FileChannel} closes for good.
 */
final class JournalThread {

	/**
	 * Created on first use and never disposed: a daemon thread, like Reactor's own. Made by Reactor's default factory,
	 * not by the one installed at that moment: virtual time installs its own, whose scheduler ends with the test that
	 * happened to touch the journal first and would leave every later journal of the process without a thread.
	 */
	private static final class Shared {
		static final JournalThread THREAD = new JournalThread(single("send-journal"), false);
	}

	private static Scheduler single(String name) {
		Scheduler scheduler = new Schedulers.Factory() {
		}.newSingle(task -> {
			Thread thread = new Thread(task, name + "-1"); // one thread, named as Reactor names its own
			thread.setDaemon(true);
			return thread;
		});
		scheduler.init();
		return scheduler;
	}

	final Scheduler scheduler;

	private final boolean owned;

	private JournalThread(Scheduler scheduler, boolean owned) {
		this.scheduler = scheduler;
		this.owned = owned;
	}

	/** The process's journal thread. */
	static JournalThread shared() {
		return Shared.THREAD;
	}

	/** A journal's own thread, disposed of by {@link #stop}. */
	static JournalThread own(Scheduler scheduler) {
		return new JournalThread(scheduler, true);
	}

	/** Runs {@code task} there, or here if the thread is gone; returns at once. */
	void run(Runnable task) {
		try {
			scheduler.schedule(task);
		}
		catch (RejectedExecutionException gone) {
			task.run();
		}
	}

	/**
	 * Runs {@code task} there and completes after it, with its error if it throws (at once, if the thread is gone).
	 * Cancelling the returned Mono does not cancel the task.
	 */
	Mono<Void> awaited(Runnable task) {
		return Mono.create(sink -> {
			try {
				scheduler.schedule(() -> {
					try {
						task.run();
						sink.success();
					}
					catch (RuntimeException ex) {
						sink.error(ex);
					}
				});
			}
			catch (RejectedExecutionException gone) {
				sink.success();
			}
		});
	}

	/** Disposes of a journal's own thread once its queued work is done; the shared one stays. */
	Mono<Void> stop() {
		return owned ? scheduler.disposeGracefully() : Mono.empty();
	}
}
