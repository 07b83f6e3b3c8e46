package io.analytips.pipeline;

import io.analytips.pipeline.intake.Intake;
import io.analytips.pipeline.intake.UpdateBuffer;
import io.analytips.pipeline.journal.SendJournal;
import io.analytips.pipeline.recovery.HandedOverUpdates;
import io.analytips.pipeline.recovery.InFlight;
import io.analytips.pipeline.recovery.ParkedUpdates;
import io.analytips.pipeline.recovery.Replay;
import io.analytips.telegram.ReceivedUpdate;
import io.analytips.telegram.UpdateSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What one run of the {@link UpdatePipeline} dispatches, in order: the inbox's unfinished updates replayed first
 * (those a predecessor answered are not answered again, see {@link Replay}), then the source's updates through
 * intake, merged with parked ones, into the bounded buffer. Every update taken is {@link InFlight} from here on.
 */
final class UpdateStream {

	private static final Logger log = LoggerFactory.getLogger(UpdateStream.class);

	private final UpdateSource source;

	private final Inbox inbox;

	private final InFlight inFlight;

	private final ParkedUpdates parked;

	private final Intake intake;

	private final SendJournal journal;

	private final Background background;

	private final PipelineMetrics metrics;

	private final UpdateBuffer buffer;

	UpdateStream(UpdateSource source, Inbox inbox, InFlight inFlight, ParkedUpdates parked, Intake intake,
			SendJournal journal, Background background, PipelineMetrics metrics, UpdateBuffer buffer) {
		this.source = source;
		this.inbox = inbox;
		this.inFlight = inFlight;
		this.parked = parked;
		this.intake = intake;
		this.journal = journal;
		this.background = background;
		this.metrics = metrics;
		this.buffer = buffer;
	}

	/**
	 * The run's updates: the replay, then the live ones. Intake and the replay end when {@code stop} signals; the
	 * returned Flux then completes once the buffer is empty. Never errors: a failed read of the unfinished updates
	 * is logged (they are found parked later), a fatal source error is reported in the source's status.
	 */
	Flux<UpdateContext> updates(Mono<Void> stop) {
		Flux<ReceivedUpdate> found = parked.updates();
		// with replicas storing webhook requests, paged by what is held rather than by id (see HandedOverUpdates)
		Flux<ReceivedUpdate> unfinished = source instanceof HandedOverUpdates handedOver ? handedOver.unfinished()
				: inbox.unfinished();
		// what a predecessor marked as answered is read before its rows, so none of them is answered again
		Flux<UpdateContext> replay = inbox.firstSentUnfinished()
			.flatMapMany(markedSent -> {
				Replay recovered = new Replay(journal, inFlight, background, metrics, markedSent);
				return unfinished.filter(this::entered)
					.filter(received -> toHandleAgain(recovered, received))
					.doOnComplete(recovered::examinedAll);
			})
			.takeUntilOther(stop)
			.onErrorResume(error -> {
				log.error("Could not read unfinished updates; they are found parked later: {}", error.toString());
				return Flux.empty();
			})
			.mapNotNull(intake::replayed)
			.doOnComplete(parked::look); // from now on an unfinished row nobody holds is parked
		Flux<UpdateContext> live = source.updates(stop)
			.onErrorResume(error -> Flux.empty()) // fatal: the source reports it in its status
			.filter(this::entered)
			.transform(intake)
			.as(admitted -> buffer.buffer(admitted, found.takeUntilOther(stop).mapNotNull(intake::resumed),
					source.pullsOnDemand()));
		return Flux.concat(replay, live);
	}

	/**
	 * Takes a stored update into this process ({@link InFlight}). An unreadable one was stored
	 * finished and is only reported by intake; one already held is not dispatched twice.
	 */
	private boolean entered(ReceivedUpdate received) {
		if (!received.isValid() || inFlight.enter(received.updateId())) {
			return true;
		}
		log.warn("Update {} is already being handled; not dispatched again", received.updateId());
		return false;
	}

	/**
	 * Whether a replayed update is handled again; if deciding throws, the update is let go first, so that it is found
	 * parked later instead of held here for good.
	 */
	private boolean toHandleAgain(Replay recovered, ReceivedUpdate received) {
		try {
			return recovered.toHandleAgain(received);
		}
		catch (RuntimeException ex) {
			inFlight.release(received.updateId());
			throw ex;
		}
	}
}
