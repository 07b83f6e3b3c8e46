package io.analytips.replica;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class SharedLeadTest {

	/** A lead whose campaign ends when the test says; counts campaigns and give-ups. */
	static class Campaigns implements Leadership {

		final AtomicInteger started = new AtomicInteger();

		final AtomicInteger cancelled = new AtomicInteger();

		final AtomicInteger released = new AtomicInteger();

		final Sinks.Empty<Void> won = Sinks.empty();

		volatile boolean leads;

		@Override
		public Mono<Void> acquire() {
			return Mono.defer(() -> {
				started.incrementAndGet();
				return won.asMono().doOnSuccess(ignored -> leads = true);
			}).doOnCancel(cancelled::incrementAndGet);
		}

		@Override
		public Mono<Void> lost() {
			return Mono.never();
		}

		@Override
		public Lease lease() {
			return leads ? Lease.ALWAYS : Lease.NONE;
		}

		@Override
		public boolean leads() {
			return leads;
		}

		@Override
		public boolean shared() {
			return true;
		}

		@Override
		public Mono<Void> release() {
			return Mono.fromRunnable(released::incrementAndGet);
		}
	}

	@Test
	void botsStandingByJoinOneCampaignAndAllLeadWhenItIsWon() {
		Campaigns lead = new Campaigns();
		SharedLead shared = new SharedLead(lead);

		StepVerifier first = StepVerifier.create(shared.acquire()).expectComplete().verifyLater();
		StepVerifier second = StepVerifier.create(shared.acquire()).expectComplete().verifyLater();
		assertThat(lead.started).hasValue(1);

		lead.won.tryEmitEmpty();
		first.verify();
		second.verify();
		StepVerifier.create(shared.acquire()).verifyComplete(); // leading already: nothing to campaign for
		assertThat(lead.started).hasValue(1);
	}

	@Test
	void oneBotStoppingNeitherEndsTheCampaignNorGivesTheLeadUp() {
		Campaigns lead = new Campaigns();
		SharedLead shared = new SharedLead(lead);
		var one = shared.acquire().subscribe();
		StepVerifier other = StepVerifier.create(shared.acquire()).expectComplete().verifyLater();

		one.dispose();
		StepVerifier.create(shared.release()).verifyComplete();

		assertThat(lead.cancelled).hasValue(0);
		assertThat(lead.released).hasValue(0);
		lead.won.tryEmitEmpty();
		other.verify();
	}

	@Test
	void theHostEndsTheCampaignAndGivesTheLeadUpForAll() {
		Campaigns lead = new Campaigns();
		SharedLead shared = new SharedLead(lead);
		shared.acquire().subscribe();

		StepVerifier.create(shared.releaseForAll()).verifyComplete();

		assertThat(lead.cancelled).hasValue(1);
		assertThat(lead.released).hasValue(1);
	}

	@Test
	void aFailedCampaignFailsEveryBotWaitingAndTheNextStartsAgain() {
		AtomicInteger attempts = new AtomicInteger();
		Leadership failing = new Campaigns() {
			@Override
			public Mono<Void> acquire() {
				return Mono.defer(() -> attempts.incrementAndGet() == 1 ? Mono.error(new IllegalStateException("no database"))
						: Mono.empty());
			}
		};
		SharedLead shared = new SharedLead(failing);

		StepVerifier.create(shared.acquire()).verifyErrorMessage("no database");
		StepVerifier.create(shared.acquire()).verifyComplete();
		assertThat(attempts).hasValue(2);
	}

	@Test
	void aProcessAloneNeverCampaigns() {
		SharedLead shared = new SharedLead(Leadership.SOLE);
		StepVerifier.create(shared.acquire()).verifyComplete();
		assertThat(shared.shared()).isFalse();
		assertThat(shared.lease().valid()).isTrue();
	}
}
