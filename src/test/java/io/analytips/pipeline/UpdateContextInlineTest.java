package io.analytips.pipeline;

import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.model.Update;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

	@Test
	void theBotAsksTelegramForInlineQueries() {
		assertThat(Update.ALLOWED).contains("inline_query");
	}
}
