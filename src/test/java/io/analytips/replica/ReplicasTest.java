package io.analytips.replica;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.analytips.replica.internal.ReplicaBeat;
import io.analytips.replica.internal.ReplicaRepository;
import io.analytips.support.CapturedLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;
import reactor.scheduler.clock.SchedulerClock;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.client.ReactorResourceFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The heartbeat on virtual time: every second, carrying the lead, surviving failures, removed at the end. */
class ReplicasTest {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final Clock clock = SchedulerClock.of(time);

	private final ReplicaRepository repository = mock(ReplicaRepository.class);

	private final Replicas replicas = new Replicas(repository, "replica-a", "0.1.0 (abc1234)", Duration.ofSeconds(1), clock,
			time);

	private final CapturedLogs logs = CapturedLogs.of(Replicas.class.getName());

	@AfterEach
	void stop() {
		if (replicas.isRunning()) {
			when(repository.remove(any(), any())).thenReturn(Mono.just(true));
			replicas.stop();
			time.advanceTime();
		}
		logs.close();
		time.dispose();
	}

	private ArgumentCaptor<ReplicaBeat> beats(int count) {
		ArgumentCaptor<ReplicaBeat> beats = ArgumentCaptor.forClass(ReplicaBeat.class);
		verify(repository, times(count)).beat(beats.capture(), eq(Duration.ofSeconds(3)), eq(Replicas.FORGET_AFTER));
		return beats;
	}

	@Test
	void stopsAfterTheWebServerAndBeforeReactorNettysSharedEventLoopsWhichCarryTheDatabasesConnections() {
		assertThat(Replicas.PHASE).isLessThan(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE)
			.isLessThan(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE)
			.isGreaterThan(new ReactorResourceFactory().getPhase());
	}

	@Test
	void beatsAtOnceThenEverySecondCarryingWhetherItLeadsPolling() {
		when(repository.beat(any(), any(), any())).thenReturn(Mono.just(true));
		replicas.start();
		time.advanceTime();
		assertThat(beats(1).getValue()).satisfies(beat -> {
			assertThat(beat.id()).isEqualTo("replica-a");
			assertThat(beat.version()).isEqualTo("0.1.0 (abc1234)");
			assertThat(beat.startedAt()).isEqualTo(Instant.EPOCH);
			assertThat(beat.leadsPolling()).isFalse();
		});
		replicas.leadsPolling(true);
		assertThat(replicas.leadsPolling()).isTrue();
		time.advanceTimeBy(Duration.ofSeconds(2));
		List<ReplicaBeat> all = beats(3).getAllValues();
		assertThat(all).extracting(ReplicaBeat::leadsPolling).containsExactly(false, true, true);
		assertThat(all).extracting(ReplicaBeat::incarnation).containsOnly(all.get(0).incarnation());
		assertThat(replicas.heartbeatStatus()).isEqualTo(new Replicas.HeartbeatStatus(Instant.ofEpochSecond(2), null));
	}

	@Test
	void aFailingHeartbeatIsLoggedOnceAMinuteAndTheBeatsGoOn() {
		AtomicBoolean down = new AtomicBoolean(true);
		when(repository.beat(any(), any(), any())).thenAnswer(call -> down.get()
				? Mono.error(new QueryTimeoutException("PostgreSQL did not answer within 15s"))
				: Mono.just(true));
		replicas.start();
		time.advanceTimeBy(Duration.ofSeconds(59));
		beats(60);
		assertThat(replicas.heartbeatStatus().lastHeartbeat()).isNull();
		assertThat(replicas.heartbeatStatus().problem()).contains("PostgreSQL did not answer");
		assertThat(logs.messages()).filteredOn(line -> line.contains("could not write its heartbeat")).hasSize(1);
		time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(logs.messages()).filteredOn(line -> line.contains("could not write its heartbeat")).hasSize(2);
		down.set(false);
		time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(replicas.heartbeatStatus()).isEqualTo(new Replicas.HeartbeatStatus(Instant.ofEpochSecond(61), null));
		assertThat(logs.messages()).contains("Replica replica-a writes its heartbeat again");
	}

