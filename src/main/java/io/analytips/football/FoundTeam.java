package io.analytips.football;

/**
 * A team a search found.
 *
 * @param id API-Football's team id (what {@code /fixtures?team=} takes)
 * @param name the name to show: {@link TeamNames#display} of API-Football's
 * @param country API-Football's country of the team (English), or {@code null}
 */
public record FoundTeam(long id, String name, String country) {
}
