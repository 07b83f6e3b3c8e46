package io.analytips.pipeline;

import io.analytips.pipeline.dispatch.Dispatcher;
import io.analytips.pipeline.intake.UpdateBuffer;
import io.analytips.pipeline.recovery.InFlight;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The pipeline's gauges: the bounded buffer, the updates in the dispatcher, the outcomes to write again. */
final class PipelineGauges {

	private PipelineGauges() {
	}

	static void register(MeterRegistry registry, UpdateBuffer buffer, PipelineProperties properties,
			UpdatePipeline pipeline, Dispatcher dispatcher, InFlight inFlight) {
		Gauge.builder("analytips.queue.size", buffer, UpdateBuffer::queued)
			.description("Updates waiting in the bounded buffer")
			.register(registry);
		Gauge.builder("analytips.queue.capacity", properties, PipelineProperties::queueCapacity)
			.register(registry);
		Gauge.builder("analytips.queue.utilisation", pipeline, running -> running.stats().utilisationPercent())
			.baseUnit("percent")
			.register(registry);
		Gauge.builder("analytips.dispatcher.in_flight", dispatcher, Dispatcher::inFlight)
			.register(registry);
		Gauge.builder("analytips.updates.unrecorded", inFlight, InFlight::unrecorded)
			.description("Outcomes whose write failed, kept to be written again")
			.register(registry);
	}
}