	@Test
	void saysSoWhenAnotherLiveProcessHoldsItsId() {
		when(repository.beat(any(), any(), any())).thenReturn(Mono.just(false));
		replicas.start();
		time.advanceTimeBy(Duration.ofSeconds(5));
		assertThat(replicas.heartbeatStatus().problem()).isEqualTo("another live process uses replica id replica-a");
		assertThat(logs.messages()).filteredOn(line -> line.contains("Another live process")).hasSize(1);
	}

	@Test
	void aCleanStopRemovesTheRowAfterTheHeartbeatInFlight() {
		AtomicBoolean beatEnded = new AtomicBoolean();
		when(repository.beat(any(), any(), any()))
			.thenReturn(Mono.delay(Duration.ofMillis(500), time).doOnNext(tick -> beatEnded.set(true)).thenReturn(true));
		AtomicBoolean removedAfterBeat = new AtomicBoolean();
		when(repository.remove(any(), any())).thenReturn(Mono.fromSupplier(() -> {
			removedAfterBeat.set(beatEnded.get());
			return true;
		}));
		AtomicBoolean stopped = new AtomicBoolean();
		replicas.start();
		time.advanceTime();
		replicas.stop(() -> stopped.set(true));
		assertThat(replicas.isRunning()).isFalse();
		verify(repository, never()).remove(any(), any());
		assertThat(stopped).isFalse();
		time.advanceTimeBy(Duration.ofMillis(500));
		UUID incarnation = beats(1).getValue().incarnation();
		verify(repository).remove(eq("replica-a"), eq(incarnation));
		assertThat(removedAfterBeat).isTrue();
		assertThat(stopped).isTrue();
		time.advanceTimeBy(Duration.ofSeconds(5));
		beats(1);
	}

	@Test
	void aStopWhoseRemovalFailsOrHangsStillEnds() {
		when(repository.beat(any(), any(), any())).thenReturn(Mono.just(true));
		when(repository.remove(any(), any())).thenReturn(Mono.never());
		AtomicBoolean stopped = new AtomicBoolean();
		replicas.start();
		time.advanceTime();
		replicas.stop(() -> stopped.set(true));
		time.advanceTimeBy(Replicas.REMOVE_WITHIN.minusMillis(1));
		assertThat(stopped).isFalse();
		time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(stopped).isTrue();
		assertThat(logs.messages()).anyMatch(line -> line.contains("could not remove its heartbeat row"));

		Replicas failing = new Replicas(repository, "replica-b", null, Duration.ofSeconds(1), clock, time);
		when(repository.remove(any(), any())).thenReturn(Mono.error(new IllegalStateException("database down")));
		AtomicBoolean failingStopped = new AtomicBoolean();
		failing.start();
		time.advanceTime();
		failing.stop(() -> failingStopped.set(true));
		time.advanceTime();
		assertThat(failingStopped).isTrue();
	}

	@Test
	void aStopBeforeAnyStartEndsAtOnce() {
		AtomicBoolean stopped = new AtomicBoolean();
		replicas.stop(() -> stopped.set(true));
		assertThat(stopped).isTrue();
		verify(repository, never()).remove(any(), any());
	}

	@Test
	void liveAsksForTheRowsOfTheLastThreeHeartbeats() {
		Replica a = new Replica("replica-a", Instant.EPOCH, Instant.EPOCH.plusSeconds(9), "0.1.0", true);
		when(repository.seenWithin(Duration.ofSeconds(3))).thenReturn(Mono.just(List.of(a)));
		StepVerifier.create(replicas.live()).expectNext(List.of(a)).verifyComplete();
	}

	@Test
	void liveIsEmptyWhenNoRowIsFresh() {
		when(repository.seenWithin(Duration.ofSeconds(3))).thenReturn(Mono.just(List.of()));
		StepVerifier.create(replicas.live()).expectNext(List.of()).verifyComplete();
	}

	@Test
	void liveErrsWhenTheDatabaseCannotBeRead() {
		when(repository.seenWithin(Duration.ofSeconds(3))).thenReturn(Mono.error(new QueryTimeoutException("slow")));
		StepVerifier.create(replicas.live()).expectError(QueryTimeoutException.class).verify();
	}

	@Test
	void startsAfterTheMigrationsAndBeforeTheWebServer() {
		assertThat(replicas.getPhase()).isGreaterThan(Integer.MIN_VALUE + 1000).isLessThan(Integer.MAX_VALUE - 2048);
	}
}
