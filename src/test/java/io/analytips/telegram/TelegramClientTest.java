package io.analytips.telegram;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import java.time.Duration;

import io.analytips.replica.Lease;
import io.analytips.replica.LeaseLapsedException;
import io.analytips.support.FakeBotApi;
import io.analytips.support.Updates;
import io.analytips.telegram.model.AnswerCallbackQuery;
import io.analytips.telegram.model.EditMessageText;
import io.analytips.telegram.model.GetUpdates;
import io.analytips.telegram.model.SendDocument;
import io.analytips.telegram.model.SendMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The client against the fake Bot API over real HTTP. */
class TelegramClientTest {

	private final FakeBotApi fake = FakeBotApi.start();

	private final TelegramClient client = new TelegramClient(TelegramTestSupport.properties(fake.url(), FakeBotApi.TOKEN));

	@AfterEach
	void close() {
		client.destroy();
		fake.close();
	}

	@Test
	void getMeEmitsTheBot() {
		StepVerifier.create(client.getMe())
			.assertNext(me -> assertThat(me.username()).isEqualTo("analytips_test_bot"))
			.verifyComplete();
	}

	@Test
	void aWrongTokenIsFatalAndNeverShowsTheToken() {
		TelegramClient wrong = new TelegramClient(TelegramTestSupport.properties(fake.url(), "999:wrong-secret"));
		StepVerifier.create(wrong.getMe())
			.expectErrorSatisfies(error -> {
				assertThat(error).isInstanceOf(TelegramException.class);
				TelegramException ex = (TelegramException) error;
				assertThat(ex.kind()).isEqualTo(TelegramException.Kind.UNAUTHORIZED);
				assertThat(ex.isFatal()).isTrue();
				assertThat(ex.errorCode()).isEqualTo(401);
				assertThat(ex.getMessage()).doesNotContain("wrong-secret");
			})
			.verify();
		wrong.destroy();
	}

	@Test
	void aMessageWhoseLeaseLapsedIsNotWrittenAtAll() {
		Lease lapsed = new Lease() {

			@Override
			public boolean valid() {
				return false;
			}

			@Override
			public boolean ended() {
				return false;
			}
		};
		StepVerifier.create(client.sendMessage(SendMessage.html(1, "hi", null))
			.contextWrite(context -> context.put(Lease.KEY, lapsed)))
			.expectError(LeaseLapsedException.class)
			.verify();
		assertThat(fake.messages()).isEmpty();
	}

	@Test
	void aMessageUnderAValidLeaseIsWrittenAndTheTimeFromItsCheckToTheWireIsMeasured() {
		List<Duration> windows = new CopyOnWriteArrayList<>();
		TelegramClient measured = new TelegramClient(TelegramTestSupport.properties(fake.url(), FakeBotApi.TOKEN),
				new TelegramCalls() {

					@Override
					public void ended(String method, String status, Duration retryAfter) {
					}

					@Override
					public void leaseToWire(Duration sinceCheck) {
						windows.add(sinceCheck);
					}
				});
		StepVerifier.create(measured.sendMessage(SendMessage.html(1, "hi", null))
			.contextWrite(context -> context.put(Lease.KEY, Lease.ALWAYS)))
			.expectNextCount(1)
			.verifyComplete();
		StepVerifier.create(measured.getMe()).expectNextCount(1).verifyComplete(); // no lease: not measured
		measured.destroy();
		assertThat(fake.messages()).hasSize(1);
		assertThat(windows).hasSize(1);
		assertThat(windows.get(0)).isPositive().isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void readsRetryAfterFromA429() {
		fake.when("sendMessage").times(1).retryAfter(7);
		StepVerifier.create(client.sendMessage(SendMessage.html(1, "hi", null)))
			.expectErrorSatisfies(error -> {
				TelegramException ex = (TelegramException) error;
				assertThat(ex.kind()).isEqualTo(TelegramException.Kind.TOO_MANY_REQUESTS);
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(7));
				assertThat(ex.isRetryable()).isTrue();
			})
			.verify();
	}

	@Test
	void classifiesForbiddenConflictAndServerErrors() {
		fake.when("sendMessage").times(1).respond(403, "Forbidden: bot was blocked by the user");
		fake.when("getUpdates").times(1).respond(409, "Conflict: terminated by other getUpdates request");
		fake.when("getMe").times(1).respond(502, "Bad Gateway");
		StepVerifier.create(client.sendMessage(SendMessage.html(1, "hi", null)))
			.expectErrorMatches(e -> ((TelegramException) e).kind() == TelegramException.Kind.FORBIDDEN
					&& !((TelegramException) e).isRetryable())
			.verify();
		StepVerifier.create(client.getUpdates(new GetUpdates(null, 100, 0, null)))
			.expectErrorMatches(e -> ((TelegramException) e).kind() == TelegramException.Kind.CONFLICT
					&& ((TelegramException) e).isRetryable() && !((TelegramException) e).isFatal())
			.verify();
		StepVerifier.create(client.getMe())
			.expectErrorMatches(e -> ((TelegramException) e).kind() == TelegramException.Kind.SERVER_ERROR)
			.verify();
	}

