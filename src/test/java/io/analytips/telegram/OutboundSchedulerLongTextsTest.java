package io.analytips.telegram;

import java.time.Duration;
import java.util.List;

import io.analytips.telegram.model.InlineKeyboardButton;
import io.analytips.telegram.model.InlineKeyboardMarkup;
import io.analytips.telegram.model.SendMessage;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** A text longer than Telegram takes goes as several messages, in order, the keyboard on the last. */
class OutboundSchedulerLongTextsTest extends OutboundFixture {

	@Test
	void splitsALongTextAndPutsTheKeyboardOnTheLastPart() {
		OutboundScheduler scheduler = scheduler(30, 100);
		InlineKeyboardMarkup keyboard = InlineKeyboardMarkup.of(List.of(List.of(InlineKeyboardButton.callback("b", "b"))));
		String text = ("line " + "x".repeat(90) + "\n").repeat(100);
		StepVerifier.withVirtualTime(() -> scheduler.sendMessage(SendMessage.html(1, text, keyboard)), () -> time,
				Long.MAX_VALUE)
			.thenAwait(Duration.ofSeconds(5))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(texts).hasSize(3).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096 + 11));
		assertThat(texts.get(2)).endsWith("[keyboard]");
		assertThat(texts.get(0)).doesNotContain("[keyboard]");
	}

	@Test
	void neverInterleavesTheMessagesOfOneChat() {
		OutboundScheduler scheduler = scheduler(1000, 100);
		String longText = "a".repeat(5000);
		StepVerifier.withVirtualTime(() -> Flux.merge(scheduler.sendMessage(SendMessage.html(1, longText, null)),
				scheduler.sendMessage(SendMessage.html(1, "after", null))), () -> time, Long.MAX_VALUE)
			.thenAwait(Duration.ofSeconds(5))
			.expectNextCount(2)
			.verifyComplete();
		assertThat(texts).hasSize(3);
		assertThat(texts.get(2)).isEqualTo("after");
	}
}
