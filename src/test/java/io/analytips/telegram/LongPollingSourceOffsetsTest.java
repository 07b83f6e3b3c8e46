package io.analytips.telegram;

import java.time.Duration;
import java.util.List;

import io.analytips.support.TestClock;
import io.analytips.telegram.model.GetUpdates;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Updates go on once stored, in order, and only what was stored is confirmed to Telegram with the next offset. */
class LongPollingSourceOffsetsTest extends PollingFixture {

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
