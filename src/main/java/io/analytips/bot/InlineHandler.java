package io.analytips.bot;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.analytips.common.BotProfile;
import io.analytips.football.analysis.OneXTwo;
import io.analytips.football.api.Fixture;
import io.analytips.pipeline.Handler;
import io.analytips.pipeline.UpdateContext;
import io.analytips.telegram.model.AnswerInlineQuery;
import io.analytips.telegram.model.InlineQueryResult;
import io.analytips.telegram.model.InlineQueryResultsButton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Inline mode, {@code @bot <team>} in any chat: up to ten fixture cards ({@link InlineFixtures}, {@link InlineCards})
 * with the forecast's 1X2 where its analysis is ready ({@link InlineOdds}); an empty query offers today's games. The
 * answer leaves within {@link #DEADLINE} of the handler's start whatever API-Football does: fixtures not found by
 * then are taken from the list last found for the query, or else the answer is empty with a "try again" button; a
 * card whose analysis is not done by then goes without its numbers (its analysis goes on, for the next answer).
 * It never errors and never sends anything to a chat.
 */
final class InlineHandler implements Handler {

	/**
	 * When the answer leaves at the latest. Telegram refuses answers to queries it gave up on (after about 10 s), and
	 * a user typing expects cards within a few seconds.
	 */
	static final Duration DEADLINE = Duration.ofMillis(2500);

	/** Seconds Telegram may serve an answer with every card's numbers: prices, and the numbers, move within minutes. */
	static final int CACHE_FULL = 60;

	/** Seconds for an answer missing numbers, or from a remembered list: asked again soon, the numbers may be in. */
	static final int CACHE_PARTIAL = 5;

	/** Seconds for an answer that found no game: a name with no game stays so for a while. */
	static final int CACHE_NONE = 30;

	private final InlineFixtures fixtures;

	private final InlineOdds odds;

	private final InlinePictures pictures;

	private final InlineCards cards;

	private final Messages messages;

	private final Preferences preferences;

	InlineHandler(InlineFixtures fixtures, InlineOdds odds, InlinePictures pictures, InlineCards cards,
			Messages messages, Preferences preferences) {
		this.fixtures = fixtures;
		this.odds = odds;
		this.pictures = pictures;
		this.cards = cards;
		this.messages = messages;
		this.preferences = preferences;
	}

	@Override
	public boolean supports(UpdateContext context) {
		return context.isInlineQuery();
	}

	/**
	 * Inline queries count against the navigation allowance: Telegram sends one as the user types, and each is
	 * answered from the shared caches and the numbers in memory, within a deadline.
	 */
	@Override
	public boolean isNavigation(UpdateContext context) {
		return true;
	}

	@Override
	public Mono<Void> handle(UpdateContext context) {
		String query = context.update().inlineQuery().query();
		String text = query == null ? "" : query.strip();
		return preferences.of(context).flatMap(reader -> Mono.defer(() -> {
			long end = now() + DEADLINE.toMillis();
			BotProfile bot = context.bot();
			Mono<Found> found = fixtures.find(bot.id(), text, bot.offered(fixtures.leagues()))
				.timeout(DEADLINE)
				.map(list -> new Found(list, true))
				.onErrorResume(error -> Mono.justOrEmpty(fixtures.remembered(bot.id(), text)).map(list -> new Found(list, false)));
			return found.flatMap(list -> answer(context, list, reader, end))
				.flatMap(answer -> context.answerInline(answer).thenReturn(answer))
				.switchIfEmpty(Mono.defer(() -> context.answerInlineEmpty(messages.get(reader.locale(), "notice.try.again"))
					.then(Mono.empty())))
				.then();
		}));
	}

	/** Fixtures and whether they were found now (else remembered: no time left to wait for numbers). */
	private record Found(List<Fixture> fixtures, boolean fresh) {
	}

	private Mono<AnswerInlineQuery> answer(UpdateContext context, Found found, Reader reader, long end) {
		String id = context.update().inlineQuery().id();
		if (found.fixtures().isEmpty()) {
			return Mono.just(new AnswerInlineQuery(id, List.of(), CACHE_NONE, Boolean.TRUE, null,
					new InlineQueryResultsButton(messages.get(reader.locale(), "inline.none"), UpdateContext.TRY_AGAIN)));
		}
		BotProfile bot = context.bot();
		return Flux.fromIterable(found.fixtures())
			.flatMapSequential(fixture -> Mono.zip(oddsOf(fixture, found.fresh(), end),
					pictureOf(bot.id(), fixture, reader, end))
				.map(parts -> new Card(cards.card(fixture, parts.getT1(), parts.getT2(), reader, bot.username()),
						parts.getT1().isPresent())))
			.collectList()
			.map(made -> {
				boolean full = found.fresh() && made.stream().allMatch(Card::numbered);
				List<InlineQueryResult> results = made.stream().map(Card::result).toList();
				// Personal: kick-offs are in the reader's zone, texts in their language.
				return new AnswerInlineQuery(id, results, full ? CACHE_FULL : CACHE_PARTIAL, Boolean.TRUE, null, null);
			});
	}

	private record Card(InlineQueryResult result, boolean numbered) {
	}

	/** The fixture's 1X2 if known, else if its analysis ends before the deadline (fresh lists only); never errors. */
	private Mono<Optional<OneXTwo>> oddsOf(Fixture fixture, boolean fresh, long end) {
		Optional<OneXTwo> known = odds.known(fixture.id());
		if (known.isPresent() || !fresh) {
			return Mono.just(known);
		}
		return within(odds.of(fixture.id()), end);
	}

	/** The fixture's cached picture, if its cache says so before the deadline; never errors. */
	private Mono<Optional<String>> pictureOf(long bot, Fixture fixture, Reader reader, long end) {
		return within(Mono.defer(() -> pictures.cachedFileId(bot, fixture.id(), reader.locale())), end);
	}

	/** What {@code part} emits before {@code end}; empty when it did not, completed empty or failed. */
	private static <T> Mono<Optional<T>> within(Mono<T> part, long end) {
		return Mono.defer(() -> {
			long left = end - now();
			if (left <= 0) {
				return Mono.just(Optional.<T>empty());
			}
			return part.map(Optional::of)
				.timeout(Duration.ofMillis(left), Mono.just(Optional.empty()))
				.onErrorReturn(Optional.empty())
				.defaultIfEmpty(Optional.empty());
		});
	}

	/** Reactor's clock (virtual in tests), which the timeouts run on. */
	private static long now() {
		return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
	}
}
