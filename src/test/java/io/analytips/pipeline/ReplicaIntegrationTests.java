package io.analytips.pipeline;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.analytips.replica.Leadership;
import io.analytips.replica.internal.LeaseRowLeadership;
import io.analytips.store.DatabaseUrl;
import io.analytips.support.FakeBotApi;
import io.analytips.support.PipelineHarness;
import io.analytips.support.Replying;
import io.analytips.support.TestClock;
import io.analytips.support.TestDatabase;
import io.analytips.support.Updates;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.Test;
import io.analytips.telegram.WebhookSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas on one database and one Telegram: one leads (polls and answers), the other stands by, and takes
 * over the unfinished updates when the leader dies, answering each once.
 */
class ReplicaIntegrationTests {

	private static final int UPDATES = 300;

	/** Echoes after a short while, so that the leader dies with updates in flight. */
	private static final class SlowEcho extends Replying.Echo {

		@Override
		public Mono<Void> handle(UpdateContext context) {
			return Mono.delay(Duration.ofMillis(20)).then(super.handle(context));
		}
	}

	private static Leadership elected(ConnectionPool pool) {
		return new LeaseRowLeadership(pool.unwrap(), System::nanoTime, Schedulers.parallel(), Duration.ofMillis(100),
				Duration.ofMillis(100), Duration.ofMillis(500));
	}

	private static PipelineHarness replica(FakeBotApi telegram, DatabaseUrl database, Replying.Echo echo) {
		return PipelineHarness.builder().telegram(telegram).database(database).handlers(echo).globalRate(1000)
			.chatBurst(1000).leadership(ReplicaIntegrationTests::elected).build();
	}

	@Test
	void onlyTheLeaderAnswersAndItsSuccessorFinishesWhatItLeftWhenItDies() {
		DatabaseUrl database = TestDatabase.migrated();
		try (FakeBotApi telegram = FakeBotApi.start();
				PipelineHarness first = replica(telegram, database, new SlowEcho());
				PipelineHarness second = replica(telegram, database, new SlowEcho())) {
			first.start();
			await().atMost(Duration.ofSeconds(10)).until(first.pipeline::leading);
			second.start();
			assertThat(second.pipeline.isRunning()).as("standing by").isTrue();
			assertThat(second.pipeline.leading()).isFalse();
			for (int i = 0; i < UPDATES; i++) {
				telegram.enqueue(Updates.message(1 + i % 50, "m" + i));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> telegram.messages().size() >= UPDATES / 3);
			assertThat(second.pipeline.leading()).as("the standby does not lead while the leader lives").isFalse();

			// the leader dies: its work stops at once, and its lease is renewed no more
			first.pipeline.kill();
			((LeaseRowLeadership) first.leadership).halt();
			long killedAt = System.nanoTime();
			int sentBeforeTheKill = telegram.messages().size();

			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(second.pipeline::leading);
			Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
			await().atMost(Duration.ofSeconds(60)).until(() -> second.count(null, null) == 0
					&& second.count("done", null) == UPDATES);
			second.stopAndWait(Duration.ofSeconds(30));

			long replies = telegram.messages().size();
			System.out.printf("REPLICAS %d updates, %d replies (%d sent before the kill), takeover %d ms%n", UPDATES,
					replies, sentBeforeTheKill, takeover.toMillis());
			assertThat(second.outcomes()).isEqualTo(Map.of("done", (long) UPDATES));
			// the successor cannot read the dead leader's send journal (each harness has its own directory, as each host
			// has its own), but it reads the inbox's marks of acknowledged first messages: what it answers again is at
			// most what was in the dead leader's send window
			assertThat(replies - UPDATES).isBetween(0L, 16L);
			assertThat(takeover).isLessThan(Duration.ofSeconds(5));
		}
	}

	private static PipelineHarness webhookReplica(FakeBotApi telegram, DatabaseUrl database) {
		return PipelineHarness.builder().webhook().telegram(telegram).database(database).handlers(new SlowEcho())
			.globalRate(1000).chatBurst(1000).leadership(ReplicaIntegrationTests::elected).build();
	}

