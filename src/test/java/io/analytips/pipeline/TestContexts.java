package io.analytips.pipeline;

import io.analytips.common.BotProfile;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.ReceivedUpdate;

/** Update contexts for tests of other packages (the constructor is the pipeline's own). */
public final class TestContexts {

	private TestContexts() {
	}

	/** A context whose replies go nowhere (for handlers' decisions, not their answers). */
	public static UpdateContext of(ReceivedUpdate received) {
		return new UpdateContext(received, null);
	}

	public static UpdateContext of(ReceivedUpdate received, OutboundScheduler outbound) {
		return new UpdateContext(received, outbound);
	}

	/** A context of an update that came to {@code bot}. */
	public static UpdateContext of(ReceivedUpdate received, OutboundScheduler outbound, BotProfile bot) {
		return new UpdateContext(received, outbound, bot);
	}
}
