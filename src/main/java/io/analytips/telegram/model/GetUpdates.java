package io.analytips.telegram.model;

import java.util.List;

/** {@code getUpdates}: calling it with an {@code offset} confirms every update below that id. */
public record GetUpdates(Long offset, int limit, int timeout, List<String> allowedUpdates) {
}