	/**
	 * Posts each chat's updates one after another (each waits for its 200), the chats at once, round robin; a 503
	 * is posted again to the next replica.
	 */
	private static void post(List<PipelineHarness> replicas, int chats, int perChat, int firstId) {
		Flux.range(0, chats)
			.flatMap(chat -> Flux.range(0, perChat).concatMap(k -> {
				long id = firstId + (long) k * chats + chat;
				byte[] body = Updates.message(1000 + chat, "m" + (firstId + k)).put("update_id", id).toString()
					.getBytes(StandardCharsets.UTF_8);
				// a 503 (a replica that stopped) is delivered again to the next one, as Telegram and the balancer would
				return Flux.range(0, 2 * replicas.size())
					.concatMap(attempt -> replicas.get((int) ((id + attempt) % replicas.size())).webhook.receive(body))
					.takeUntil(reception -> reception != WebhookSource.Reception.UNAVAILABLE)
					.last();
			}), chats)
			.doOnNext(reception -> assertThat(reception).isEqualTo(WebhookSource.Reception.ACCEPTED))
			.blockLast(Duration.ofSeconds(30));
	}

	/** Each chat's replies, in the order they were sent. */
	private static Map<Long, List<String>> repliesByChat(FakeBotApi telegram) {
		Map<Long, List<String>> byChat = new TreeMap<>();
		for (FakeBotApi.Call reply : telegram.messages()) {
			byChat.computeIfAbsent(reply.chatId(), chat -> new ArrayList<>()).add(reply.text());
		}
		return byChat;
	}

	@Test
	void behindALoadBalancerEveryReplicaStoresAndTheLeaderAnswersEachOnceInEachChatsOrder() {
		int chats = 40;
		int perChat = 5;
		DatabaseUrl database = TestDatabase.migrated();
		try (FakeBotApi telegram = FakeBotApi.start();
				PipelineHarness first = webhookReplica(telegram, database);
				PipelineHarness second = webhookReplica(telegram, database)) {
			first.start();
			await().atMost(Duration.ofSeconds(10)).until(first.pipeline::leading);
			second.start();

			post(List.of(first, second), chats, perChat, 0);
			await().atMost(Duration.ofSeconds(30)).until(() -> first.count("done", null) == chats * perChat);
			assertThat(second.pipeline.leading()).isFalse();
			assertThat(first.outcomes()).isEqualTo(Map.of("done", (long) chats * perChat));
			List<String> inOrder = java.util.stream.IntStream.range(0, perChat).mapToObj(k -> "echo: m" + k).toList();
			await().atMost(Duration.ofSeconds(5)).until(() -> telegram.messages().size() == chats * perChat);
			assertThat(repliesByChat(telegram)).hasSize(chats).allSatisfy((chat, texts) -> assertThat(texts).isEqualTo(inOrder));
			assertThat(telegram.calls("setWebhook")).as("only the leader registers").hasSize(1);

			// the leader stops (a rolling deploy): while it drains and its successor takes over, both keep storing
			telegram.clearCalls();
			Sinks.Empty<Void> stopped = Sinks.empty();
			first.pipeline.stop(stopped::tryEmitEmpty);
			post(List.of(first, second), chats, perChat, 100 * perChat);
			stopped.asMono().block(Duration.ofSeconds(30));
			await().atMost(Duration.ofSeconds(30)).until(() -> second.count("done", null) == 2L * chats * perChat);
			assertThat(second.pipeline.leading()).isTrue();
			assertThat(second.outcomes()).isEqualTo(Map.of("done", 2L * chats * perChat));
			await().atMost(Duration.ofSeconds(5)).until(() -> telegram.messages().size() == chats * perChat);
			List<String> later = java.util.stream.IntStream.range(0, perChat).mapToObj(k -> "echo: m" + (100 * perChat + k))
				.toList();
			assertThat(repliesByChat(telegram)).allSatisfy((chat, texts) -> assertThat(texts).isEqualTo(later));
		}
	}

	/**
	 * The most messages sent in any {@code window} (sliding, message to message) among these send times. The global
	 * limit is a bucket of {@code rate} refilled at {@code rate} a second: at most {@code rate * (1 + window)}.
	 */
	private static int mostIn(List<Long> atNanos, Duration window) {
		int most = 0;
		int from = 0;
		for (int to = 0; to < atNanos.size(); to++) {
			while (atNanos.get(to) - atNanos.get(from) >= window.toNanos()) {
				from++;
			}
			most = Math.max(most, to - from + 1);
		}
		return most;
	}

