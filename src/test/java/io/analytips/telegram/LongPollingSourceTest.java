package io.analytips.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.support.TestClock;
import io.analytips.support.Updates;
import io.analytips.telegram.model.GetUpdates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The polling loop in virtual time, with a scripted client and store. */
class LongPollingSourceTest {

	private final TelegramClient client = mock(TelegramClient.class);

	private final List<GetUpdates> polls = new ArrayList<>();

	private final List<List<ReceivedUpdate>> stored = new ArrayList<>();

	private UpdateStore store = batch -> {
		stored.add(batch);
		return Mono.just(batch);
	};

	@BeforeEach
	void removingTheWebhookSucceeds() {
		when(client.deleteWebhook(anyBoolean())).thenReturn(Mono.just(true));
	}

	private LongPollingSource source() {
		return new LongPollingSource(client, batch -> store.storeNew(batch),
				TelegramTestSupport.properties("http://unused", "t"), TestClock.running());
	}

	/** Scripts getUpdates: each call gets the next answer; after the last, the poll never returns. */
	@SafeVarargs
	private void polls(Mono<List<ReceivedUpdate>>... answers) {
		AtomicInteger call = new AtomicInteger();
		when(client.getUpdates(any())).thenAnswer(invocation -> {
			polls.add(invocation.getArgument(0));
			int n = call.getAndIncrement();
			return n < answers.length ? answers[n] : Mono.never();
		});
	}

	private static ReceivedUpdate update(long id) {
		return ReceivedUpdate.parse(id, Updates.message(1, "hi").put("update_id", id).toString());
	}

	@Test
	void removesTheWebhookThenEmitsStoredUpdatesInOrder() {
		polls(Mono.just(List.of(update(1), update(2))), Mono.just(List.of(update(3))));
		StepVerifier.create(source().updates())
			.expectNextMatches(u -> u.updateId() == 1)
			.expectNextMatches(u -> u.updateId() == 2)
			.expectNextMatches(u -> u.updateId() == 3)
			.thenCancel()
			.verify();
		verify(client).deleteWebhook(false);
		// The poll after the last batch may or may not have started when the verifier cancels.
		assertThat(polls).extracting(GetUpdates::offset).startsWith(null, 3L);
		assertThat(polls.get(0).timeout()).isEqualTo(1);
		assertThat(polls.get(0).allowedUpdates()).containsExactly("message", "callback_query", "my_chat_member",
				"inline_query");
	}

	@Test
	void asksTelegramForNoMoreThanDownstreamRequested() {
		polls(Mono.just(List.of(update(1), update(2), update(3))), Mono.just(List.of(update(4), update(5))));
		StepVerifier.withVirtualTime(() -> source().updates(), 0)
			.thenAwait(Duration.ofMinutes(10))
			.then(() -> assertThat(polls).as("nothing requested, nothing fetched").isEmpty())
			.thenRequest(3)
			.expectNextCount(3)
			.thenAwait(Duration.ofMinutes(10))
			.then(() -> assertThat(polls).as("all given: no poll until more is asked for").hasSize(1))
			.thenRequest(5)
			.expectNextCount(2)
			.thenCancel()
			.verify();
		assertThat(polls).extracting(GetUpdates::limit).startsWith(3, 5);
		assertThat(polls).extracting(GetUpdates::offset).startsWith(null, 4L);
	}

	@Test
	void closingStopsPollingButHandsOnTheBatchAlreadyStored() {
		polls(Mono.just(List.of(update(1), update(2), update(3))), Mono.just(List.of(update(4))));
		Sinks.Empty<Void> closing = Sinks.empty();
		StepVerifier.create(source().updates(closing.asMono()), 1)
			.expectNextMatches(u -> u.updateId() == 1)
			.then(() -> closing.tryEmitEmpty())
			.thenRequest(10)
			.expectNextMatches(u -> u.updateId() == 2)
			.expectNextMatches(u -> u.updateId() == 3)
			.verifyComplete();
		assertThat(polls).hasSize(1);
	}

	@Test
	void closingCancelsAPollStillWaiting() {
		polls(); // every poll waits
		Sinks.Empty<Void> closing = Sinks.empty();
		StepVerifier.create(source().updates(closing.asMono()))
			.then(() -> closing.tryEmitEmpty())
			.verifyComplete();
		assertThat(polls).hasSize(1);
	}

