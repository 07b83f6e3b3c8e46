package io.analytips.football.api;

/** A team as fixtures and tables name it. */
public record TeamRef(long id, String name, String logo) {
}
