package io.analytips.ops.metrics;

import java.util.function.ToLongFunction;

import io.analytips.host.BotListener;
import io.analytips.host.HostedBot;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.OutboundStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes each bot's outbound scheduler (its queue and counters) to Micrometer, through the bot's registry, which
 * tags them {@code bot}; the host removes them with the bot.
 */
final class OutboundMetrics implements MeterBinder {

	/** Binds each bot's scheduler as the bot starts. */
	static final BotListener PER_BOT = new BotListener() {

		@Override
		public void started(HostedBot bot) {
			new OutboundMetrics(bot.outbound()).bindTo(bot.meters());
		}
	};

	private final OutboundScheduler outbound;

	OutboundMetrics(OutboundScheduler outbound) {
		this.outbound = outbound;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("analytips.outbound.pending", outbound, o -> o.stats().pending())
			.description("Telegram calls queued or in flight")
			.register(registry);
		Gauge.builder("analytips.outbound.paused_chats", outbound, o -> o.stats().pausedChats())
			.description("Chats paused by a 429")
			.register(registry);
		counter(registry, "sent", OutboundStats::sent);
		counter(registry, "throttled", OutboundStats::throttled);
		counter(registry, "failed", OutboundStats::failed);
		counter(registry, "refused", OutboundStats::refused);
	}

	private void counter(MeterRegistry registry, String result, ToLongFunction<OutboundStats> f) {
		FunctionCounter.builder("analytips.outbound.calls", outbound, o -> f.applyAsLong(o.stats()))
			.description("Telegram calls by result")
			.tag("result", result)
			.register(registry);
	}
}
