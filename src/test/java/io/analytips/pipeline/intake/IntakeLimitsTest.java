package io.analytips.pipeline.intake;

import io.analytips.pipeline.UpdateContext;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Fields larger than Telegram ever sends are not Telegram's: such updates end invalid, unseen by handlers. */
class IntakeLimitsTest {

	private static UpdateContext context(ObjectNode update) {
		return new UpdateContext(ReceivedUpdate.parse(update.put("update_id", 1)), null);
	}

	@Test
	void acceptsWhatTelegramSends() {
		assertThat(Intake.beyondTelegramLimits(context(Updates.message(1, "a".repeat(4096))))).isNull();
		assertThat(Intake.beyondTelegramLimits(context(Updates.callback(1, "é".repeat(32))))).isNull();
	}

	@Test
	void refusesOversizedCallbackDataAndText() {
		assertThat(Intake.beyondTelegramLimits(context(Updates.callback(1, "é".repeat(33)))))
			.isEqualTo("callback_data over 64 bytes");
		assertThat(Intake.beyondTelegramLimits(context(Updates.message(1, "a".repeat(4097)))))
			.isEqualTo("text over 4096 characters");
	}
}
