package io.analytips.pipeline.dispatch;

import java.util.List;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.support.Replying;
import io.analytips.support.Updates;
import io.analytips.telegram.ReceivedUpdate;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** Picking the handler of an update, and telling navigation from work. */
class HandlersTest {

	private final Replying.Menu menu = new Replying.Menu();

	private final Replying.Echo echo = new Replying.Echo();

	private static UpdateContext context(tools.jackson.databind.node.ObjectNode json) {
		json.put("update_id", 1);
		return new UpdateContext(ReceivedUpdate.parse(1, json.toString()), null);
	}

	@Test
	void picksTheFirstHandlerThatTakesTheUpdate() {
		Handlers handlers = new Handlers(List.of(menu, echo));
		assertThat(handlers.select(context(Updates.message(5, "/start")))).isSameAs(echo);
		assertThat(handlers.select(context(Updates.callback(5, "menu")))).isSameAs(menu);
		assertThat(handlers.select(context(Updates.callback(5, "other")))).isNull();
	}

	@Test
	void onlyButtonPressesItsHandlerCallsNavigationAreNavigation() {
		Handlers handlers = new Handlers(List.of(menu, echo));
		assertThat(handlers.isNavigation(context(Updates.callback(5, "menu")))).isTrue();
		assertThat(handlers.isNavigation(context(Updates.callback(5, "other")))).isFalse();
		assertThat(handlers.isNavigation(context(Updates.message(5, "menu")))).isFalse();
	}

	@Test
	void aHandlerThatThrowsWhileClassifyingCostsTheStricterLimitNotTheUpdate() {
		Handler broken = new Handler() {
			@Override
			public boolean supports(UpdateContext context) {
				throw new IllegalStateException("broken");
			}

			@Override
			public Mono<Void> handle(UpdateContext context) {
				return Mono.empty();
			}
		};
		assertThat(new Handlers(List.of(broken, menu)).isNavigation(context(Updates.callback(5, "menu")))).isFalse();
	}
}
