package io.analytips.bot;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import reactor.core.publisher.Mono;

/** A callback query no other handler took (old or forged button data): answered, so the spinner stops. */
final class FallbackCallbackHandler implements Handler {

	private final Messages messages;

	private final Preferences preferences;

	FallbackCallbackHandler(Messages messages, Preferences preferences) {
		this.messages = messages;
		this.preferences = preferences;
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
		return preferences.of(context)
			.flatMap(reader -> context.answerCallback(messages.get(reader.locale(), "callback.expired"), false));
	}
}
