package io.analytips.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.analytips.replica.LeaseEndedException;
import io.analytips.store.Alert;
import io.analytips.store.AlertKey;
import io.analytips.store.AlertRepository;
import io.analytips.store.FollowRepository;
import io.analytips.store.ForecastRepository;
import io.analytips.store.WatchedFixture;
import io.analytips.store.WatchedFixtureRepository;
import io.analytips.telegram.OutboundScheduler;
import io.analytips.telegram.TelegramException;
import io.analytips.telegram.model.SendMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends the alerts that are due, {@code claim} at a time: each batch is claimed ({@code sending}) just before it goes
 * and finished once Telegram answered, so a crash leaves at most one batch to go again. A fixture's words are prepared
 * once for all its followers (one analysis for a pre-kick-off alert, whatever their number); each alert goes as a
 * broadcast ({@link OutboundScheduler#broadcast}), behind the users' replies. A pre-kick-off alert found more than
 * {@code lateAfter} late is dropped; a result goes however late. A 403 marks the chat unreachable. Each batch is
 * claimed under an id of its own and only that claim ends its rows: a leader that was frozen and woke after its
 * successor gave its batch back (and maybe sent it) writes nothing over it, and gives back what it could not send.
 */
final class AlertSender {

	private static final Logger log = LoggerFactory.getLogger(AlertSender.class);

	/** The access log's logger: one line per alert, beside the lines of the updates. */
	private static final Logger access = LoggerFactory.getLogger("io.analytips.access");

	/** Alerts of one batch on their way at once (the flood control paces them; this bounds what waits there). */
	static final int CONCURRENCY = 32;

	private final AlertRepository alerts;

	private final WatchedFixtureRepository watched;

	private final ForecastRepository forecasts;

	private final Forecasts made;

	private final Digests digests;

	private final FollowRepository follows;

	private final AlertTexts texts;

	private final BotOutlets outlets;

	private final AlertMetrics metrics;

	private final FollowProperties properties;

	private final Clock clock;

	AlertSender(AlertRepository alerts, WatchedFixtureRepository watched, ForecastRepository forecasts, Forecasts made,
			Digests digests, FollowRepository follows, AlertTexts texts, BotOutlets outlets, AlertMetrics metrics,
			FollowProperties properties, Clock clock) {
		this.alerts = alerts;
		this.watched = watched;
		this.forecasts = forecasts;
		this.made = made;
		this.digests = digests;
		this.follows = follows;
		this.texts = texts;
		this.outlets = outlets;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Sends batch after batch while {@code leading} and alerts are due; emits how many were sent. Errors with the
	 * store's error (what was claimed then stays {@code sending}, for the next lead to give back).
	 */
	Mono<Long> sendDue(BooleanSupplier leading) {
		return batch(leading).expand(sent -> sent < 0 ? Mono.empty() : batch(leading))
			.filter(sent -> sent > 0)
			.reduce(0L, Long::sum);
	}

	/**
	 * One batch: emits the alerts sent, or -1 to end the round (nothing was claimed: nothing due, or no longer leading;
	 * or some were given back for another try).
	 */
	private Mono<Long> batch(BooleanSupplier leading) {
		return Mono.defer(() -> {
			if (!leading.getAsBoolean()) {
				return Mono.just(-1L);
			}
			String claim = AlertRepository.newClaimId();
			return alerts.claim(clock.instant(), properties.claim(), claim).collectList()
				.flatMap(claimed -> claimed.isEmpty() ? Mono.just(-1L) : send(claimed, claim));
		});
	}

	private Mono<Long> send(List<Alert> claimed, String claim) {
		Map<String, List<Alert>> groups = new LinkedHashMap<>();
		claimed.forEach(alert -> groups.computeIfAbsent(alert.kind() + ":" + alert.fixtureId(), key -> new ArrayList<>())
			.add(alert));
		return Flux.fromIterable(groups.values())
			// words that cannot be had (the store failing) fail each alert of the group: given back for the next round
			.concatMap(group -> words(group).onErrorResume(error -> Mono.just(alert -> Mono.error(error)))
				.flatMapMany(render -> Flux.fromIterable(group)
				.flatMap(alert -> deliver(alert, render).map(delivery -> Map.entry(alert, delivery)), CONCURRENCY)))
			.collectList()
			.flatMap(delivered -> finish(delivered, claim));
	}

	/**
	 * How this group's alerts are written: the fixture read once (and, before kick-off, its forecast made once). A
	 * fixture nobody watches any more gets words that drop its alerts.
	 */
	private Mono<Function<Alert, Mono<SendMessage>>> words(List<Alert> group) {
		Alert first = group.get(0);
		return switch (first.kind()) {
			case DIGEST -> Mono.just(digests::of);
			// every one of them late: no analysis for alerts that will not go
			case BEFORE -> group.stream().allMatch(this::isLate) ? Mono.just(nothing()) : fixture(first).flatMap(fixture -> made.of(fixture)
				.map(forecast -> render(alert -> texts.before(alert, fixture, forecast)))
				.defaultIfEmpty(render(alert -> texts.before(alert, fixture, null))))
				.defaultIfEmpty(nothing());
			case RESULT -> fixture(first).flatMap(fixture -> forecasts.find(fixture.fixtureId())
				.map(forecast -> render(alert -> texts.result(alert, fixture, forecast)))
				.defaultIfEmpty(render(alert -> texts.result(alert, fixture, null))))
				.defaultIfEmpty(nothing());
			case NOTICE -> fixture(first).map(fixture -> render(alert -> texts.notice(alert, fixture)))
				.defaultIfEmpty(nothing());
		};
	}

	private Mono<WatchedFixture> fixture(Alert alert) {
		return watched.find(alert.fixtureId());
	}

	private static Function<Alert, Mono<SendMessage>> render(Function<Alert, SendMessage> text) {
		return alert -> Mono.fromSupplier(() -> text.apply(alert));
	}

	private static Function<Alert, Mono<SendMessage>> nothing() {
		return alert -> Mono.empty();
	}

	private Mono<Delivery> deliver(Alert alert, Function<Alert, Mono<SendMessage>> render) {
		long start = System.nanoTime();
		return attempt(alert, render).doOnNext(delivery -> logged(alert, delivery, start));
	}

	private Mono<Delivery> attempt(Alert alert, Function<Alert, Mono<SendMessage>> render) {
		if (!alert.reader().active()) {
			return Mono.just(Delivery.UNREACHABLE);
		}
		if (isLate(alert)) {
			return Mono.just(Delivery.LATE);
		}
		OutboundScheduler outbound = outlets.outbound(alert.botId()).orElse(null);
		if (outbound == null) {
			return Mono.just(Delivery.NO_BOT);
		}
		return render.apply(alert)
			.flatMap(message -> outbound.broadcast(message).thenReturn(Delivery.SENT))
			.defaultIfEmpty(Delivery.NOTHING_TO_SAY)
			.onErrorResume(error -> failure(alert, error));
	}

	/** A pre-kick-off alert whose moment has passed: more than {@code lateAfter} after it was due. */
	private boolean isLate(Alert alert) {
		return alert.kind() == Alert.Kind.BEFORE
				&& Duration.between(alert.due(), clock.instant()).compareTo(properties.lateAfter()) > 0;
	}

	private Mono<Delivery> failure(Alert alert, Throwable error) {
		if (error instanceof LeaseEndedException) {
			return Mono.just(Delivery.LEFT);
		}
		if (error instanceof TelegramException telegram) {
			return switch (telegram.kind()) {
				case FORBIDDEN -> follows.setActive(alert.botId(), alert.chatId(), false, clock.instant())
					.onErrorResume(ignored -> Mono.just(false))
					.thenReturn(Delivery.BLOCKED);
				// the bot's token was refused: the host stops that bot; its alerts must not hold up the others'
				case BAD_REQUEST, UNAUTHORIZED -> Mono.just(Delivery.failed(telegram.getMessage()));
				// it may have been delivered: never sent twice
				case TIMEOUT -> Mono.just(Delivery.failed("timeout: may have been delivered"));
				default -> Mono.just(Delivery.retry(telegram.getMessage()));
			};
		}
		log.warn("Alert {} to chat {} not sent, tried again next round: {}", alert.kind().code(), alert.chatId(),
				error.toString());
		return Mono.just(Delivery.retry(error.toString()));
	}

	private void logged(Alert alert, Delivery delivery, long start) {
		metrics.outcome(alert.kind(), delivery.outcome());
		if (access.isInfoEnabled()) {
			access.atInfo()
				.addKeyValue("type", "alert")
				.addKeyValue("action", "alert_" + alert.kind().code())
				.addKeyValue("outcome", delivery.outcome())
				.addKeyValue("latency_ms", (System.nanoTime() - start) / 1_000_000)
				.log("alert {} of fixture {} to chat {} (bot {}): {}", alert.kind().code(), alert.fixtureId(),
						alert.chatId(), alert.botId(), delivery.outcome());
		}
	}

	/**
	 * Writes each alert's end, one statement per state, on the rows {@code claim} still holds; emits how many were sent
	 * (-1: stop the round).
	 */
	private Mono<Long> finish(List<Map.Entry<Alert, Delivery>> delivered, String claim) {
		Map<Delivery, List<AlertKey>> byEnd = new LinkedHashMap<>();
		delivered.forEach(entry -> byEnd.computeIfAbsent(entry.getValue(), key -> new ArrayList<>())
			.add(entry.getKey().key()));
		Instant now = clock.instant();
		return Flux.fromIterable(byEnd.entrySet())
			.concatMap(end -> {
				Delivery delivery = end.getKey();
				return delivery.state() == null ? alerts.release(end.getValue(), delivery.detail(), claim)
						: alerts.finish(end.getValue(), delivery.state(), delivery.detail(), now, claim);
			})
			// one given back for another try ends the round: the next tries again, instead of claiming it at once
			.then(Mono.fromSupplier(() -> delivered.stream().anyMatch(entry -> entry.getValue().state() == null) ? -1L
					: delivered.stream().filter(entry -> entry.getValue() == Delivery.SENT).count()));
	}
}