	@Test
	void theMessagesOfAllReplicasTogetherStayUnderTheGlobalRateThroughATakeover() {
		int rate = 500;
		int chats = 1000;
		int updates = 10_000;
		DatabaseUrl database = TestDatabase.migrated();
		try (FakeBotApi telegram = FakeBotApi.start();
				PipelineHarness first = rated(telegram, database, rate);
				PipelineHarness second = rated(telegram, database, rate)) {
			first.start();
			await().atMost(Duration.ofSeconds(10)).until(first.pipeline::leading);
			second.start();
			for (int i = 0; i < updates; i++) {
				telegram.enqueue(Updates.message(1 + i % chats, "m" + i));
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> telegram.messages().size() >= updates / 3);
			first.pipeline.kill(); // the leader dies mid-load; its successor sends the rest
			((LeaseRowLeadership) first.leadership).halt();
			long killedAt = System.nanoTime();
			await().atMost(Duration.ofSeconds(120)).until(() -> second.count("done", null) == updates);
			second.stopAndWait(Duration.ofSeconds(30));

			List<Long> sent = telegram.messages().stream().map(FakeBotApi.Call::atNanos).sorted().toList();
			int inASecond = mostIn(sent, Duration.ofSeconds(1));
			int inFive = mostIn(sent, Duration.ofSeconds(5));
			double seconds = (sent.get(sent.size() - 1) - sent.get(0)) / 1e9;
			System.out.printf("REPLICAS global rate %d/s: %d messages in %.1f s (%.0f/s), at most %d in a second and %d in"
					+ " five%n", rate, sent.size(), seconds, sent.size() / seconds, inASecond, inFive);
			int[] around = new int[24]; // 250 ms slots from 2 s before the kill to 4 s after
			for (long at : sent) {
				int slot = (int) Math.floorDiv(at - killedAt + 2_000_000_000L, 250_000_000L);
				if (slot >= 0 && slot < around.length) {
					around[slot]++;
				}
			}
			System.out.println("REPLICAS around the kill, per 250 ms from -2 s: " + java.util.Arrays.toString(around));
			assertThat(sent.size()).isGreaterThanOrEqualTo(updates);
			// The bucket allows rate * (1 + window); the fake sees arrivals, which the client's queueing bunches by a few
			// percent (measured up to 1 014 in a second and 3 134 in five), hence 10% over. No overlap at the takeover:
			// the slots around the kill go to 0 for the lease before the successor's burst.
			// 20% over in one second: a leader whose lease lapsed for a moment under load (its renewals delayed) resumes
			// with a full bucket and sends rate * (1 + window) at once, which the fake sees bunched: 1 098 on 2026-12-06
			assertThat(inASecond).isLessThanOrEqualTo(2 * rate * 12 / 10);
			assertThat(inFive).isLessThanOrEqualTo(6 * rate * 11 / 10);
			// over the whole run: each leader's bucket starts full (rate) and then refills at rate a second
			assertThat((double) sent.size()).isLessThanOrEqualTo(rate * seconds * 1.05 + 2 * rate);
		}
	}

	private static PipelineHarness rated(FakeBotApi telegram, DatabaseUrl database, int rate) {
		return PipelineHarness.builder().telegram(telegram).database(database).handlers(new Replying.Echo())
			.globalRate(rate).chatBurst(100).queueCapacity(10_000).leadership(ReplicaIntegrationTests::elected).build();
	}

	@Test
	void aUsersLimitHoldsForTheWholeDeploymentBecauseOnlyTheLeaderHandles() {
		DatabaseUrl database = TestDatabase.migrated();
		try (FakeBotApi telegram = FakeBotApi.start();
				PipelineHarness first = replica(telegram, database, new Replying.Echo());
				PipelineHarness second = replica(telegram, database, new Replying.Echo())) {
			first.start();
			second.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> first.pipeline.leading() || second.pipeline.leading());

			// one user's 25 commands at once, against 10 a minute: whichever replica leads answers 10 and one notice
			for (int i = 0; i < 25; i++) {
				telegram.enqueue(Updates.message(7, "c" + i));
			}
			PipelineHarness leader = first.pipeline.leading() ? first : second;
			await().atMost(Duration.ofSeconds(30)).until(() -> leader.count(null, null) == 0
					&& leader.count("done", null) + leader.count("rate_limited", null) == 25);

			assertThat(telegram.messagesTo(7)).extracting(FakeBotApi.Call::text)
				.filteredOn(text -> text.startsWith("echo: "))
				.hasSize(10);
			assertThat(telegram.messagesTo(7)).extracting(FakeBotApi.Call::text).filteredOn("RATE LIMITED"::equals).hasSize(1);
			assertThat(telegram.messagesTo(7)).hasSize(11);
		}
	}
}
