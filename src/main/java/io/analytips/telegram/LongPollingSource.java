package io.analytips.telegram;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.analytips.replica.Leadership;
import io.analytips.replica.Lease;
import io.analytips.telegram.model.GetUpdates;
import io.analytips.telegram.model.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Long polling as a {@link Flux}. Each cycle calls {@code getUpdates}, stores the batch in the
 * {@link UpdateStore}, emits what is new, and only then moves the offset past the batch, so the
 * next call confirms to Telegram only what is already stored. A failing call or store is retried
 * with the same offset ({@link IntakeRetry}): nothing is confirmed and nothing is lost meanwhile.
 * At start it removes any webhook (polling and a webhook are mutually exclusive).
 */
public class LongPollingSource implements UpdateSource {

	private static final Logger log = LoggerFactory.getLogger(LongPollingSource.class);

	private final BotApi client;

	private final UpdateStore store;

	private final TelegramProperties properties;

	private final SourceState state;

	private final Leadership leadership;

	/** The next offset to ask for: one past the last stored update; null until something is stored. */
	private final AtomicReference<Long> offset = new AtomicReference<>();

	public LongPollingSource(BotApi client, UpdateStore store, TelegramProperties properties, Clock clock) {
		this(client, store, properties, clock, Leadership.SOLE);
	}

	/**
	 * @param leadership each call (which confirms the previous offset) waits for a valid lead: a replica whose lead
	 *        lapsed never polls beside its successor (Telegram would end one of the two calls with 409)
	 */
	public LongPollingSource(BotApi client, UpdateStore store, TelegramProperties properties, Clock clock,
			Leadership leadership) {
		this.leadership = leadership;
		this.client = client;
		this.store = store;
		this.properties = properties;
		this.state = new SourceState(clock, log);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Each {@code getUpdates} asks for no more than downstream has requested and not yet received (at most
	 * {@code pollLimit}), and none is made while that is zero: a burst larger than the room downstream waits at
	 * Telegram. Never emits more than was requested.
	 */
	@Override
	public Flux<ReceivedUpdate> updates() {
		return updates(Mono.never());
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * {@code closing} ends the polling loop (a waiting {@code getUpdates} is cancelled); the batch already stored is
	 * still emitted, so a graceful stop drains it rather than leaving it to the next start.
	 */
	@Override
	public Flux<ReceivedUpdate> updates(Mono<Void> closing) {
		return Flux.defer(() -> {
			PollCredit credit = new PollCredit();
			Mono<Boolean> removeWebhook = client.deleteWebhook(false).retryWhen(IntakeRetry.policy(state))
				.doOnSuccess(removed -> state.listening());
			Mono<List<ReceivedUpdate>> cycle = credit.available(properties.pollLimit())
				.flatMap(this::pollOnce)
				.doOnNext(fresh -> credit.take(fresh.size())) // before its updates are emitted
				.retryWhen(IntakeRetry.policy(state));
			// one batch at a time: the next poll starts once this one's updates are handed on
			return removeWebhook.thenMany(cycle.repeat())
				.takeUntilOther(closing)
				.concatMapIterable(batch -> batch, 1)
				.doOnRequest(credit::give);
		})
			.doOnError(state::failed)
			.doFinally(signal -> state.idle());
	}

	@Override
	public boolean pullsOnDemand() {
		return true;
	}

	private Mono<List<ReceivedUpdate>> pollOnce(int limit) {
		int timeout = (int) properties.pollTimeout().toSeconds();
		return leadership.awaitLease()
			.then(Mono.defer(() -> client.getUpdates(new GetUpdates(offset.get(), limit, timeout, Update.ALLOWED))))
			.flatMap(batch -> batch.isEmpty() ? Mono.just(batch) : store.storeNew(batch).doOnNext(fresh -> advance(batch)))
			.doOnNext(stored -> state.receiving());
	}

	private void advance(List<ReceivedUpdate> batch) {
		long next = batch.stream().mapToLong(ReceivedUpdate::updateId).max().getAsLong() + 1;
		offset.set(next);
	}

	@Override
	public Mono<Void> confirmReceived() {
		Long next = offset.get();
		if (next == null) {
			return Mono.empty();
		}
		Lease term = leadership.lease();
		if (!term.valid()) {
			// a successor may be polling already: a getUpdates now would cut its long poll short with a 409
			log.info("Not confirming offset {}: this replica's lease is not valid (its successor reads on from the inbox)",
					next);
			return Mono.empty();
		}
		return client.getUpdates(new GetUpdates(next, 1, 0, Update.ALLOWED))
			.contextWrite(context -> context.put(Lease.KEY, term)) // looked at again as the request is written
			.doOnSuccess(ignored -> log.info("Confirmed received updates up to offset {}", next))
			.onErrorResume(ex -> {
				log.warn("Could not confirm offset {} (the next start re-reads and ignores those updates): {}", next,
						ex.toString());
				return Mono.empty();
			})
			.then();
	}

	@Override
	public SourceStatus status() {
		return state.get();
	}
}
