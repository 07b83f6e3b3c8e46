package io.analytips.football.api;

/** A league or cup, with its current season (start year), if API-Football marks one. */
public record League(int id, String name, String type, String country, Integer currentSeason) {
}
