package io.analytips.football.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Splits the plan's daily quota between users and background work (the market sweep): background calls
 * may spend at most {@code sharePercent} of the day's quota, counted per UTC day (API-Football resets
 * quotas at 00:00 UTC); users keep the rest, down to the {@link Quota} reserve. Background work marks
 * itself in the Reactor context ({@link #background}); a call is counted when it is sent, each attempt
 * apart. The plan's quota is read from API-Football's {@code x-ratelimit-requests-limit}; until an answer
 * has carried it, the free plan's 100 is assumed, the smallest there is. The count lives in memory: a
 * restart starts the day's background count afresh. Thread-safe.
 */
public final class QuotaPlanner {

	private static final Logger log = LoggerFactory.getLogger(QuotaPlanner.class);

	/** The free plan's daily quota: assumed until API-Football's headers tell the plan's. */
	static final long FREE_PLAN_DAILY = 100;

	/** The context key; private, so only {@link #background} marks work as background. */
	private static final Object KEY = QuotaPlanner.class;

	private final Clock clock;

	private final int sharePercent;

	private LocalDate day;

	private long spent;

	private long refused;

	QuotaPlanner(Clock clock, int sharePercent) {
		if (sharePercent < 0 || sharePercent > 100) {
			throw new IllegalArgumentException("the background share is a percentage (0-100), not " + sharePercent);
		}
		this.clock = clock;
		this.sharePercent = sharePercent;
	}

	/** {@code context} marked as background work: its calls are counted against the background share. */
	public static Context background(Context context) {
		return context.put(KEY, Boolean.TRUE);
	}

	static boolean isBackground(ContextView context) {
		return context.hasKey(KEY);
	}

	/**
	 * Whether background work may still send a call today (checked before it waits for a permit); a no is
	 * counted as a refusal.
	 */
	synchronized boolean allowsBackground(long dailyLimit) {
		roll();
		if (spent < allowance(dailyLimit)) {
			return true;
		}
		refuse(dailyLimit);
		return false;
	}

	/**
	 * Counts a call about to be sent: a user's always goes; a background one goes only while the share is
	 * not spent (false: do not send it).
	 */
	synchronized boolean take(boolean background, long dailyLimit) {
		if (!background) {
			return true;
		}
		roll();
		long allowance = allowance(dailyLimit);
		if (spent >= allowance) {
			refuse(dailyLimit);
			return false;
		}
		spent++;
		return true;
	}

	private void refuse(long dailyLimit) {
		if (refused++ == 0) {
			log.info("Background API-Football calls stop for today: their share ({}% of {} requests) is spent",
					sharePercent, dailyLimit > 0 ? dailyLimit : FREE_PLAN_DAILY);
		}
	}

	/** Background calls sent today (UTC) and the most they may be. */
	public synchronized QuotaPlan status(long dailyLimit) {
		roll();
		return new QuotaPlan(spent, allowance(dailyLimit), refused);
	}

	private long allowance(long dailyLimit) {
		long limit = dailyLimit > 0 ? dailyLimit : FREE_PLAN_DAILY;
		return limit * sharePercent / 100;
	}

	private void roll() {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		if (!today.equals(day)) {
			day = today;
			spent = 0;
			refused = 0;
		}
	}

	/**
	 * The background side of today's quota.
	 *
	 * @param spent background calls sent today (UTC)
	 * @param allowance the most they may be today
	 * @param refused background calls not sent today because the allowance was spent
	 */
	public record QuotaPlan(long spent, long allowance, long refused) {
	}
}