	@Test
	void aQuietBotIsReceivingAsSoonAsItsFirstPollGoesNotWhenItIsAnswered() {
		polls(); // Telegram has nothing: the first long poll is answered only at its timeout
		LongPollingSource source = source();
		assertThat(source.status().state()).isEqualTo(SourceStatus.State.IDLE);
		StepVerifier.create(source.updates())
			.then(() -> assertThat(polls).hasSize(1))
			.then(() -> assertThat(source.status().isHealthy()).as("ready while the first poll waits").isTrue())
			.then(() -> assertThat(source.status().lastSuccess()).as("nothing received yet").isNull())
			.thenCancel()
			.verify();
		assertThat(source.status().state()).isEqualTo(SourceStatus.State.IDLE);
	}

	@Test
	void aBotWhoseWebhookCannotBeRemovedIsNotReceiving() {
		when(client.deleteWebhook(anyBoolean())).thenReturn(Mono.error(new TelegramException(502, "Bad Gateway", null, null)));
		LongPollingSource source = source();
		StepVerifier.withVirtualTime(source::updates)
			.thenAwait(Duration.ofSeconds(1))
			.then(() -> assertThat(source.status().state()).isEqualTo(SourceStatus.State.RETRYING))
			.thenCancel()
			.verify();
	}

	@Test
	void asksForAFullBatchWhenDemandIsUnbounded() {
		polls(Mono.just(List.of(update(1))));
		StepVerifier.create(source().updates()).expectNextCount(1).thenCancel().verify();
		assertThat(polls.get(0).limit()).isEqualTo(100);
	}

	@Test
	void cancellingWhileWaitingForDemandEndsIntakeAndPollsNoMore() {
		polls(Mono.just(List.of(update(1))));
		StepVerifier.withVirtualTime(() -> source().updates(), 1)
			.expectNextCount(1)
			.thenAwait(Duration.ofMinutes(1))
			.thenCancel()
			.verify();
		assertThat(polls).hasSize(1);
	}

	@Test
	void aPollThatFailsIsRetriedWithTheSameLimit() {
		polls(Mono.error(new TelegramException(502, "Bad Gateway", null, null)), Mono.just(List.of(update(1), update(2))));
		StepVerifier.withVirtualTime(() -> source().updates(), 2)
			.thenAwait(Duration.ofMinutes(1))
			.expectNextCount(2)
			.thenCancel()
			.verify();
		assertThat(polls).extracting(GetUpdates::limit).containsExactly(2, 2);
	}

