package io.analytips.bot;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import reactor.core.publisher.Mono;

/**
 * A handler whose buttons and commands take the user elsewhere, so a team search they had begun
 * ends: text typed afterwards is no longer taken for a team's name. Wraps the handler; everything
 * else is the handler's own.
 */
final class EndsSearch implements Handler {

	private final Handler handler;

	private final SearchState search;

	EndsSearch(Handler handler, SearchState search) {
		this.handler = handler;
		this.search = search;
	}

	@Override
	public boolean supports(UpdateContext context) {
		return handler.supports(context);
	}

	@Override
	public boolean isNavigation(UpdateContext context) {
		return handler.isNavigation(context);
	}

	@Override
	public String action(UpdateContext context) {
		return handler.action(context);
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		Mono<Void> ended = context.user() == null ? Mono.empty() : search.endIfSearching(context.bot().id(), context.user().id());
		return ended.then(Mono.defer(() -> handler.handle(context)));
	}
}
