package io.analytips.football.api;

/** The league of a fixture: {@code season} is the start year (2024 for 2024/25). */
public record LeagueRef(int id, String name, String country, int season, String round) {
}
