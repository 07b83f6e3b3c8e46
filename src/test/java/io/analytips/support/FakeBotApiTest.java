package io.analytips.support;

import java.time.Duration;
import java.util.List;

import io.analytips.telegram.TelegramJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/** The fake Bot API with several bots: each token answered by its own bot, and the default bot as before. */
class FakeBotApiTest {

	private static final String ALPHA = "111:alpha-token-for-the-fake-bot-api-000000";

	private static final String BETA = "222:beta-token-for-the-fake-bot-api-0000000";

	private final FakeBotApi fake = FakeBotApi.start();

	private final HttpClient http = HttpClient.create();

	@AfterEach
	void close() {
		fake.close();
	}

	/** The status and body of a call with {@code token}. */
	private record Reply(int status, JsonNode body) {
	}

	private Mono<Reply> call(String token, String method, String json) {
		return http.headers(headers -> headers.set("Content-Type", "application/json"))
			.post()
			.uri(fake.url() + "/bot" + token + "/" + method)
			.send(reactor.netty.ByteBufFlux.fromString(Mono.just(json)))
			.responseSingle((response, body) -> body.asString()
				.map(text -> new Reply(response.status().code(), TelegramJson.mapper().readTree(text))));
	}

	private Reply callNow(String token, String method, String json) {
		return call(token, method, json).block(Duration.ofSeconds(10));
	}

	@Test
	void eachBotAnswersGetMeWithTheIdOfItsTokenAndItsUsername() {
		fake.addBot(ALPHA, "alpha_bot");
		fake.addBot(BETA, "beta_bot");

		JsonNode alpha = callNow(ALPHA, "getMe", "{}").body().get("result");
		JsonNode beta = callNow(BETA, "getMe", "{}").body().get("result");
		JsonNode standard = callNow(FakeBotApi.TOKEN, "getMe", "{}").body().get("result");

		assertThat(alpha.get("id").asLong()).isEqualTo(111);
		assertThat(alpha.get("username").asString()).isEqualTo("alpha_bot");
		assertThat(beta.get("id").asLong()).isEqualTo(222);
		assertThat(beta.get("username").asString()).isEqualTo("beta_bot");
		assertThat(standard.get("id").asLong()).isEqualTo(123456);
		assertThat(standard.get("username").asString()).isEqualTo(FakeBotApi.DEFAULT_USERNAME);
	}

	@Test
	void eachBotPollsItsOwnQueueWithItsOwnOffset() {
		FakeBot alpha = fake.addBot(ALPHA, "alpha_bot");
		FakeBot beta = fake.addBot(BETA, "beta_bot");
		long toAlpha = alpha.enqueue(Updates.message(1, "/start"));
		beta.enqueue(Updates.message(2, "/help"));
		fake.enqueue(Updates.message(3, "/help"));

		assertThat(beta.firstUpdateId(5000).enqueue(Updates.message(2, "/start"))).isEqualTo(5000);
		JsonNode polled = callNow(ALPHA, "getUpdates", "{\"timeout\":0}").body().get("result");
		assertThat(polled).hasSize(1);
		assertThat(polled.get(0).at("/message/from/id").asLong()).isEqualTo(1);

		callNow(ALPHA, "getUpdates", "{\"offset\":" + (toAlpha + 1) + ",\"timeout\":0}");
		assertThat(alpha.unconfirmed()).isZero();
		assertThat(alpha.confirmedOffset()).isEqualTo(toAlpha + 1);
		assertThat(beta.unconfirmed()).isEqualTo(2);
		assertThat(fake.unconfirmed()).as("the default bot's").isEqualTo(1);
		assertThat(beta.deliveriesOf(1)).isZero();
	}

	@Test
	void eachCallIsRecordedByTheBotWhoseTokenItCarriesAndByTheFake() {
		FakeBot alpha = fake.addBot(ALPHA, "alpha_bot");
		FakeBot beta = fake.addBot(BETA, "beta_bot");

		callNow(ALPHA, "sendMessage", "{\"chat_id\":7,\"text\":\"to seven\"}");
		callNow(BETA, "sendMessage", "{\"chat_id\":8,\"text\":\"to eight\"}");

		assertThat(alpha.messages()).singleElement().satisfies(call -> {
			assertThat(call.chatId()).isEqualTo(7);
			assertThat(call.token()).isEqualTo(ALPHA);
		});
		assertThat(beta.messagesTo(8)).singleElement().extracting(FakeBotApi.Call::text).isEqualTo("to eight");
		assertThat(beta.messagesTo(7)).isEmpty();
		assertThat(fake.messages()).extracting(FakeBotApi.Call::token).containsExactlyInAnyOrder(ALPHA, BETA);
		assertThat(fake.defaultBot().calls()).isEmpty();
	}

