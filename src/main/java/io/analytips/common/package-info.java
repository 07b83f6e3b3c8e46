/**
 * What every feature shares and none owns. Small reactive building blocks: keyed serial lanes
 * ({@code SerialLanes}), once-per-period gates, permits, backoff, periodic rounds, caches and the clock
 * adapters. And the one Reactor-context entry an update carries ({@code UpdateScope}): the pipeline puts it
 * in, and the API-Football client counts its calls there ({@code UpstreamCalls}), the outbound scheduler
 * records its sends there ({@code SendRecord}) and the logs read its ids there ({@code LogContext}); it sits
 * here because each of those packages reads it and none may depend on another. Depends on nothing else of
 * ours.
 */
package io.analytips.common;