	@Test
	void aHangIsATimeoutThatMayHaveBeenExecuted() {
		TelegramClient impatient = new TelegramClient(
				TelegramTestSupport.properties(fake.url(), FakeBotApi.TOKEN, Duration.ofMillis(300)));
		fake.when("sendMessage").times(1).hang();
		StepVerifier.create(impatient.sendMessage(SendMessage.html(1, "hi", null)))
			.expectErrorSatisfies(error -> {
				TelegramException ex = (TelegramException) error;
				assertThat(ex.kind()).isEqualTo(TelegramException.Kind.TIMEOUT);
				assertThat(ex.mayHaveBeenExecuted()).isTrue();
			})
			.verify(Duration.ofSeconds(5));
		impatient.destroy();
	}

	@Test
	void aRefusedConnectionIsANetworkFailureThatWasNeverSent() {
		TelegramClient nowhere = new TelegramClient(TelegramTestSupport.properties("http://127.0.0.1:1", FakeBotApi.TOKEN));
		StepVerifier.create(nowhere.getMe())
			.expectErrorSatisfies(error -> {
				TelegramException ex = (TelegramException) error;
				assertThat(ex.kind()).isEqualTo(TelegramException.Kind.NETWORK);
				assertThat(ex.mayHaveBeenExecuted()).isFalse();
				assertThat(ex.getMessage()).doesNotContain(FakeBotApi.TOKEN);
			})
			.verify(Duration.ofSeconds(5));
		nowhere.destroy();
	}

	@Test
	void beyondItsConnectionsAndTheirWaitingLineACallFailsAtOnceAsNeverSent() {
		TelegramClient small = new TelegramClient(TelegramTestSupport.properties(fake.url(), FakeBotApi.TOKEN),
				TelegramCalls.NONE, 1, 1);
		fake.when("sendMessage").times(1).hang();
		reactor.core.Disposable onTheWire = small.sendMessage(SendMessage.html(1, "first", null)).subscribe();
		// the first is on the wire (and hangs there) before the others come
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> fake.calls("sendMessage").size() == 1);
		StepVerifier.create(small.sendMessage(SendMessage.html(1, "second", null))) // waits for the connection
			.expectSubscription()
			.then(() -> StepVerifier.create(small.sendMessage(SendMessage.html(1, "third", null)))
				.expectErrorSatisfies(error -> {
					TelegramException ex = (TelegramException) error;
					assertThat(ex.kind()).isEqualTo(TelegramException.Kind.NETWORK);
					assertThat(ex.mayHaveBeenExecuted()).isFalse();
					assertThat(ex.isRetryable()).isTrue();
				})
				.verify(Duration.ofSeconds(5)))
			.then(onTheWire::dispose)
			.assertNext(message -> assertThat(message).isNotNull())
			.verifyComplete();
		assertThat(fake.calls("sendMessage")).extracting(FakeBotApi.Call::text).containsExactly("first", "second");
		small.destroy();
	}

	@Test
	void getUpdatesReadsEachElementOnItsOwn() {
		fake.enqueue(Updates.message(5, "/help"));
		fake.enqueueRaw(50, "{\"update_id\":50,\"message\":\"not an object\"}");
		fake.enqueueRaw(51, "{\"no_id\":true}");
		fake.enqueueRaw(52, "{\"update_id\":52,\"poll\":{\"id\":\"p\"}}");
		StepVerifier.create(client.getUpdates(new GetUpdates(null, 100, 0, null)))
			.assertNext(updates -> {
				assertThat(updates).extracting(ReceivedUpdate::updateId).containsExactly(1L, 50L, 52L);
				assertThat(updates.get(0).isValid()).isTrue();
				assertThat(updates.get(0).update().message().text()).isEqualTo("/help");
				assertThat(updates.get(1).isValid()).isFalse();
				assertThat(updates.get(2).update().kind()).isEqualTo("unsupported");
			})
			.verifyComplete();
	}

	@Test
	void getUpdatesEmitsAnEmptyListAfterTheLongPollTimeout() {
		StepVerifier.create(client.getUpdates(new GetUpdates(null, 100, 1, null)))
			.assertNext(updates -> assertThat(updates).isEmpty())
			.verifyComplete();
	}

	@Test
	void editsAnswersCallbacksAndUploadsDocuments() {
		StepVerifier.create(client.editMessageText(EditMessageText.html(5, 42, "edited", null)))
			.assertNext(message -> assertThat(message.messageId()).isEqualTo(42))
			.verifyComplete();
		StepVerifier.create(client.answerCallbackQuery(new AnswerCallbackQuery("cb", "ok", true)))
			.expectNext(true)
			.verifyComplete();
		StepVerifier.create(client.sendDocument(new SendDocument(5, "log.txt", "line".getBytes(), "logs")))
			.assertNext(message -> assertThat(message.chat().id()).isEqualTo(5))
			.verifyComplete();
		assertThat(fake.calls("sendDocument").get(0).body().path("multipart").asString()).contains("log.txt");
	}

	@Test
	void webhookMethodsRoundTrip() {
		StepVerifier.create(client.deleteWebhook(false)).expectNext(true).verifyComplete();
		StepVerifier.create(client.getWebhookInfo())
			.assertNext(info -> assertThat(info.pendingUpdateCount()).isZero())
			.verifyComplete();
	}
}