	@Test
	void aRuleOfOneBotLeavesTheOthersAlone() {
		FakeBot alpha = fake.addBot(ALPHA, "alpha_bot");
		fake.addBot(BETA, "beta_bot");
		alpha.when("sendMessage").retryAfter(5);

		Reply limited = callNow(ALPHA, "sendMessage", "{\"chat_id\":7,\"text\":\"hi\"}");
		Reply answered = callNow(BETA, "sendMessage", "{\"chat_id\":7,\"text\":\"hi\"}");
		Reply byDefault = callNow(FakeBotApi.TOKEN, "sendMessage", "{\"chat_id\":7,\"text\":\"hi\"}");

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.body().at("/parameters/retry_after").asInt()).isEqualTo(5);
		assertThat(answered.status()).isEqualTo(200);
		assertThat(byDefault.status()).isEqualTo(200);
	}

	@Test
	void aRevokedTokenIsAnsweredUnauthorizedFromThenOnWhileTheOthersAreAnswered() {
		FakeBot alpha = fake.addBot(ALPHA, "alpha_bot");
		fake.addBot(BETA, "beta_bot");
		assertThat(callNow(ALPHA, "getMe", "{}").status()).isEqualTo(200);

		alpha.revoke();

		for (String method : List.of("getMe", "getUpdates", "sendMessage")) {
			Reply refused = callNow(ALPHA, method, "{\"chat_id\":7,\"text\":\"hi\",\"timeout\":0}");
			assertThat(refused.status()).as(method).isEqualTo(401);
			assertThat(refused.body().get("description").asString()).isEqualTo("Unauthorized");
		}
		assertThat(alpha.revoked()).isTrue();
		assertThat(callNow(BETA, "getMe", "{}").status()).isEqualTo(200);
	}

	@Test
	void aRevocationEndsTheLongPollWaitingWithUnauthorized() {
		FakeBot alpha = fake.addBot(ALPHA, "alpha_bot");
		Mono<Reply> waiting = call(ALPHA, "getUpdates", "{\"timeout\":30}").cache();
		waiting.subscribe();
		await().atMost(Duration.ofSeconds(10)).until(() -> !alpha.calls("getUpdates").isEmpty());

		alpha.revoke();

		StepVerifier.create(waiting.map(Reply::status)).expectNext(401).verifyComplete();
	}

	@Test
	void theDefaultBotAnswersTheTestTokenAloneAsBefore() {
		fake.addBot(ALPHA, "alpha_bot");
		long id = fake.enqueue(Updates.message(5, "/help"));

		assertThat(callNow(FakeBotApi.TOKEN, "getUpdates", "{\"timeout\":0}").body().get("result")).hasSize(1);
		assertThat(fake.deliveriesOf(id)).isEqualTo(1);
		assertThat(fake.bot(FakeBotApi.TOKEN)).isSameAs(fake.defaultBot());
		assertThat(callNow("999:never-added-token-for-the-fake-bot-api-0", "getMe", "{}").status()).isEqualTo(401);
		assertThat(fake.calls()).extracting(FakeBotApi.Call::method).containsExactly("getUpdates", "getMe");
	}

	@Test
	void acceptTokenMovesTheDefaultBotToAnotherToken() {
		String other = "123456:another-token-the-fake-accepts-000000";
		fake.acceptToken(other);

		assertThat(callNow(other, "getMe", "{}").status()).isEqualTo(200);
		assertThat(callNow(FakeBotApi.TOKEN, "getMe", "{}").status()).isEqualTo(401);
	}

	@Test
	void refusesATokenWithoutAnIdOrOneAddedTwice() {
		fake.addBot(ALPHA, "alpha_bot");

		assertThatIllegalArgumentException().isThrownBy(() -> fake.addBot(ALPHA, "again_bot"));
		assertThatIllegalArgumentException().isThrownBy(() -> fake.addBot("alpha:no-id", "alpha_bot"));
		assertThatIllegalArgumentException().isThrownBy(() -> fake.addBot(FakeBotApi.TOKEN, "default_bot"));
		assertThatIllegalArgumentException().isThrownBy(() -> fake.bot("999:never-added"));
	}
}
