package io.analytips.ops.alerts;

import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * A condition operators want to hear about: checked periodically by {@link Alerts}, announced once
 * when it starts ({@code raised}) and once when it ends ({@code cleared}), with the figures of the
 * moment. {@code check} emits whether it holds now; an error counts as "holds" only for checks
 * that say so themselves (the database probe maps its own errors).
 */
record Alert(String kind, Supplier<Mono<Boolean>> check, Supplier<String> raised, Supplier<String> cleared) {
}
