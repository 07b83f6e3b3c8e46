package io.analytips.telegram;

import io.analytips.replica.Lease;
import io.analytips.replica.LeaseLapsedException;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;

class LeaseAtTheWireTest {

	private static final byte[] JSON = "{\"chat_id\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

	@Test
	void aCallWithoutALeaseGetsNoCheckAndItsContextStaysAsItWas() {
		Context context = Context.of("other", 1);

		assertThat(LeaseAtTheWire.checkFor(context)).isNull();
		assertThat(LeaseAtTheWire.with(context, null)).isSameAs(context);
		StepVerifier.create(LeaseAtTheWire.body(context, null, JSON))
			.assertNext(body -> assertThat(body.readableBytes()).isEqualTo(JSON.length))
			.verifyComplete();
	}

	@Test
	void aValidLeaseGivesTheBodyAndStampsItsCheckAddedAsOneEntry() {
		Context context = Context.of(Lease.KEY, Lease.ALWAYS, "other", 1);
		LeaseAtTheWire.Check check = LeaseAtTheWire.checkFor(context);

		Context measured = LeaseAtTheWire.with(context, check);

		assertThat(measured.size()).isEqualTo(3);
		assertThat(measured.<LeaseAtTheWire.Check>get(LeaseAtTheWire.Check.class)).isSameAs(check);
		assertThat(check.at).isZero();
		StepVerifier.create(LeaseAtTheWire.body(measured, check, JSON)).expectNextCount(1).verifyComplete();
		assertThat(check.at).isNotZero();
	}

	@Test
	void aLapsedLeaseGivesNoBody() {
		Context context = Context.of(Lease.KEY, Lease.NONE);
		LeaseAtTheWire.Check check = LeaseAtTheWire.checkFor(context);

		StepVerifier.create(LeaseAtTheWire.body(context, check, JSON)).verifyError(LeaseLapsedException.class);
		assertThat(check.at).isZero();
	}
}
