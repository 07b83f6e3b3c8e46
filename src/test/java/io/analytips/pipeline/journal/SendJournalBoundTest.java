package io.analytips.pipeline.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.analytips.common.MutableClock;
import io.analytips.pipeline.FaultyInbox;
import io.analytips.pipeline.recovery.InFlight;
import io.analytips.pipeline.Outcome;
import io.analytips.pipeline.UpdateListener;
import io.analytips.pipeline.inbox.MemoryInbox;
import io.analytips.support.Scratch;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static io.analytips.pipeline.journal.JournalRecord.Kind.ENDED;
import static io.analytips.pipeline.journal.JournalRecord.Kind.SENDING;
import static io.analytips.pipeline.journal.JournalRecord.Kind.SENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100 000 updates through the journal (segments of 1 024 records, 16 KiB), with outcome writes that fail and are
 * written again, leads lost and regained, and drains that hit their deadline: its files stay within 8 segments.
 */
class SendJournalBoundTest {

	private static final int SEGMENT = 1_024;

	private static final int MAX_FILES = 8;

	private final Path directory = Scratch.directory("send-journal");

	private final MemoryInbox memory = new MemoryInbox(new MutableClock());

	private final FaultyInbox inbox = new FaultyInbox(memory);

	private final AtomicReference<SendJournal> journal = new AtomicReference<>(open());

	private final InFlight inFlight = new InFlight(inbox, UpdateListener.NONE, id -> journal.get().release(id));

	private final Set<Long> failing = new HashSet<>();

	private SendJournal open() {
		// A virtual-time scheduler runs each write on this thread, at once: the test is deterministic.
		return SendJournal.open(directory, SEGMENT, VirtualTimeScheduler.create());
	}

	@Test
	void staysWithinEightSegmentsThroughFailuresLostLeadsAndDrains() {
		inbox.failFinishes(failing::contains);
		Random random = new Random(23);
		List<Long> dropped = new ArrayList<>();
		int most = 0;
		for (long id = 1; id <= 100_000; id++) {
			memory.storeNew(List.of(ReceivedUpdate.parse(Updates.message(1, "hi").put("update_id", id)))).block();
			inFlight.enter(id);
			int parts = 1 + random.nextInt(3);
			for (int part = 0; part < parts; part++) {
				journal.get().append(id, SENDING, part).then(journal.get().append(id, SENT, part)).block();
			}
			if (id % 10_000 < 16 || id % 25_000 > 24_984) {
				dropped.add(id); // in flight when the lead is lost, or when a drain hits its deadline
			}
			else {
				journal.get().append(id, ENDED, Outcome.DONE.ordinal()).block();
				if (random.nextInt(100) < 5) {
					failing.add(id); // the outcome write fails: kept for a rewrite
				}
				inFlight.finish(id, Outcome.DONE, null).onErrorResume(error -> Mono.empty()).block();
			}
			if (id % 500 == 0) {
				failing.clear();
				inFlight.rewrite().block();
			}
			if (id % 10_000 == 16) {
				leadLostAndRegained(dropped);
			}
			if (id % 25_000 == 0) {
				drainHitItsDeadlineAndRestart(dropped);
			}
			most = Math.max(most, files());
			assertThat(files()).as("segments after update %d", id).isLessThanOrEqualTo(MAX_FILES);
		}
		failing.clear();
		inFlight.rewrite().block();
		journal.get().forgetRecovered().block();

		assertThat(journal.get().unreleased()).isZero();
		assertThat(files()).as("only the current segment").isOne();
		assertThat(bytes()).isLessThanOrEqualTo((long) SEGMENT * JournalRecord.BYTES);
		System.out.printf("send journal bound: at most %d segments of %d records held at once%n", most, SEGMENT);
	}

	/** The lead goes: its updates are dropped; the regained lead's replay finishes half, another replica the rest. */
	private void leadLostAndRegained(List<Long> dropped) {
		journal.get().abandon();
		inFlight.forgetHandling();
		for (int i = 0; i < dropped.size(); i += 2) {
			inFlight.finish(dropped.get(i), Outcome.DONE, "answered before the restart").block();
		}
		journal.get().forgetRecovered().block();
		dropped.clear();
	}

	/** A drain ends at its deadline with updates unfinished; the next start reads them and forgets them after its replay. */
	private void drainHitItsDeadlineAndRestart(List<Long> dropped) {
		journal.get().close().block();
		SendJournal next = open();
		dropped.forEach(id -> assertThat(next.recovered(id).acknowledged()).as("readable at the next start").isPositive());
		journal.set(next);
		inFlight.forgetHandling();
		next.forgetRecovered().block();
		dropped.clear();
	}

	private int files() {
		return journal.get().files().size();
	}

	private long bytes() {
		return journal.get().files().stream().mapToLong(path -> {
			try {
				return Files.size(path);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).sum();
	}
}
