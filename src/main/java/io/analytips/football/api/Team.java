package io.analytips.football.api;

/** A team found by {@code /teams?search=}. */
public record Team(long id, String name, String country, String code, boolean national) {
}
