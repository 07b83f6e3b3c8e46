package io.analytips.pipeline;

import java.util.ArrayList;
import java.util.List;

import io.analytips.support.Updates;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.model.AnswerInlineQuery;
import io.analytips.telegram.model.Update;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** An inline query's context: no chat, the sender's id where a private reply would go, the sender's rate. */
class UpdateContextInlineTest {

	@Test
	void anInlineQueryHasItsSenderButNoChat() {
		UpdateContext context = TestContexts.of(ReceivedUpdate.parse(5, Updates.inlineQuery(42, "flamengo", "en")
			.put("update_id", 5)
			.toString()));

		assertThat(context.kind()).isEqualTo("inline_query");
		assertThat(context.isInlineQuery()).isTrue();
		assertThat(context.isCallback()).isFalse();
		assertThat(context.chat()).isNull();
		assertThat(context.chatId()).isEqualTo(42L);
		assertThat(context.rateKey()).isEqualTo(42L);
		assertThat(context.text()).as("not a message: no command, no free text").isNull();
		assertThat(context.locale().getLanguage()).isEqualTo("en");
		assertThat(context.update().inlineQuery().query()).isEqualTo("flamengo");
	}

	private static UpdateContext context(tools.jackson.databind.node.ObjectNode update, OutboundScheduler outbound) {
		return TestContexts.of(ReceivedUpdate.parse(update.put("update_id", 6)), outbound);
	}

	@Test
	void answersAnInlineQueryOnceWithAnEmptyAnswerThatOffersToTryAgain() {
		OutboundScheduler outbound = mock(OutboundScheduler.class);
		List<AnswerInlineQuery> sent = new ArrayList<>();
		when(outbound.answerInlineQuery(any())).thenAnswer(call -> Mono.fromRunnable(() -> sent.add(call.getArgument(0))));
		UpdateContext context = context(Updates.inlineQuery(42, "x", "en"), outbound);

		StepVerifier.create(context.answerInlineEmpty("Try again")).verifyComplete();
		StepVerifier.create(context.answerInlineEmpty("Again?")).verifyComplete();

		assertThat(sent).singleElement().satisfies(answer -> {
			assertThat(answer.inlineQueryId()).isEqualTo(context.update().inlineQuery().id());
			assertThat(answer.results()).isEmpty();
			assertThat(answer.cacheTime()).isZero();
			assertThat(answer.isPersonal()).isTrue();
			assertThat(answer.button().text()).isEqualTo("Try again");
			assertThat(answer.button().startParameter()).isEqualTo(UpdateContext.TRY_AGAIN);
		});
	}

	@Test
	void answersNothingForAnUpdateThatIsNoInlineQuery() {
		OutboundScheduler outbound = mock(OutboundScheduler.class);
		UpdateContext message = context(Updates.message(42, "hi"), outbound);

		StepVerifier.create(message.answerInlineEmpty("Try again")).verifyComplete();

		verifyNoInteractions(outbound);
	}

	@Test
	void aFailedAnswerErrorsAsTheSchedulerDid() {
		OutboundScheduler outbound = mock(OutboundScheduler.class);
		when(outbound.answerInlineQuery(any())).thenReturn(Mono.error(new IllegalStateException("refused")));

		StepVerifier.create(context(Updates.inlineQuery(42, "x", "en"), outbound)
			.answerInline(new AnswerInlineQuery("q", List.of(), 0, true, null, null)))
			.expectErrorMessage("refused")
			.verify();
	}

	@Test
	void theBotAsksTelegramForInlineQueries() {
		assertThat(Update.ALLOWED).contains("inline_query");
	}
}
