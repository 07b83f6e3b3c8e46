package io.analytips.pipeline.inbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.pipeline.Outcome;
import io.analytips.store.InboxAnnouncements;
import io.analytips.store.InboxRepository;
import io.analytips.support.TestDatabase;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class PostgresInboxTests {

	private final ConnectionPool pool = TestDatabase.pool(TestDatabase.migrated());

	private final PostgresInbox inbox = new PostgresInbox(new InboxRepository(TestDatabase.client(pool)),
			Duration.ofSeconds(5), Duration.ofSeconds(5));

	@AfterEach
	void close() {
		inbox.close().block();
		pool.dispose();
	}

	private static ReceivedUpdate update(long id) {
		return ReceivedUpdate.parse(id, Updates.message(1, "hi").put("update_id", id).toString());
	}

	@Test
	void storesABatchAndEmitsOnlyWhatIsNewInOrder() {
		StepVerifier.create(inbox.storeNew(List.of(update(1), update(2))))
			.assertNext(fresh -> assertThat(fresh).extracting(ReceivedUpdate::updateId).containsExactly(1L, 2L))
			.verifyComplete();
		StepVerifier.create(inbox.storeNew(List.of(update(2), update(3), update(3))))
			.assertNext(fresh -> assertThat(fresh).extracting(ReceivedUpdate::updateId).containsExactly(3L))
			.verifyComplete();
		StepVerifier.create(inbox.storeNew(List.of())).expectNext(List.of()).verifyComplete();
	}

	@Test
	void twoBotsInboxesOnOneDatabaseSeeOnlyTheirOwnRowsAndAnnouncements() {
		DatabaseClient db = TestDatabase.client(pool);
		InboxAnnouncements announcements = new InboxAnnouncements(db, pool.unwrap());
		PostgresInbox first = new PostgresInbox(new InboxRepository(db), Duration.ofSeconds(5), Duration.ofSeconds(5),
				announcements, 1);
		PostgresInbox second = new PostgresInbox(new InboxRepository(db), Duration.ofSeconds(5), Duration.ofSeconds(5),
				announcements, 2);
		try {
			StepVerifier.create(first.storeNew(List.of(update(5), update(6))))
				.assertNext(fresh -> assertThat(fresh).extracting(ReceivedUpdate::updateId).containsExactly(5L, 6L))
				.verifyComplete();
			StepVerifier.create(second.storeNew(List.of(update(5)))) // the same update id, another bot: new
				.assertNext(fresh -> assertThat(fresh).extracting(ReceivedUpdate::updateId).containsExactly(5L))
				.verifyComplete();
			StepVerifier.create(second.finish(5, Outcome.DONE, null)).verifyComplete();
			StepVerifier.create(first.unfinished().map(ReceivedUpdate::updateId)).expectNext(5L, 6L).verifyComplete();
			StepVerifier.create(second.unfinished()).verifyComplete();
			StepVerifier.create(first.unfinishedExcept(List.of(6L), 10).map(ReceivedUpdate::updateId)).expectNext(5L)
				.verifyComplete();
			StepVerifier.create(second.unfinishedExcept(List.of(), 10)).verifyComplete();
			StepVerifier.create(first.markFirstSent(6)).verifyComplete();
			StepVerifier.create(first.firstSentUnfinished()).expectNext(java.util.Set.of(6L)).verifyComplete();
			StepVerifier.create(second.firstSentUnfinished()).expectNext(java.util.Set.of()).verifyComplete();

			// The second bot hears only its own announcements, though the first bot's are made meanwhile.
			Mono<Void> announcing = Flux.interval(Duration.ofMillis(20))
				.take(500)
				.onBackpressureDrop()
				.concatMap(tick -> first.announceStored().then(tick % 5 == 4 ? second.announceStored() : Mono.empty()))
				.then();
			StepVerifier.create(second.announced().take(3).count().mergeWith(announcing.then(Mono.empty())).take(1))
				.expectNext(3L)
				.verifyComplete();
			AtomicInteger heardBySecond = new AtomicInteger();
			StepVerifier.create(first.announced()
				.take(5)
				.mergeWith(second.announced().doOnNext(signal -> heardBySecond.incrementAndGet()).then(Mono.empty()))
				.mergeWith(Flux.interval(Duration.ofMillis(20)).take(500).onBackpressureDrop()
					.concatMap(tick -> first.announceStored()).then(Mono.empty()))
				.take(5))
				.expectNextCount(5)
				.verifyComplete();
			assertThat(heardBySecond).hasValue(0);
		}
		finally {
			Mono.when(first.close(), second.close()).block(Duration.ofSeconds(10));
		}
	}

	@Test
	void storesAnUnusableUpdateAlreadyFinished() {
		ReceivedUpdate broken = ReceivedUpdate.parse(9, "{\"update_id\":9,\"message\":42}");
		StepVerifier.create(inbox.storeNew(List.of(broken))).expectNextCount(1).verifyComplete();
		StepVerifier.create(inbox.counts()).expectNext(Map.of("invalid", 1L)).verifyComplete();
		StepVerifier.create(inbox.unfinished()).verifyComplete();
	}

	@Test
	void finishesOnceAndReplaysOnlyWhatIsUnfinished() {
		inbox.storeNew(List.of(update(1), update(2), update(3))).block();
		StepVerifier.create(inbox.finish(1, Outcome.DONE, null)).verifyComplete();
		StepVerifier.create(inbox.finish(1, Outcome.FAILED, "late")).verifyComplete();
		StepVerifier.create(inbox.finish(2, Outcome.REJECTED, "notified")).verifyComplete();
		StepVerifier.create(inbox.counts()).expectNext(Map.of("done", 1L, "rejected", 1L, "pending", 1L)).verifyComplete();
		StepVerifier.create(inbox.unfinished().map(ReceivedUpdate::updateId)).expectNext(3L).verifyComplete();
	}

	@Test
	void groupCommitsConcurrentWrites() {
		StepVerifier.create(Flux.range(1, 500).flatMap(i -> inbox.storeNew(List.of(update(i))), 500)
			.flatMapIterable(list -> list)
			.count())
			.expectNext(500L)
			.verifyComplete();
		StepVerifier.create(Flux.range(1, 500).flatMap(i -> inbox.finish(i, Outcome.DONE, null), 500).then())
			.verifyComplete();
		StepVerifier.create(inbox.counts()).expectNext(Map.of("done", 500L)).verifyComplete();
	}

	/** The finding behind parked updates: the insert's own retry cannot tell a lost answer from a redelivery. */
	@Test
	void anInsertWhoseAnswerIsLostAfterCommitIsHandedToNobodyByItsRetry() {
		DatabaseClient db = TestDatabase.client(pool);
		PostgresInbox losing = new PostgresInbox(new AnswerLosingRepository(db).loseNext(1), Duration.ofSeconds(5),
				Duration.ofSeconds(5));
		StepVerifier.create(losing.storeNew(List.of(update(1)))).expectNext(List.of()).verifyComplete();
		StepVerifier.create(losing.unfinished().map(ReceivedUpdate::updateId)).expectNext(1L).verifyComplete();
		losing.close().block();
	}

	@Test
	void findsUnfinishedUpdatesStoredMoreThanAnAgeAgo() {
		inbox.storeNew(List.of(update(1), update(2), update(3))).block();
		inbox.finish(1, Outcome.DONE, null).block();
		TestDatabase.client(pool).sql("update inbox set received_at = now() - interval '5 minutes' where update_id <> 3")
			.then()
			.block();
		StepVerifier.create(inbox.unfinishedOlderThan(Duration.ofMinutes(2), List.of(), 10).map(ReceivedUpdate::updateId))
			.expectNext(2L)
			.verifyComplete();
		StepVerifier.create(inbox.unfinishedOlderThan(Duration.ofMinutes(10), List.of(), 10)).verifyComplete();
	}

	@Test
	void findsUnfinishedUpdatesOfAnyAgeButThoseHeldInUpdateOrder() {
		inbox.storeNew(List.of(update(4), update(2), update(3), update(1))).block();
		inbox.finish(1, Outcome.DONE, null).block();
		StepVerifier.create(inbox.unfinishedExcept(List.of(3L), 10).map(ReceivedUpdate::updateId))
			.expectNext(2L, 4L)
			.verifyComplete();
		StepVerifier.create(inbox.unfinishedExcept(List.of(), 1).map(ReceivedUpdate::updateId)).expectNext(2L).verifyComplete();
		StepVerifier.create(inbox.unfinishedExcept(List.of(2L, 3L, 4L), 10)).verifyComplete();
	}

	/**
	 * After an outage the leader holds up to some 11 000 updates (outcomes to write again, the buffer): they are left
	 * out in this process, and the database is sent only the ids of the rows to read (at most the limit).
	 */
	@Test
	void leavesOutElevenThousandHeldUpdatesWithoutSendingThemToTheDatabase() {
		List<ReceivedUpdate> stored = java.util.stream.LongStream.rangeClosed(1, 11_020).mapToObj(PostgresInboxTests::update).toList();
		for (int from = 0; from < stored.size(); from += 500) {
			inbox.storeNew(stored.subList(from, Math.min(stored.size(), from + 500))).block();
		}
		TestDatabase.client(pool).sql("update inbox set received_at = now() - interval '5 minutes'").then().block();
		java.util.Set<Long> held = new java.util.HashSet<>();
		java.util.stream.LongStream.rangeClosed(1, 11_000).forEach(held::add);
		held.remove(500L); // one in the middle nobody holds
		held.add(11_005L);
		InboxRepository repository = org.mockito.Mockito.spy(new InboxRepository(TestDatabase.client(pool)));
		PostgresInbox reading = new PostgresInbox(repository, Duration.ofSeconds(5), Duration.ofSeconds(5));

		StepVerifier.create(reading.unfinishedExcept(held, 5).map(ReceivedUpdate::updateId))
			.expectNext(500L, 11_001L, 11_002L, 11_003L, 11_004L)
			.verifyComplete();
		StepVerifier.create(reading.unfinishedOlderThan(Duration.ofMinutes(2), held, 256).map(ReceivedUpdate::updateId).collectList())
			.assertNext(ids -> assertThat(ids).hasSize(20).startsWith(500L, 11_001L).doesNotContain(11_005L).endsWith(11_020L))
			.verifyComplete();
		org.mockito.ArgumentCaptor<List<Long>> read = org.mockito.ArgumentCaptor.captor();
		org.mockito.Mockito.verify(repository, org.mockito.Mockito.times(2)).unfinishedAmong(org.mockito.ArgumentMatchers.eq(0L), read.capture());
		assertThat(read.getAllValues()).extracting(List::size).containsExactly(5, 20);
		reading.close().block();
	}

	@Test
	void failsToFindUnfinishedUpdatesWhenTheDatabaseCannotBeRead() {
		InboxRepository down = mock(InboxRepository.class);
		when(down.unfinishedIdsOlderThan(org.mockito.ArgumentMatchers.anyLong(), any(), org.mockito.ArgumentMatchers.anyInt()))
			.thenReturn(Mono.error(new IllegalStateException("connection refused")));
		PostgresInbox failing = new PostgresInbox(down, Duration.ofMillis(300), Duration.ofMillis(300));
		StepVerifier.create(failing.unfinishedOlderThan(Duration.ofMinutes(2), List.of(), 10))
			.expectErrorMessage("connection refused")
			.verify();
		failing.close().block();
	}

	@Test
	void failsAndSaysSoWhenTheDatabaseCannotBeWritten() {
		InboxRepository down = mock(InboxRepository.class);
		when(down.insertNew(org.mockito.ArgumentMatchers.anyLong(), any())).thenReturn(Mono.error(new IllegalStateException("connection refused")));
		PostgresInbox failing = new PostgresInbox(down, Duration.ofMillis(300), Duration.ofMillis(300));
		StepVerifier.create(failing.storeNew(List.of(update(1))))
			.expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("connection refused"))
			.verify(Duration.ofSeconds(5));
		assertThat(failing.isFailing()).isTrue();
		failing.close().block();
	}
	@Test
	void withReplicasMarksAcknowledgedFirstMessagesForASuccessorsReplayUntilTheyAreFinished() {
		PostgresInbox shared = new PostgresInbox(new InboxRepository(TestDatabase.client(pool)), Duration.ofSeconds(5),
				Duration.ofSeconds(5), new io.analytips.store.InboxAnnouncements(TestDatabase.client(pool), pool.unwrap()));
		assertThat(shared.marksFirstSends()).isTrue();
		assertThat(inbox.marksFirstSends()).as("alone, the local send journal is enough").isFalse();
		StepVerifier.create(shared.storeNew(List.of(update(1), update(2), update(3)))).expectNextCount(1).verifyComplete();

		StepVerifier.create(Mono.when(shared.markFirstSent(1), shared.markFirstSent(2), shared.markFirstSent(2)))
			.verifyComplete();
		StepVerifier.create(shared.firstSentUnfinished()).expectNext(java.util.Set.of(1L, 2L)).verifyComplete();

		StepVerifier.create(shared.finish(1, io.analytips.pipeline.Outcome.DONE, null)).verifyComplete();
		StepVerifier.create(shared.firstSentUnfinished()).expectNext(java.util.Set.of(2L)).verifyComplete();
		StepVerifier.create(inbox.markFirstSent(3)).verifyComplete();
		StepVerifier.create(inbox.firstSentUnfinished()).expectNext(java.util.Set.of()).verifyComplete();
		shared.close().block(Duration.ofSeconds(5));
	}
}
