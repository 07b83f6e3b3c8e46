package io.analytips.football;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.analytips.football.analysis.BookmakerPrices;
import io.analytips.football.analysis.FairPrices;
import io.analytips.football.analysis.Margin;
import io.analytips.football.analysis.OneXTwo;
import io.analytips.football.api.Fixture;
import io.analytips.football.api.FixtureOdds;
import io.analytips.football.cache.Cached;
import io.analytips.store.MarketPrice;
import io.analytips.store.MarketPriceRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * What the market said about fixtures before kick-off, kept for the model: API-Football serves odds only
 * for upcoming fixtures, so the bot writes down each price it reads and later fits learn from the prices
 * of the matches since played ({@link io.analytips.football.analysis.FitOptions#marketWeight()}). The
 * store is an aid, never a dependency: a failed read or write is logged and the model falls back to
 * scores.
 */
public class MarketMemory {

	private static final Logger log = LoggerFactory.getLogger(MarketMemory.class);

	/** The totals line the model learns from: the one every bookmaker prices, and the backtest measures. */
	private static final double TOTALS_LINE = 2.5;

	private final MarketPriceRepository repository;

	/**
	 * The reading last written per fixture: a popular fixture is analysed many times from one cached copy
	 * of its odds, and only a newer copy is worth a write.
	 */
	private final Cache<Long, Instant> written = Caffeine.newBuilder().maximumSize(10_000).build();

	/** Rows written: operators see whether the model is getting prices at all. */
	private final Counter writes;

	public MarketMemory(MarketPriceRepository repository) {
		this(repository, new SimpleMeterRegistry());
	}

	/** Counts written prices in {@code analytips.market.prices.written}. */
	public MarketMemory(MarketPriceRepository repository, MeterRegistry registry) {
		this.repository = Objects.requireNonNull(repository, "repository");
		this.writes = Counter.builder("analytips.market.prices.written")
			.description("Fixtures' market prices written down before kick-off, for the model")
			.register(registry);
	}

	private MarketMemory() {
		this.repository = null;
		this.writes = Counter.builder("analytips.market.prices.written").register(new SimpleMeterRegistry());
	}

	/** A memory that keeps nothing: the model then fits on scores alone. */
	public static MarketMemory forgetful() {
		return new MarketMemory();
	}

	/**
	 * Writes down the fixture's margin-free 1X2, and over 2.5 goals where that bookmaker prices the line, from
	 * the preferred bookmaker ({@link Prices}) if the odds were read before kick-off. Emits whether a row was
	 * written: false for odds read after kick-off, odds without a match-winner market, a reading not newer
	 * than the one stored (checked in memory first, so repeated analyses of one cached copy cost no write),
	 * or a failed write. Never errors.
	 */
	public Mono<Boolean> record(Fixture fixture, Cached<FixtureOdds> odds) {
		Objects.requireNonNull(fixture, "fixture");
		Objects.requireNonNull(odds, "odds");
		BookmakerPrices prices = Prices.of(odds.value());
		if (repository == null || prices == null || !odds.fetchedAt().isBefore(fixture.kickoff())) {
			return Mono.just(false);
		}
		Instant last = written.getIfPresent(fixture.id());
		if (last != null && !odds.fetchedAt().isAfter(last)) {
			return Mono.just(false);
		}
		MarketPrice price;
		try {
			double[] fair = Margin.multiplicative(prices.oneXTwo());
			price = new MarketPrice(fixture.id(), fair[0], fair[1], fair[2], over25(fixture, prices),
					prices.bookmaker(), odds.fetchedAt(), fixture.kickoff());
		}
		catch (IllegalArgumentException ex) {
			// a price of 1.0 or less: nothing a fit could learn from
			log.debug("Market prices of fixture {} left out: {}", fixture.id(), ex.getMessage());
			return Mono.just(false);
		}
		return repository.save(price).doOnNext(saved -> {
			if (saved) {
				writes.increment();
				written.asMap().merge(fixture.id(), odds.fetchedAt(), (a, b) -> a.isAfter(b) ? a : b);
			}
		}).onErrorResume(ex -> {
			log.warn("Could not store the market prices of fixture {}: {}", fixture.id(), ex.toString());
			return Mono.just(false);
		});
	}

	/**
	 * The margin-free probability of over 2.5 goals, or null when the bookmaker has no usable 2.5 line: the 1X2
	 * is still worth keeping without it.
	 */
	private static Double over25(Fixture fixture, BookmakerPrices prices) {
		double[] line = prices.overUnder().get(TOTALS_LINE);
		if (line == null) {
			return null;
		}
		try {
			return Margin.multiplicative(line)[0];
		}
		catch (IllegalArgumentException ex) {
			log.debug("Over/under 2.5 prices of fixture {} left out: {}", fixture.id(), ex.getMessage());
			return null;
		}
	}

	/**
	 * The stored margin-free probabilities (1X2, and over 2.5 where it was priced) of those of
	 * {@code fixtureIds} that have some, by fixture id. Emits an empty map when none are stored or the store
	 * cannot be read (the fit then uses scores alone). Never errors.
	 */
	public Mono<Map<Long, FairPrices>> prices(Collection<Long> fixtureIds) {
		if (repository == null) {
			return Mono.just(Map.of());
		}
		return repository.find(fixtureIds).map(prices -> {
			Map<Long, FairPrices> fair = new HashMap<>();
			prices.forEach((id, p) -> fair.put(id, new FairPrices(new OneXTwo(p.home(), p.draw(), p.away()), p.over25())));
			return fair;
		}).onErrorResume(ex -> {
			log.warn("Could not read market prices, fitting on scores alone: {}", ex.toString());
			return Mono.just(Map.of());
		});
	}
}
