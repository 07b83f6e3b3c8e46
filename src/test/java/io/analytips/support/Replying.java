package io.analytips.support;

import java.util.concurrent.atomic.AtomicInteger;

import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import reactor.core.publisher.Mono;

/** Test handlers. */
public final class Replying {

	private Replying() {
	}

	/** Answers every message with "echo: text" (escaped); counts what it handled. */
	public static class Echo implements Handler {

		public final AtomicInteger handled = new AtomicInteger();

		@Override
		public boolean supports(UpdateContext context) {
			return context.update().message() != null;
		}

		@Override
		public Mono<Void> handle(UpdateContext context) {
			handled.incrementAndGet();
			return context.reply("echo: " + io.analytips.telegram.Html.escape(String.valueOf(context.text()))).then();
		}
	}

	/** Holds every update until {@link #release()}; counts what started. */
	public static final class Gate implements Handler {

		public final AtomicInteger started = new AtomicInteger();

		private final reactor.core.publisher.Sinks.Empty<Void> open = reactor.core.publisher.Sinks.empty();

		@Override
		public boolean supports(UpdateContext context) {
			return true;
		}

		@Override
		public Mono<Void> handle(UpdateContext context) {
			started.incrementAndGet();
			return open.asMono().then(context.reply("done " + context.updateId())).then();
		}

		public void release() {
			open.tryEmitEmpty();
		}
	}

	/** Takes button presses whose data starts with "menu": screens answered from memory (navigation). */
	public static final class Menu implements Handler {

		public final AtomicInteger handled = new AtomicInteger();

		@Override
		public boolean supports(UpdateContext context) {
			return context.callbackData() != null && context.callbackData().startsWith("menu");
		}

		@Override
		public boolean isNavigation(UpdateContext context) {
			return true;
		}

		@Override
		public Mono<Void> handle(UpdateContext context) {
			handled.incrementAndGet();
			return context.answerCallback("menu", false);
		}
	}
}
