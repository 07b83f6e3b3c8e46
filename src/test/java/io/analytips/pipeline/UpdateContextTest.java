package io.analytips.pipeline;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import io.analytips.common.BotProfile;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import org.junit.jupiter.api.Test;

import io.analytips.telegram.model.ReplyParameters;
import io.analytips.telegram.model.SendMessage;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class UpdateContextTest {

	private static final BotProfile ENGLISH_BOT = new BotProfile(5, "lisbon_bot", Locale.ENGLISH, ZoneId.of("Europe/Lisbon"),
			Set.of(39), Set.of());

	private static UpdateContext from(String language, BotProfile bot) {
		return new UpdateContext(ReceivedUpdate.parse(Updates.message(7, 7, "private", "/start", language).put("update_id", 1)),
				null, bot);
	}

	@Test
	void speaksTheClientsLanguageWhenTheBotSpeaksIt() {
		assertThat(from("en-GB", BotProfile.UNNAMED).locale()).isEqualTo(Locale.ENGLISH);
		assertThat(from("pt-br", ENGLISH_BOT).locale()).isEqualTo(UpdateContext.DEFAULT_LOCALE);
		assertThat(from("en", ENGLISH_BOT).locale()).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void otherwiseSpeaksTheBotsLanguageElsePortuguese() {
		assertThat(from("es", ENGLISH_BOT).locale()).isEqualTo(Locale.ENGLISH);
		assertThat(from(null, ENGLISH_BOT).locale()).isEqualTo(Locale.ENGLISH);
		assertThat(from("es", BotProfile.UNNAMED).locale()).isEqualTo(UpdateContext.DEFAULT_LOCALE);
	}

	@Test
	void carriesTheBotItCameTo() {
		assertThat(from("en", ENGLISH_BOT).bot()).isEqualTo(ENGLISH_BOT);
		assertThat(ENGLISH_BOT.offered(java.util.List.of(71, 39, 140))).containsExactly(39);
		assertThat(BotProfile.UNNAMED.offered(java.util.List.of(71, 39))).containsExactly(71, 39);
		assertThat(ENGLISH_BOT.name()).isEqualTo("lisbon_bot");
		assertThat(BotProfile.UNNAMED.name()).isEqualTo("0");
	}

	private static UpdateContext in(String chatType, long chatId, String text) {
		return context(Updates.message(7, chatId, chatType, text, "en"));
	}

	private static UpdateContext context(ObjectNode update) {
		return new UpdateContext(ReceivedUpdate.parse(update.put("update_id", 1)), null, ENGLISH_BOT);
	}

	@Test
	void aCommandAddressedToAnotherBotIsNoCommandOfOursAndIsOverheard() {
		UpdateContext other = in("supergroup", -1001, "/tabela@OtherBot");
		assertThat(other.command()).isNull();
		assertThat(other.isOverheard()).isTrue();
		assertThat(in("private", 7, "/tabela@OtherBot").isOverheard()).isTrue();
		UpdateContext ours = in("supergroup", -1001, "/tabela@LISBON_bot 39");
		assertThat(ours.command()).isEqualTo(new Command("tabela", "39", "LISBON_bot"));
		assertThat(ours.isOverheard()).isFalse();
	}

	@Test
	void theTalkOfAGroupIsOverheardButNotTextInAPrivateChat() {
		assertThat(in("group", -5, "anyone watching tonight?").isOverheard()).isTrue();
		assertThat(in("group", -5, "/tabela").isOverheard()).isFalse();
		assertThat(in("private", 7, "flamengo").isOverheard()).isFalse();
		assertThat(context(Updates.callback(7, "m")).isOverheard()).isFalse();
	}

	@Test
	void inAGroupAReplyAnswersTheAskingMessageInItsTopic() {
		ObjectNode update = Updates.message(7, -1001, "supergroup", "/tabela", "en");
		((ObjectNode) update.get("message")).put("message_id", 42).put("message_thread_id", 3).put("is_topic_message", true);
		SendMessage threaded = context(update).threaded(SendMessage.html(-1001, "table", null));
		assertThat(threaded.replyParameters()).isEqualTo(new ReplyParameters(42, true));
		assertThat(threaded.messageThreadId()).isEqualTo(3);
	}

	@Test
	void outsideATopicAGroupReplyNamesNoThread() {
		ObjectNode update = Updates.message(7, -5, "group", "/tabela", "en");
		// a reply outside forums has a thread id too, which is not a topic
		((ObjectNode) update.get("message")).put("message_id", 42).put("message_thread_id", 40);
		SendMessage threaded = context(update).threaded(SendMessage.html(-5, "table", null));
		assertThat(threaded.replyParameters()).isEqualTo(ReplyParameters.to(42));
		assertThat(threaded.messageThreadId()).isNull();
	}

	@Test
	void aMessageSentAfterAPressInATopicGoesToThatTopicAnsweringNothing() {
		ObjectNode update = Updates.callback(7, "m");
		ObjectNode message = (ObjectNode) update.get("callback_query").get("message");
		message.put("message_thread_id", 3).put("is_topic_message", true);
		((ObjectNode) message.get("chat")).put("id", -1001).put("type", "supergroup");
		SendMessage threaded = context(update).threaded(SendMessage.html(-1001, "analysis", null));
		assertThat(threaded.messageThreadId()).isEqualTo(3);
		assertThat(threaded.replyParameters()).isNull();
	}

	@Test
	void aPrivateReplyIsAPlainMessage() {
		SendMessage plain = SendMessage.html(7, "hi", null);
		assertThat(in("private", 7, "/start").threaded(plain)).isEqualTo(plain);
	}
}
