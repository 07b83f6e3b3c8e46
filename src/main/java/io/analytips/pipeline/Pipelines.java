package io.analytips.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.analytips.common.BotProfile;
import io.analytips.common.OncePerPeriod;
import io.analytips.pipeline.dispatch.Dispatcher;
import io.analytips.pipeline.dispatch.Handlers;
import io.analytips.pipeline.intake.Intake;
import io.analytips.pipeline.intake.UpdateBuffer;
import io.analytips.pipeline.intake.UserRateLimiter;
import io.analytips.pipeline.journal.SendJournal;
import io.analytips.pipeline.journal.SendWindow;
import io.analytips.pipeline.log.AccessLog;
import io.analytips.pipeline.recovery.HandedOverUpdates;
import io.analytips.pipeline.recovery.InFlight;
import io.analytips.pipeline.recovery.ParkedUpdates;
import io.analytips.replica.Leadership;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.UpdateSource;
import reactor.core.scheduler.Schedulers;

/** Assembles an {@link UpdatePipeline} from its parts; used by the Spring configuration and by tests. */
public final class Pipelines {

	private Pipelines() {
	}

	public static UpdatePipeline build(UpdateSource source, Inbox inbox, OutboundScheduler outbound,
			List<Handler> handlers, Notices notices, UserTracker users, PipelineProperties properties,
			PipelineMetrics metrics, Clock clock) {
		return build(source, inbox, outbound, handlers, notices, users, properties, metrics, clock,
				SendJournal.open(properties.sendJournal()));
	}

	/**
	 * A pipeline that is one of several replicas on one database: it starts once {@code leadership} says this one
	 * leads, and drops its work when the lead is lost ({@link UpdatePipeline#start()}).
	 */
	public static UpdatePipeline build(UpdateSource source, Inbox inbox, OutboundScheduler outbound,
			List<Handler> handlers, Notices notices, UserTracker users, PipelineProperties properties,
			PipelineMetrics metrics, Clock clock, Leadership leadership) {
		return build(source, inbox, outbound, handlers, notices, users, properties, metrics, clock, leadership,
				UpdateListener.NONE);
	}

	/** As above, telling {@code listener} when each update is over (the demo's console waits for it). */
	public static UpdatePipeline build(UpdateSource source, Inbox inbox, OutboundScheduler outbound,
			List<Handler> handlers, Notices notices, UserTracker users, PipelineProperties properties,
			PipelineMetrics metrics, Clock clock, Leadership leadership, UpdateListener listener) {
		return build(source, inbox, outbound, handlers, notices, users, properties, metrics, clock,
				SendJournal.open(properties.sendJournal()), leadership, listener, BotProfile.UNNAMED);
	}

	/**
	 * The pipeline of one of the deployment's bots: its updates come from {@code source} (that bot's), its replies go
	 * through {@code outbound} (that bot's token and limits), its handlers see {@code bot} ({@link
	 * UpdateContext#bot()}), and its send journal lives in {@code journal} (a directory of its own). {@code users} is
	 * shared by the bots: this pipeline's stop leaves it open (whoever made it closes it).
	 */
	public static UpdatePipeline build(UpdateSource source, Inbox inbox, OutboundScheduler outbound,
			List<Handler> handlers, Notices notices, UserTracker users, PipelineProperties properties,
			PipelineMetrics metrics, Clock clock, Leadership leadership, UpdateListener listener, BotProfile bot,
			Path journal) {
		return build(source, inbox, outbound, handlers, notices, users, properties, metrics, clock,
				SendJournal.open(journal), leadership, listener, bot, false);
	}

	static UpdatePipeline build(UpdateSource source, Inbox inbox, OutboundScheduler outbound, List<Handler> handlers,
			Notices notices, UserTracker users, PipelineProperties properties, PipelineMetrics metrics, Clock clock,
			SendJournal journal) {
		return build(source, inbox, outbound, handlers, notices, users, properties, metrics, clock, journal,
				Leadership.SOLE);
	}

	static UpdatePipeline build(UpdateSource source, Inbox inbox, OutboundScheduler outbound, List<Handler> handlers,
			Notices notices, UserTracker users, PipelineProperties properties, PipelineMetrics metrics, Clock clock,
			SendJournal journal, Leadership leadership) {
		return build(source, inbox, outbound, handlers, notices, users, properties, metrics, clock, journal, leadership,
				UpdateListener.NONE, BotProfile.UNNAMED);
	}

	/**
	 * @param leadership with replicas, the pipeline starts once this one leads and drops its work when it stops
	 * @param listener told when each update is over
	 * @param bot the bot whose updates these are
	 */
	static UpdatePipeline build(UpdateSource source, Inbox inbox, OutboundScheduler outbound, List<Handler> handlers,
			Notices notices, UserTracker users, PipelineProperties properties, PipelineMetrics metrics, Clock clock,
			SendJournal journal, Leadership leadership, UpdateListener listener, BotProfile bot) {
		return build(source, inbox, outbound, handlers, notices, users, properties, metrics, clock, journal, leadership,
				listener, bot, true);
	}

	private static UpdatePipeline build(UpdateSource source, Inbox inbox, OutboundScheduler outbound,
			List<Handler> handlers, Notices notices, UserTracker users, PipelineProperties properties,
			PipelineMetrics metrics, Clock clock, SendJournal journal, Leadership leadership, UpdateListener listener,
			BotProfile bot, boolean closesUsers) {
		Background background = new Background(properties.handlerTimeout(), metrics.registry());
		// An outcome durable in the inbox (written, or written again) releases the update's journal records.
		InFlight inFlight = new InFlight(inbox, listener, journal::release);
		ParkedUpdates parked = new ParkedUpdates(inbox, inFlight, properties.parkedAfter(), metrics.registry());
		Handlers ordered = new Handlers(handlers);
		UserRateLimiter limiter = new UserRateLimiter(properties.rateLimit(), properties.rateWindow(), clock);
		UserRateLimiter navigationLimiter = new UserRateLimiter(properties.navigationRateLimit(),
				properties.rateWindow(), clock);
		OncePerPeriod<Long> overloadNotices = new OncePerPeriod<>(properties.overloadNoticeInterval(), clock);
		AccessLog access = new AccessLog(properties.logUpdates(), System::nanoTime, bot.username());
		Intake intake = new Intake(inFlight, limiter, navigationLimiter, ordered, overloadNotices, outbound, notices, users,
				background, metrics, access, bot);
		SendWindow sends = new SendWindow(journal, properties.sendWindow(), metrics.registry(), inbox::markFirstSent);
		Dispatcher dispatcher = new Dispatcher(ordered, inFlight, notices, properties.handlerTimeout(),
				properties.concurrency(), properties.chatBacklog(), intake::rejectBusyChat, metrics, access, sends);
		// The buffer's room, counted low (what is running or has an outcome to write counts too): never overflows.
		UpdateSource intakeSource = !source.handsOver() ? source : new HandedOverUpdates(source, inbox, inFlight,
				() -> properties.queueCapacity() - inFlight.size(), Schedulers.parallel());
		UpdateBuffer buffer = new UpdateBuffer(properties.queueCapacity(), properties.maxWait(), clock, intake::reject,
				intake::rejectAged);
		return new UpdatePipeline(intakeSource, inbox, inFlight, parked, intake, dispatcher, closesUsers ? users : null, outbound,
				background, properties, metrics, sends, journal, leadership, buffer);
	}
}
