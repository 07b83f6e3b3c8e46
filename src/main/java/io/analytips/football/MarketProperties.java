package io.analytips.football;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the bot collects market prices for the model ({@code analytips.market.*}).
 *
 * @param sweepEnabled {@code MARKET_SWEEP_ENABLED}: whether today's upcoming fixtures' odds are read on a
 *        schedule; off, only the odds of analysed fixtures are kept
 * @param firstSweepAfter the wait after start-up before the first sweep
 * @param sweepEvery {@code MARKET_SWEEP_EVERY}: the time between sweeps; the last reading before kick-off is
 *        kept, so shorter is closer to the closing price, at one {@code /odds} page per league with games
 *        each time (10 fixtures a page; odds pages are cached for 30 minutes to 3 hours, shared with analyses),
 *        within the background share of the daily quota ({@code API_FOOTBALL_BACKGROUND_SHARE})
 */
@Validated
@ConfigurationProperties("analytips.market")
public record MarketProperties(boolean sweepEnabled, @NotNull Duration firstSweepAfter, @NotNull Duration sweepEvery) {

	public MarketProperties {
		if (sweepEvery != null && sweepEvery.compareTo(Duration.ofMinutes(1)) < 0) {
			throw new IllegalArgumentException("analytips.market.sweep-every must be at least 1 minute: " + sweepEvery);
		}
	}
}