	@Test
	void confirmsABatchOnlyAfterItIsStored() {
		store = batch -> Mono.delay(Duration.ofSeconds(2)).thenReturn(batch);
		polls(Mono.just(List.of(update(10))));
		StepVerifier.withVirtualTime(() -> source().updates())
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(1999))
			.then(() -> assertThat(polls).hasSize(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNextMatches(u -> u.updateId() == 10)
			.then(() -> assertThat(polls).extracting(GetUpdates::offset).containsExactly(null, 11L))
			.thenCancel()
			.verify();
	}

	@Test
	void leavesOutWhatTheStoreHadAlready() {
		store = batch -> Mono.just(batch.subList(1, batch.size()));
		polls(Mono.just(List.of(update(1), update(2))));
		StepVerifier.create(source().updates())
			.expectNextMatches(u -> u.updateId() == 2)
			.thenCancel()
			.verify();
		assertThat(polls.get(0).offset()).isNull();
		assertThat(polls.subList(1, polls.size())).allMatch(poll -> poll.offset() == 3L);
	}

	@Test
	void whenTheStoreFailsPollsAgainWithTheSameOffsetAfterABackoff() {
		AtomicInteger attempts = new AtomicInteger();
		store = batch -> attempts.getAndIncrement() == 0 ? Mono.error(new IllegalStateException("database down"))
				: Mono.just(batch);
		polls(Mono.just(List.of(update(5))), Mono.just(List.of(update(5))));
		LongPollingSource source = source();
		StepVerifier.withVirtualTime(source::updates)
			.expectSubscription()
			.then(() -> assertThat(source.status().state()).isEqualTo(SourceStatus.State.RETRYING))
			.expectNoEvent(Duration.ofMillis(800))
			.thenAwait(Duration.ofMillis(1300))
			.expectNextMatches(u -> u.updateId() == 5)
			.then(() -> assertThat(source.status().state()).isEqualTo(SourceStatus.State.RECEIVING))
			.thenCancel()
			.verify();
		assertThat(polls).extracting(GetUpdates::offset).containsExactly(null, null, 6L);
	}

	@Test
	void waitsExactlyRetryAfterOnA429() {
		polls(Mono.error(new TelegramException(429, "Too Many Requests", Duration.ofSeconds(5), null)),
				Mono.just(List.of(update(1))));
		StepVerifier.withVirtualTime(() -> source().updates())
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(4999))
			.then(() -> assertThat(polls).hasSize(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNextMatches(u -> u.updateId() == 1)
			.thenCancel()
			.verify();
	}

	@Test
	void backsOffOnAConflictInsteadOfEnding() {
		polls(Mono.error(new TelegramException(409, "Conflict", null, null)),
				Mono.error(new TelegramException(409, "Conflict", null, null)), Mono.just(List.of(update(1))));
		StepVerifier.withVirtualTime(() -> source().updates())
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(4)) // about 1 s, then about 2 s
			.expectNextMatches(u -> u.updateId() == 1)
			.thenCancel()
			.verify();
		assertThat(polls).hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void endsWithAnErrorWhenTheTokenIsRejected() {
		polls(Mono.error(new TelegramException(401, "Unauthorized", null, null)));
		LongPollingSource source = source();
		StepVerifier.create(source.updates())
			.expectErrorMatches(e -> e instanceof TelegramException t && t.isFatal())
			.verify();
		assertThat(source.status().state()).isEqualTo(SourceStatus.State.FAILED);
	}

	@Test
	void anEmptyBatchIsNotStored() {
		polls(Mono.just(List.of()), Mono.just(List.of(update(1))));
		StepVerifier.create(source().updates()).expectNextCount(1).thenCancel().verify();
		assertThat(stored).hasSize(1);
	}

	@Test
	void confirmsTheLastStoredOffsetWithoutWaiting() {
		polls(Mono.just(List.of(update(41))));
		LongPollingSource source = source();
		StepVerifier.create(source.updates()).expectNextCount(1).thenCancel().verify();
		when(client.getUpdates(any())).thenReturn(Mono.just(List.of()));
		StepVerifier.create(source.confirmReceived()).verifyComplete();
		ArgumentCaptor<GetUpdates> last = ArgumentCaptor.forClass(GetUpdates.class);
		verify(client, atLeast(1)).getUpdates(last.capture());
		assertThat(last.getValue()).isEqualTo(new GetUpdates(42L, 1, 0, io.analytips.telegram.model.Update.ALLOWED));
	}

	@Test
	void aReplicaWhoseLeaseIsNotValidDoesNotConfirmSoItCannotCutItsSuccessorsPollShort() {
		polls(Mono.just(List.of(update(41))));
		io.analytips.support.TestLeadership lead = new io.analytips.support.TestLeadership();
		lead.grant();
		LongPollingSource source = new LongPollingSource(client, batch -> store.storeNew(batch),
				TelegramTestSupport.properties("http://unused", "t"), TestClock.running(), lead);
		StepVerifier.create(source.updates()).expectNextCount(1).thenCancel().verify();
		int polled = org.mockito.Mockito.mockingDetails(client).getInvocations().size();

		lead.lose();
		StepVerifier.create(source.confirmReceived()).verifyComplete();

		assertThat(org.mockito.Mockito.mockingDetails(client).getInvocations()).as("no getUpdates after the lead was lost")
			.hasSize(polled);
	}

	@Test
	void confirmingCompletesEvenWhenTelegramIsDownOrNothingWasStored() {
		StepVerifier.create(source().confirmReceived()).verifyComplete();
		verify(client, never()).getUpdates(any());
		polls(Mono.just(List.of(update(1))));
		LongPollingSource source = source();
		StepVerifier.create(source.updates()).expectNextCount(1).thenCancel().verify();
		when(client.getUpdates(any())).thenReturn(Mono.error(TelegramException.io(TelegramException.Kind.NETWORK, "down", null)));
		StepVerifier.create(source.confirmReceived()).verifyComplete();
		ArgumentCaptor<GetUpdates> last = ArgumentCaptor.forClass(GetUpdates.class);
		verify(client, atLeast(2)).getUpdates(last.capture());
		assertThat(last.getValue().offset()).isEqualTo(2L);
	}
}
