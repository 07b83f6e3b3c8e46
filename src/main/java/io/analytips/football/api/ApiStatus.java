package io.analytips.football.api;

/** {@code /status}: the plan and today's use. */
public record ApiStatus(String plan, boolean active, int requestsToday, int dailyLimit) {
}
