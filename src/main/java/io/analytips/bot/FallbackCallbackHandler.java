package io.analytips.bot;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import reactor.core.publisher.Mono;

/** A callback query no other handler took (old or forged button data): answered, so the spinner stops. */
final class FallbackCallbackHandler implements Handler {

	private final Messages messages;

	FallbackCallbackHandler(Messages messages) {
		this.messages = messages;
	}

	/** An old button's "no longer valid" answer costs nothing. */
	@Override
	public boolean isNavigation(UpdateContext context) {
		return true;
	}

	@Override
	public boolean supports(UpdateContext context) {
		return context.isCallback();
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		return context.answerCallback(messages.get(context, "callback.expired"), false);
	}
}
